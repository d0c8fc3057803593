import { createHash } from "node:crypto";
import { type AuditEntry, type Item, indexTerms } from "@gov/domain";
import { batchWrite, type WriteRequest } from "./batch.ts";
import type { Db } from "./client.ts";
import { loadRequests } from "./item.ts";
import { keys } from "./keys.ts";
import {
  bulkPostings,
  bulkShard,
  liveShard,
  monthOf,
  packPosting,
  postingTail,
  termsRecord,
} from "./search.ts";

/**
 * Loading many published items at once (a migration from an old site, the benchmark): the
 * records `create` writes, plus, when asked, their search index as packed postings, all by
 * BatchWriteItem (ADR 0056, 0063). Publication's path (one transaction, then the outbox's
 * index work) is not this: here every item's history is already decided.
 */

export type LoadEntry = { item: Item; audit: AuditEntry };
export type LoadProgress = { loaded: number; total: number; records: number; seconds: number };
export type LoadManyOptions = {
  /** Index published items for search (as their publication would have). */
  search?: boolean;
  /** Called after each chunk of items is written, and once more after the search index. */
  onProgress?: (progress: LoadProgress) => void;
};

/** Items per chunk: the next chunk is tokenized while the last one is written. */
const chunkItems = 1000;
/** Items tokenized between two turns of the event loop (about 0.3 ms each). */
const tokenizedBetweenYields = 10;
/**
 * BatchWriteItem calls in flight, bytes per call, and retries of a call that failed: DynamoDB
 * Local on a busy machine took over 5 s for 25 shard records of 100 KB with 8 calls in flight.
 */
const writeOptions = { inFlight: 6, maxBytes: 512 * 1024, faultRetries: 5 };

/**
 * Postings a bulk record of one term holds, about: a query reads a term's newest records
 * until 200 postings are in hand, so a record much bigger is read for nothing (ADR 0063).
 */
const bulkPostingsPerRecord = 250;

/**
 * Writes the entries in chunks of `chunkItems`, in order of first publication; then, when
 * asked, the search index of the whole load: each term's postings once, in as few records
 * as `bulkPostingsPerRecord` allows, and each item's term list naming its terms' records.
 * Rerunning the same entries writes the same records (the records' names come from the
 * load's items), so a load that stopped midway can be run again.
 */
export async function loadMany(db: Db, entries: LoadEntry[], options: LoadManyOptions = {}): Promise<void> {
  const started = performance.now();
  const sorted = [...entries].sort(
    (a, b) => monthOf(a.item).localeCompare(monthOf(b.item)) || (a.item.id < b.item.id ? -1 : 1),
  );
  let loaded = 0;
  let records = 0;
  const written = (items: number, requests: number) => {
    loaded += items;
    records += requests;
    const seconds = (performance.now() - started) / 1000;
    options.onProgress?.({ loaded, total: sorted.length, records, seconds });
  };
  const index = options.search ? loadIndex() : undefined;
  let writing: Promise<void> = Promise.resolve();
  for (let i = 0; i < sorted.length; i += chunkItems) {
    const chunk = sorted.slice(i, i + chunkItems);
    const requests = chunk.flatMap((entry) => loadRequests(db, entry));
    if (index) await index.add(chunk.map((e) => e.item));
    await writing;
    writing = batchWrite(db, requests, writeOptions).then(() => written(chunk.length, requests.length));
  }
  await writing;
  if (!index) return;
  const requests = index.requests();
  await batchWrite(db, requests, writeOptions);
  written(0, requests.length);
}

/**
 * The load's postings gathered term by term (an item's term with its impact; the rest of a
 * posting is the item's, kept once), so each term is written once for the whole load rather
 * than once per chunk: a rare term is one record, a common one a few records of about the
 * size a query reads (ADR 0063).
 */
function loadIndex() {
  const items: Item[] = [];
  const tails: string[] = [];
  const termsOf: string[][] = [];
  // Each posting: the item (its place in `items`), the term's place in the item's list, the impact.
  const postings = new Map<string, { at: number[]; place: number[]; impact: number[] }>();
  return {
    async add(chunk: Item[]) {
      for (const [n, item] of chunk.entries()) {
        // Tokenizing is the CPU part: yielding now and then lets the previous chunk's writes go on.
        if (n % tokenizedBetweenYields === 0) await new Promise((resolve) => setImmediate(resolve));
        if (item.state !== "published") continue;
        const at = items.length;
        items.push(item);
        tails.push(postingTail(item));
        const terms = indexTerms(item);
        termsOf.push([...terms.keys()]);
        let place = 0;
        for (const [term, impact] of terms) {
          let list = postings.get(term);
          if (!list) {
            list = { at: [], place: [], impact: [] };
            postings.set(term, list);
          }
          list.at.push(at);
          list.place.push(place++);
          list.impact.push(impact);
        }
      }
    },
    requests(): WriteRequest[] {
      if (items.length === 0) return [];
      const tag = createHash("sha256")
        .update(items.map((item) => item.id).join(","))
        .digest("base64url")
        .slice(0, 10);
      const months = items.map(monthOf);
      const shardsOf: string[][] = items.map(() => []);
      const requests: WriteRequest[] = [];
      for (const [term, { at, place, impact }] of postings) {
        // Postings in order of first publication, cut into equal runs of at most
        // `bulkPostingsPerRecord`; a run is named by its newest month, then its place, so
        // newest runs sort first.
        const runs = Math.ceil(at.length / bulkPostingsPerRecord);
        const records = new Map<string, [string, string][]>();
        at.forEach((i, k) => {
          const run = Math.floor((k * runs) / at.length);
          const last = at[Math.min(at.length, Math.ceil(((run + 1) * at.length) / runs)) - 1] as number;
          const shard = bulkShard(months[last] as string, tag, run);
          let record = records.get(shard);
          if (!record) {
            record = [];
            records.set(shard, record);
          }
          const item = items[i] as Item;
          record.push([item.id, packPosting(impact[k] as number, tails[i] as string)]);
          (shardsOf[i] as string[])[place[k] as number] = shard;
        });
        for (const [shard, lines] of records)
          requests.push({
            PutRequest: {
              Item: { ...keys.searchShard(term, shard), entity: "search-shard", b: bulkPostings(lines) },
            },
          });
      }
      for (const [i, item] of items.entries()) {
        const terms = termsOf[i] as string[];
        const shards = shardsOf[i] as string[];
        const of = new Map(terms.map((term, k) => [term, shards[k] as string]));
        const record = termsRecord(item.id, terms, liveShard(item), (term) => of.get(term) as string);
        requests.push({ PutRequest: { Item: record } });
      }
      return requests;
    },
  };
}
