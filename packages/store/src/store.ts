import { apiKeyRepository } from "./api-key.ts";
import { connect, type StoreConfig } from "./client.ts";
import { itemRepository } from "./item.ts";
import { unitRepository } from "./unit.ts";

/** Everything the apps need from the database, built once per process from one config. */
export function createStore(config: StoreConfig) {
  const db = connect(config);
  return {
    db,
    units: unitRepository(db),
    apiKeys: apiKeyRepository(db),
    items: itemRepository(db),
  };
}
export type Store = ReturnType<typeof createStore>;
