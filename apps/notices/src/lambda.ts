import { lambdaDeps, servedAt } from "@gov/http/lambda";
import { createNoticesApp } from "./app.ts";

export const handler = servedAt("/notices", createNoticesApp(lambdaDeps()));
