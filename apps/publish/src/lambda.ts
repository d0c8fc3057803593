import { lambdaDeps, servedAt } from "@gov/http/lambda";
import { createPublishApp } from "./app.ts";

export const handler = servedAt("/publish", createPublishApp(lambdaDeps()));
