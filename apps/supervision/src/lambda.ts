import { lambdaDeps } from "@gov/http/lambda";
import { handle } from "hono/aws-lambda";
import { createSupervisionApp } from "./app.ts";
import { consoleSessionKeyFrom } from "./console/config.ts";

export const handler = handle(
  createSupervisionApp(lambdaDeps(), { consoleSessionKey: consoleSessionKeyFrom(process.env) }),
);
