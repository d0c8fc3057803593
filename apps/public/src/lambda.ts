import { lambdaDeps } from "@gov/http/lambda";
import { handle } from "hono/aws-lambda";
import { createPublicApp } from "./app.ts";

export const handler = handle(createPublicApp(lambdaDeps()));
