import { lambdaDeps } from "@gov/http/lambda";
import { handle } from "hono/aws-lambda";
import { createSupervisionApp } from "./app.ts";

export const handler = handle(createSupervisionApp(lambdaDeps()));
