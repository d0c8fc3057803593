import { lambdaDeps } from "@gov/http/lambda";
import { handle } from "hono/aws-lambda";
import { createPublishApp } from "./app.ts";

export const handler = handle(createPublishApp(lambdaDeps()));
