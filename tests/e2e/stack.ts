import { type LocalOptions, type LocalStack, startLocal } from "@gov/local";
import { copyTable } from "@gov/store/testing";
import { inject } from "vitest";
import type {} from "./demo-template.ts";

let tables = 0;

/**
 * The whole local stack on a random port, on its own table of the run's one DynamoDB Local,
 * so end-to-end files never start a JVM of their own. `seed: "demo"` starts from a copy of
 * the demo seeded once for the run (with fresh keys, as after a lost credentials file).
 */
export async function startStack(
  options: Omit<LocalOptions, "port" | "database"> & { tableName?: string },
): Promise<LocalStack> {
  tables += 1;
  const { tableName = `e2e-${process.pid}-${Date.now().toString(36)}-${tables}`, ...rest } = options;
  const endpoint = inject("dynamoEndpoint");
  if (rest.seed === "demo") await copyTable(endpoint, inject("demoTemplate"), tableName);
  return startLocal({ ...rest, port: 0, database: { endpoint, tableName } });
}
