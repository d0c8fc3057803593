import type { TestProject } from "vitest/node";
import { type DynamoDbLocal, startDynamoDbLocal } from "../local/index.ts";
import type {} from "./index.ts";

const shared = globalThis as { runDatabase?: Promise<DynamoDbLocal> };

/**
 * The run's one in-memory DynamoDB Local. Global setups run in vitest's main process, but
 * each project loads them apart (and a project's may run before the root's), so the
 * process-wide global is what makes it one.
 */
export function runDatabase(): Promise<DynamoDbLocal> {
  shared.runDatabase ??= startDynamoDbLocal();
  return shared.runDatabase;
}

/** The root global setup: one DynamoDB Local for the whole run; each test file gets its own table. */
export default async function setup(project: TestProject) {
  const local = await runDatabase();
  project.provide("dynamoEndpoint", local.endpoint);
  return () => local.stop();
}
