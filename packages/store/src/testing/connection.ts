import { connect, type Db, type StoreConfig } from "../client.ts";
import { type Store, storeOver } from "../store.ts";

// Not in the package's exports: only the store's own tests and helpers read the table
// directly (record counts, dumps, search postings); apps and other packages never can.
const connections = new WeakMap<Store, Db>();

/** A store whose connection the package's test helpers can reach through `connectionOf`. */
export function connectedStore(config: StoreConfig): Store {
  const db = connect(config);
  const store = storeOver(db);
  connections.set(store, db);
  return store;
}

export function connectionOf(store: Store): Db {
  const db = connections.get(store);
  if (!db) throw new Error("Only a store made by testStore() can be read directly");
  return db;
}
