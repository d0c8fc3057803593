export { apiKeyRepository, hashApiKey, type Principal } from "./api-key.ts";
export { readAudit } from "./audit.ts";
export { type CallCounter, connect, type Db, type StoreConfig } from "./client.ts";
export { decodeCursor, encodeCursor } from "./cursor.ts";
export { type DynamoDbLocal, freePort, startDynamoDbLocal } from "./dynamodb-local.ts";
export { newId } from "./id.ts";
export {
  findIdempotencyRecord,
  IdempotencyRace,
  type IdempotencyRecord,
  type IdempotencyRequest,
  idempotencyWrite,
  type StoredResponse,
} from "./idempotency.ts";
export { type ItemRepository, itemRepository, type Page, type PageRequest, scopedItems } from "./item.ts";
export { keys } from "./keys.ts";
export { actionLinkWrites, linkWrites, readLinks, type StoredLink } from "./link.ts";
export type { PublishedFilter } from "./published.ts";
export { ensureTable } from "./schema.ts";
export {
  applyPendingSearchIndex,
  applySearchIndex,
  maxPostingsPerTerm,
  type SearchHit,
  type SearchPage,
  type SearchRequest,
  searchIndexWrite,
  searchPublished,
} from "./search.ts";
export { createStore, type Store } from "./store.ts";
export { tableDefinition } from "./table.ts";
export { commit, type Write } from "./transaction.ts";
export { unitRepository } from "./unit.ts";
