import { lambdaDeps } from "@gov/http/lambda";
import { handle } from "hono/aws-lambda";
import { createPublicApp } from "./app.ts";
import { publicHttpOptionsFromEnv } from "./http-behaviour.ts";

export const handler = handle(createPublicApp(lambdaDeps(), publicHttpOptionsFromEnv(process.env)));
