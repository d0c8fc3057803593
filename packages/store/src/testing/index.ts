import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { inject } from "vitest";
import { batchWrite } from "../batch.ts";
import { type CallLimits, connect } from "../client.ts";
import { ensureTable } from "../schema.ts";
import type { Store } from "../store.ts";
import { connectedStore, connectionOf } from "./connection.ts";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

let counter = 0;

/**
 * A store on a fresh table of the run's DynamoDB Local, so test files never share state;
 * `limits` replaces DynamoDB Local's timeouts (a fault test that wants the cloud's).
 */
export async function testStore(limits?: CallLimits): Promise<Store> {
  counter += 1;
  const tableName = `test-${process.pid}-${Date.now().toString(36)}-${counter}`;
  const store = connectedStore({
    tableName,
    endpoint: inject("dynamoEndpoint"),
    ...(limits ? { limits } : {}),
  });
  await store.ensureTable();
  return store;
}

/** A store on a named table of the run's DynamoDB Local (an end-to-end stack's), which these helpers can read. */
export function tableStore(tableName: string): Store {
  return connectedStore({ tableName, endpoint: inject("dynamoEndpoint") });
}

/** Every record in the store's table, counted: what a refused request must leave unchanged. */
export async function countTable(store: Store): Promise<number> {
  const db = connectionOf(store);
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new ScanCommand({
        TableName: db.tableName,
        Select: "COUNT",
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

/** Every record in the store's table: what a test searches for a secret that must not be stored in clear. */
export async function allRecords(store: Store): Promise<Record<string, unknown>[]> {
  const db = connectionOf(store);
  const records: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new ScanCommand({ TableName: db.tableName, ConsistentRead: true, ExclusiveStartKey: start }),
    );
    records.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return records;
}

/** The DynamoDB calls made from now until the returned function is called, by command (none = absent). */
export function callsSince(store: Store): () => Record<string, number> {
  const before = { ...store.calls.byCommand };
  return () =>
    Object.fromEntries(
      Object.entries(store.calls.byCommand)
        .map(([command, n]) => [command, n - (before[command] ?? 0)] as const)
        .filter(([, n]) => n > 0),
    );
}

/**
 * Copies every record of `from` into `to` (created if missing) in the same DynamoDB Local:
 * data seeded once, through the real code, reused by test files that each change it.
 */
export async function copyTable(endpoint: string, from: string, to: string): Promise<void> {
  const source = connect({ tableName: from, endpoint });
  const target = connect({ tableName: to, endpoint });
  await ensureTable(target);
  const segments = 4;
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await source.doc.send(
          new ScanCommand({
            TableName: from,
            ConsistentRead: true,
            Segment: segment,
            TotalSegments: segments,
            ExclusiveStartKey: start,
          }),
        );
        await batchWrite(
          target,
          (page.Items ?? []).map((Item) => ({ PutRequest: { Item } })),
        );
        start = page.LastEvaluatedKey;
      } while (start);
    }),
  );
  source.destroy();
  target.destroy();
}
export { publishedItem } from "./published.ts";
