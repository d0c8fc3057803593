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
