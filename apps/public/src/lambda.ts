import { lambdaDeps, servedAt } from "@gov/http/lambda";
import { createPublicApp } from "./app.ts";
import { publicHttpOptionsFromEnv } from "./http-behaviour.ts";

export const handler = servedAt(
  "/public",
  createPublicApp(lambdaDeps(), publicHttpOptionsFromEnv(process.env)),
);
