import { lambdaDeps } from "@gov/http/lambda";
import { handle } from "hono/aws-lambda";
import { createNoticesApp } from "./app.ts";

export const handler = handle(createNoticesApp(lambdaDeps()));
