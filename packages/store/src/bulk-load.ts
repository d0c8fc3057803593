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
 * Items per chunk. A chunk's postings of one term go in one record, so this also bounds a
 * record: 1,000 postings of ~100 bytes (300 at most) stay under DynamoDB's 400 KB.
 */
const chunkItems = 1000;
/** Items tokenized between two turns of the event loop (about 1 ms each). */
const tokenizedBetweenYields = 10;
/**
 * BatchWriteItem calls in flight, bytes per call, and retries of a call that failed: DynamoDB
 * Local on a busy machine took over 5 s for 25 shard records of 100 KB with 8 calls in flight.
 */
const writeOptions = { inFlight: 6, maxBytes: 512 * 1024, faultRetries: 5 };

/**
 * Writes the entries in chunks of `chunkItems`, in order of first publication, so a chunk
 * spans a short time and its shards sort among publication's months where they belong. The
 * next chunk is tokenized while the previous one is being written. Rerunning the same entries writes the same records
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
      ...(options.search ? await indexRequests(chunk.map((e) => e.item)) : []),
    ];
    await writing;
    writing = batchWrite(db, requests, writeOptions).then(() => {
      loaded += chunk.length;
      records += requests.length;
      const seconds = (performance.now() - started) / 1000;
      options.onProgress?.({ loaded, total: sorted.length, records, seconds });
    });
  }
  await writing;
}

/**
 * The chunk's published items' postings, one record per term (`<newest month>#B<chunk>`:
 * per month it would be 5–10 times the records, each written as dearly), and each item's
 * term list naming that shard, so a later edition or withdrawal updates the postings where
 * they are, through publication's own index work.
 */
async function indexRequests(items: Item[]): Promise<WriteRequest[]> {
  const published = items.filter((item) => item.state === "published");
  if (published.length === 0) return [];
  const chunkTag = createHash("sha256")
    .update(published.map((item) => item.id).join(","))
    .digest("base64url")
    .slice(0, 10);
  const shard = `${monthOf(published.at(-1) as Item)}#B${chunkTag}`;
  const shards = new Map<string, Record<string, string>>();
  const requests: WriteRequest[] = [];
  for (const [n, item] of published.entries()) {
    // Tokenizing is the CPU part: yielding now and then lets the previous chunk's writes go on.
    if (n % tokenizedBetweenYields === 0) await new Promise((resolve) => setImmediate(resolve));
    const postings = packedPostings(item);
    for (const [term, packed] of postings) {
      let record = shards.get(term);
      if (!record) {
        record = {};
        shards.set(term, record);
      }
      record[item.id] = packed;
    }
    requests.push({ PutRequest: { Item: termsRecord(item.id, [...postings.keys()], shard) } });
  }
  for (const [term, postings] of shards) {
    requests.push({
      PutRequest: { Item: { ...keys.searchShard(term, shard), entity: "search-shard", p: postings } },
    });
  }
  return requests;
}
