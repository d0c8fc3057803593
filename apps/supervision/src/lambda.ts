import { lambdaDeps, servedAt } from "@gov/http/lambda";
import { createSupervisionApp } from "./app.ts";
import { consoleSessionKeyFrom } from "./console/config.ts";

export const handler = servedAt(
  "/supervision",
  createSupervisionApp(lambdaDeps(), { consoleSessionKey: consoleSessionKeyFrom(process.env) }),
);
