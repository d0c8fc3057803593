import { inject } from "vitest";
import { ensureTable } from "../schema.ts";
import { createStore, type Store } from "../store.ts";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

let counter = 0;

/** A store on a fresh table of the run's DynamoDB Local, so test files never share state. */
export async function testStore(): Promise<Store> {
  counter += 1;
  const tableName = `test-${process.pid}-${Date.now().toString(36)}-${counter}`;
  const store = createStore({ tableName, endpoint: inject("dynamoEndpoint") });
  await ensureTable(store.db);
  return store;
}

/** Every record in the store's table, counted: what a refused request must leave unchanged. */
export async function countTable(store: Store): Promise<number> {
  const { ScanCommand } = await import("@aws-sdk/lib-dynamodb");
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await store.db.doc.send(
      new ScanCommand({
        TableName: store.db.tableName,
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
