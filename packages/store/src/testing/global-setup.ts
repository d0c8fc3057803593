import type { TestProject } from "vitest/node";
import { startDynamoDbLocal } from "../dynamodb-local.ts";
import type {} from "./index.ts";

/** One in-memory DynamoDB Local per test run; each test file gets its own table. */
export default async function setup(project: TestProject) {
  const local = await startDynamoDbLocal();
  project.provide("dynamoEndpoint", local.endpoint);
  return () => local.stop();
}
