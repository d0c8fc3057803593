import { createHash } from "node:crypto";
import type { AuditEntry, Item } from "@gov/domain";
import { batchWrite, type WriteRequest } from "./batch.ts";
import type { Db } from "./client.ts";
import { loadRequests } from "./item.ts";
import { keys } from "./keys.ts";
import { monthOf, packedPostings, termsRecord } from "./search.ts";

/**
 * Loading many published items at once (a migration from an old site, the benchmark): the
 * records `create` writes, plus, when asked, their search index as packed postings, all by
 * BatchWriteItem (ADR 0056). Publication's path (one transaction, then the outbox's index
 * work) is not this: here every item's history is already decided.
 */

export type LoadEntry = { item: Item; audit: AuditEntry };
export type LoadProgress = { loaded: number; total: number; records: number; seconds: number };
export type LoadManyOptions = {
  /** Index published items for search (as their publication would have). */
  search?: boolean;
  /** Called after each chunk is written. */
  onProgress?: (progress: LoadProgress) => void;
};

/**
 * Items per chunk. A chunk's postings of one term and month go in one record, so this also
 * bounds a record: 500 postings of at most ~300 bytes stay well under DynamoDB's 400 KB.
 */
const chunkItems = 500;
/** BatchWriteItem calls in flight: DynamoDB Local saturates 2 cores at about this. */
const writesInFlight = 8;

/**
 * Writes the entries in chunks of `chunkItems`, in order of first publication so a chunk's
 * postings share few months (few records, many postings each). The next chunk is tokenized
 * while the previous one is being written. Rerunning the same entries writes the same records
 * (a chunk's shard names come from its items), so a load that stopped midway can be run again.
 */
export async function loadMany(db: Db, entries: LoadEntry[], options: LoadManyOptions = {}): Promise<void> {
  const started = performance.now();
  const sorted = [...entries].sort(
    (a, b) => monthOf(a.item).localeCompare(monthOf(b.item)) || (a.item.id < b.item.id ? -1 : 1),
  );
  let loaded = 0;
  let records = 0;
  let writing: Promise<void> = Promise.resolve();
  for (let i = 0; i < sorted.length; i += chunkItems) {
    const chunk = sorted.slice(i, i + chunkItems);
    const requests = [
      ...chunk.flatMap((entry) => loadRequests(db, entry)),
      ...(options.search ? indexRequests(chunk.map((e) => e.item)) : []),
    ];
    await writing;
    writing = batchWrite(db, requests, writesInFlight).then(() => {
      loaded += chunk.length;
      records += requests.length;
      const seconds = (performance.now() - started) / 1000;
      options.onProgress?.({ loaded, total: sorted.length, records, seconds });
    });
  }
  await writing;
}

/**
 * The chunk's published items' postings, one record per term and month (`<month>#B<chunk>`),
 * and each item's term list naming that shard, so a later edition or withdrawal updates the
 * postings where they are, through publication's own index work.
 */
function indexRequests(items: Item[]): WriteRequest[] {
  const published = items.filter((item) => item.state === "published");
  if (published.length === 0) return [];
  const chunkTag = createHash("sha256")
    .update(published.map((item) => item.id).join(","))
    .digest("base64url")
    .slice(0, 10);
  const shards = new Map<string, { term: string; shard: string; postings: Record<string, string> }>();
  const requests: WriteRequest[] = [];
  for (const item of published) {
    const shard = `${monthOf(item)}#B${chunkTag}`;
    const postings = packedPostings(item);
    for (const [term, packed] of postings) {
      const key = `${term}\u0000${shard}`;
      let record = shards.get(key);
      if (!record) {
        record = { term, shard, postings: {} };
        shards.set(key, record);
      }
      record.postings[item.id] = packed;
    }
    requests.push({ PutRequest: { Item: termsRecord(item.id, [...postings.keys()], shard) } });
  }
  for (const { term, shard, postings } of shards.values()) {
    requests.push({
      PutRequest: { Item: { ...keys.searchShard(term, shard), entity: "search-shard", p: postings } },
    });
  }
  return requests;
}
