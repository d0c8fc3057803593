import { createHash, randomUUID } from "node:crypto";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from "@aws-sdk/lib-dynamodb";
import {
  DomainError,
  fail,
  type Item,
  indexTerms,
  normalizeDocNumber,
  type Posting,
  parseSearchQuery,
  rankPostings,
  type SearchQuery,
  searchLimits,
  type TermPostings,
} from "@gov/domain";
import { batchWrite } from "./batch.ts";
import type { Db } from "./client.ts";
import { itemRepository } from "./item.ts";
import { keys } from "./keys.ts";
import { type PublishedFilter, yearRange } from "./published.ts";
import { queryAll } from "./query.ts";
import type { Write } from "./transaction.ts";

/**
 * Full-text search on the one table (ADR 0013, packed by ADR 0056): an inverted index whose
 * records each hold many postings, `TERM#<term>` / `P#<month>#<writer>` with a map from item
 * id to the posting (the term's precomputed impact and the fields the filters need), so a
 * query reads a term's newest months in one or two Queries and ranks without reading any item.
 */

/** A term's read stops, at a shard's end, once this many postings are in hand; a term with more is "common". */
export const maxPostingsPerTerm = 200;

/**
 * A change that publishes, withdraws or re-edits an item puts `indexWrite` in its own
 * transaction and calls `index` after the commit; `replayPending` finishes what a crash left.
 * `bulkIndex` gives the records of items loaded in bulk (see bulk-load.ts).
 */
export function searchRepository(db: Db) {
  return {
    find: (request: SearchRequest, cache?: PostingCache) => searchPublished(db, request, cache),
    indexWrite: (itemId: string) => searchIndexWrite(db, itemId),
    index: (itemId: string) => applySearchIndex(db, itemId),
    replayPending: () => applyPendingSearchIndex(db),
    reindexAll: (onProgress?: (indexed: number) => void) => reindexAll(db, onProgress),
  };
}

// --- postings, packed ----------------------------------------------------------------------

/** A posting as stored: what ranking reads plus what the filters compare. */
export type StoredPosting = Posting & {
  unitCode: string;
  columnId: string;
  kind: string;
  category: string;
  validity: string;
};

// Tab never occurs in these fields (a normalized 文号 has no whitespace); the 文号 goes last.
const separator = "\t";

/** A posting's fields after the impact: the same for every term of one edition. */
export function postingTail(item: Item): string {
  return [
    item.firstPublishedAt ?? item.publishedAt,
    item.unitCode,
    item.columnId,
    item.kind,
    item.category,
    item.validity ?? "",
    item.docNumber ? normalizeDocNumber(item.docNumber) : "",
  ].join(separator);
}

export const packPosting = (impact: number, tail: string) => `${impact}${separator}${tail}`;

/**
 * A bulk record's postings (ADR 0063): one string, a line per posting, the item id first.
 * Written once and never edited; an item that leaves it is masked (`x`, a string set).
 * DynamoDB Local wrote 25 such records of 250 postings 2–3 times faster than as maps, and
 * read two 1.8 times faster.
 */
export const bulkPostings = (lines: [itemId: string, packed: string][]) =>
  lines.map(([itemId, packed]) => `${itemId}${separator}${packed}`).join("\n");

function unpackPosting(itemId: string, packed: string): StoredPosting {
  const [impact, firstPublishedAt, unitCode, columnId, kind, category, validity, ...docNumber] =
    packed.split(separator);
  return {
    itemId,
    impact: Number(impact),
    firstPublishedAt: firstPublishedAt ?? "",
    unitCode: unitCode ?? "",
    columnId: columnId ?? "",
    kind: kind ?? "",
    category: category ?? "",
    validity: validity ?? "",
    docNumber: docNumber.join(separator) || null,
  };
}

/** Each term's packed posting for a published item. */
export function packedPostings(item: Item): Map<string, string> {
  const tail = postingTail(item);
  return new Map([...indexTerms(item)].map(([term, impact]) => [term, packPosting(impact, tail)]));
}

/** The month of first publication: newest months are read first, and an item's postings stay in it. */
export const monthOf = (item: Item) => (item.firstPublishedAt ?? item.publishedAt ?? "").slice(0, 7);

/** Publication's shard of a month: postings are added and removed one map entry at a time. */
export const liveShard = (item: Item) => `${monthOf(item)}#L`;

// --- keeping the index in step with publication ----------------------------------------

/**
 * The outbox record that goes in the item's own transaction: if the process dies between
 * the commit and `applySearchIndex`, the record stays and `applyPendingSearchIndex`
 * finishes the job. The token tells this change's record from a later one's.
 */
function searchIndexWrite(db: Db, itemId: string): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: { ...keys.searchOutbox(itemId), entity: "search-outbox", itemId, token: randomUUID() },
      },
    },
    onConditionFailed: new DomainError("conflict", "检索索引更新冲突，请重试"),
  };
}

const consistentGet = async (db: Db, key: Record<string, string>) =>
  (await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: true }))).Item;

/** Posting updates in flight for one item: a long document has hundreds of terms. */
const updatesInFlight = 16;

async function eachLimited<T>(list: T[], work: (value: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < list.length) await work(list[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(updatesInFlight, list.length) }, worker));
}

/**
 * Makes the index say what the item now says: a published item's postings (re)written into
 * its shard, a withdrawn or unpublished item's removed, stale terms of an earlier edition
 * removed; then the outbox record goes. Idempotent, so running it twice, or after a crash,
 * is harmless. An item keeps the shard its term list names, so a re-index always finds its
 * earlier postings; a bulk-loaded item is masked in the load's records and moves to its
 * month's shard (ADR 0063). It re-reads the item at
 * the end: if a later change committed meanwhile, it runs again rather than leave an older
 * edition's postings behind.
 */
async function applySearchIndex(db: Db, itemId: string): Promise<void> {
  const items = itemRepository(db);
  for (let attempt = 0; attempt < 3; attempt++) {
    const [outbox, item, indexed] = await Promise.all([
      consistentGet(db, keys.searchOutbox(itemId)),
      items.get(itemId, { consistent: true }),
      consistentGet(db, keys.searchTerms(itemId)),
    ]);
    const wanted = item?.state === "published" ? packedPostings(item) : new Map<string, string>();
    const stored = (indexed?.terms as string[] | undefined) ?? [];
    // A term list without a shard is ADR 0013's layout, one record per posting: those go.
    const legacy = indexed !== undefined && typeof indexed.shard !== "string";
    if (legacy) await deleteLegacyPostings(db, itemId, stored);
    const before = legacy ? [] : stored;
    const shard = legacy || !indexed ? (item ? liveShard(item) : "") : String(indexed.shard);
    // A bulk-loaded item's postings sit in its terms' bulk records (ADR 0063), written once:
    // its next index run masks it there and writes its postings into the shard the list names.
    const bulk = legacy ? new Map<string, string>() : termShards(indexed);
    // List every term about to be written before writing it, so a crash midway leaves no
    // posting that the next run would not know to remove.
    if (legacy || [...wanted.keys()].some((t) => !before.includes(t))) {
      const union = [...new Set([...before, ...wanted.keys()])];
      await putTerms(db, itemId, union, shard, (t) => bulk.get(t) ?? shard);
    }
    await eachLimited([...wanted], ([term, packed]) => setPosting(db, term, shard, itemId, packed));
    await eachLimited([...bulk], ([term, record]) => maskPosting(db, term, record, itemId));
    await eachLimited(
      before.filter((t) => !wanted.has(t)),
      (term) => removePosting(db, term, shard, itemId),
    );
    if (wanted.size > 0) await putTerms(db, itemId, [...wanted.keys()], shard);
    else if (indexed)
      await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: keys.searchTerms(itemId) }));

    const now = await items.get(itemId, { consistent: true });
    if (now?.version !== item?.version) continue;
    if (outbox) await deleteOutbox(db, itemId, String(outbox.token));
    return;
  }
}

const conditionFailed = (error: unknown) => error instanceof ConditionalCheckFailedException;

/**
 * One posting into a shard shared with other items: a map entry set in place, so concurrent
 * publications into the same shard each add their own and none overwrites another's. The
 * shard's first posting creates the map, on the condition that nobody created it meanwhile.
 */
async function setPosting(db: Db, term: string, shard: string, itemId: string, packed: string) {
  const Key = keys.searchShard(term, shard);
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      await db.doc.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key,
          UpdateExpression: "SET #p.#id = :posting",
          ConditionExpression: "attribute_exists(#p)",
          ExpressionAttributeNames: { "#p": "p", "#id": itemId },
          ExpressionAttributeValues: { ":posting": packed },
        }),
      );
      return;
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
    try {
      await db.doc.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key,
          UpdateExpression: "SET #p = :postings, entity = :entity",
          ConditionExpression: "attribute_not_exists(#p)",
          ExpressionAttributeNames: { "#p": "p" },
          ExpressionAttributeValues: { ":postings": { [itemId]: packed }, ":entity": "search-shard" },
        }),
      );
      return;
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
  }
  throw new DomainError("conflict", "检索索引更新冲突，请重试");
}

/** An update of a shard that only applies if the shard is there: a missing one has nothing to undo. */
async function updateIfThere(
  db: Db,
  term: string,
  shard: string,
  update: Pick<
    UpdateCommandInput,
    "UpdateExpression" | "ConditionExpression" | "ExpressionAttributeNames" | "ExpressionAttributeValues"
  >,
) {
  try {
    await db.doc.send(
      new UpdateCommand({ TableName: db.tableName, Key: keys.searchShard(term, shard), ...update }),
    );
  } catch (error) {
    if (!conditionFailed(error)) throw error;
  }
}

const removePosting = (db: Db, term: string, shard: string, itemId: string) =>
  updateIfThere(db, term, shard, {
    UpdateExpression: "REMOVE #p.#id",
    ConditionExpression: "attribute_exists(#p)",
    ExpressionAttributeNames: { "#p": "p", "#id": itemId },
  });

/** An item leaves a bulk record by its id added to the record's mask: a set, so concurrent masks all stay. */
const maskPosting = (db: Db, term: string, shard: string, itemId: string) =>
  updateIfThere(db, term, shard, {
    UpdateExpression: "ADD #x :id",
    ConditionExpression: "attribute_exists(#b)",
    ExpressionAttributeNames: { "#x": "x", "#b": "b" },
    ExpressionAttributeValues: { ":id": new Set([itemId]) },
  });

async function deleteLegacyPostings(db: Db, itemId: string, terms: string[]) {
  await batchWrite(
    db,
    terms.map((t) => ({ DeleteRequest: { Key: keys.searchPosting(t, itemId) } })),
  );
}

/**
 * Finishes every index update a crash left owed (the outbox records still there); the
 * scheduled scan and the local server's start call it. Returns how many it applied.
 */
async function applyPendingSearchIndex(db: Db): Promise<number> {
  const pending = await queryAll(db, {
    KeyConditionExpression: "pk = :pk",
    ExpressionAttributeValues: { ":pk": keys.searchOutboxPartition },
  });
  for (const record of pending) await applySearchIndex(db, String(record.itemId));
  return pending.length;
}

/**
 * Re-indexes every published item (gsi6), 4 at a time: the migration of a table indexed in
 * ADR 0013's layout, or a rebuild after a change of tokens or weights. Returns how many.
 */
async function reindexAll(db: Db, onProgress?: (indexed: number) => void): Promise<number> {
  const published = await queryAll(db, {
    IndexName: "gsi6",
    KeyConditionExpression: "gsi6pk = :pk",
    ProjectionExpression: "id",
    ExpressionAttributeValues: { ":pk": keys.publishedPartition },
  });
  let indexed = 0;
  let next = 0;
  const worker = async () => {
    while (next < published.length) {
      await applySearchIndex(db, String(published[next++]?.id));
      indexed += 1;
      if (indexed % 500 === 0) onProgress?.(indexed);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, published.length) }, worker));
  onProgress?.(indexed);
  return indexed;
}

/**
 * Once per table: a table indexed before packed postings (ADR 0056) or with jieba's words (ADR
 * 0058) finds nothing for its old terms, so every published item is re-indexed, then the layout
 * is recorded. Re-indexing is idempotent: a start interrupted halfway does it again.
 */
export async function reindexSearchOnce(db: Db): Promise<number> {
  const { Item } = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.searchIndexLayout }),
  );
  if (Item) return 0;
  const indexed = await reindexAll(db);
  await markSearchIndexLayout(db);
  return indexed;
}

/** A table made now is indexed in the current layout from its first item. */
export async function markSearchIndexLayout(db: Db): Promise<void> {
  await db.doc.send(
    new PutCommand({ TableName: db.tableName, Item: { ...keys.searchIndexLayout, entity: "backfill" } }),
  );
}

/** A bulk load's record of a term: its run's newest month, the load's tag, the run's place (ADR 0063). */
export const bulkShard = (month: string, tag: string, run: number) =>
  `${month}#B${tag}.${String(run).padStart(4, "0")}`;
const bulkShardParts = /^(\d{4}-\d{2})#B([\w-]+)\.(\d{4})$/;

/**
 * The record naming an item's terms and the shard that holds each term's posting: `shard`,
 * unless `shards` (beside `terms`, one entry a term) names another; "" there means `shard`.
 * Publication writes all of an item's postings into one shard; a bulk load each into its
 * term's own record, written `<month>.<run>` with the load's tag once in `bulk` (the full
 * names doubled a term list's size).
 */
export function termsRecord(
  itemId: string,
  terms: string[],
  shard: string,
  shardOf: (term: string) => string = () => shard,
) {
  let bulk: string | undefined;
  const shards = terms.map((t) => {
    const named = shardOf(t);
    const parts = named.match(bulkShardParts);
    if (named === shard) return "";
    if (!parts || (bulk !== undefined && parts[2] !== bulk)) return named;
    bulk = parts[2];
    return `${parts[1]}.${Number(parts[3])}`;
  });
  return {
    ...keys.searchTerms(itemId),
    entity: "search-terms",
    itemId,
    terms,
    shard,
    ...(shards.some(Boolean) ? { shards } : {}),
    ...(bulk ? { bulk } : {}),
  };
}

/** The shards a term list names term by term (none: every term is in its `shard`). */
function termShards(indexed: Record<string, unknown> | undefined): Map<string, string> {
  const terms = (indexed?.terms as string[] | undefined) ?? [];
  const shards = (indexed?.shards as string[] | undefined) ?? [];
  const bulk = indexed?.bulk as string | undefined;
  const named = (entry: string) => {
    const short = bulk ? entry.match(/^(\d{4}-\d{2})\.(\d+)$/) : null;
    return short ? bulkShard(short[1] as string, bulk as string, Number(short[2])) : entry;
  };
  return new Map(terms.flatMap((t, i) => (shards[i] ? [[t, named(shards[i] as string)] as const] : [])));
}

async function putTerms(
  db: Db,
  itemId: string,
  terms: string[],
  shard: string,
  shardOf?: (term: string) => string,
) {
  await db.doc.send(
    new PutCommand({ TableName: db.tableName, Item: termsRecord(itemId, terms, shard, shardOf) }),
  );
}

/** Only this change's record: a later change's record (another token) stays for its own run. */
async function deleteOutbox(db: Db, itemId: string, token: string) {
  try {
    await db.doc.send(
      new DeleteCommand({
        TableName: db.tableName,
        Key: keys.searchOutbox(itemId),
        ConditionExpression: "#token = :token",
        ExpressionAttributeNames: { "#token": "token" },
        ExpressionAttributeValues: { ":token": token },
      }),
    );
  } catch (error) {
    if (!conditionFailed(error)) throw error;
  }
}

// --- searching -------------------------------------------------------------------------------

export type SearchRequest = {
  q: string;
  filter: PublishedFilter;
  limit: number;
  cursor?: string | undefined;
};

export type SearchHit = { item: Item; score: number; exactDocNumber: boolean };
export type SearchPage = { query: SearchQuery; hits: SearchHit[]; total: number; nextCursor: string | null };

/**
 * One ranked page: each query term's newest postings (at most `maxQueryTerms` terms, in
 * parallel, from the cache when one is given), filtered and ranked in memory, then one
 * BatchGet for the page's items (for the body snippet and a last check that each is still
 * published). Paging is an offset into the ranking, which is stable for a given index.
 */
async function searchPublished(db: Db, request: SearchRequest, cache?: PostingCache): Promise<SearchPage> {
  const query = parseSearchQuery(request.q);
  const fingerprint = fingerprintOf(query, request.filter);
  const offset = decodeSearchCursor(request.cursor, fingerprint);
  if (query.terms.length === 0) return { query, hits: [], total: 0, nextCursor: null };

  const read = (term: string) => (cache ? cache.read(term, () => readTerm(db, term)) : readTerm(db, term));
  const results = await Promise.all(
    query.terms.map(async (term): Promise<TermPostings> => {
      const { postings, complete } = await read(term);
      return {
        term,
        postings: postings.filter(matching(request.filter)),
        complete,
        documentFrequency: postings.length,
      };
    }),
  );
  const ranked = rankPostings(query, results);
  const page = ranked.slice(offset, offset + request.limit);
  const items = await readItems(
    db,
    page.map((h) => h.itemId),
  );
  const hits = page.flatMap((h) => {
    const item = items.get(h.itemId);
    // Between a withdrawal's commit and its index update the postings still exist: the item decides.
    return item?.state === "published" ? [{ item, score: h.score, exactDocNumber: h.exactDocNumber }] : [];
  });
  const next = offset + request.limit;
  return {
    query,
    hits,
    total: ranked.length,
    nextCursor: next < ranked.length ? encodeSearchCursor(next, fingerprint) : null,
  };
}

/** The list filters, applied to a posting in memory (a cached term serves every filter). */
function matching(filter: PublishedFilter): (p: StoredPosting) => boolean {
  const [from, to] = filter.year === undefined ? ["", "\uffff"] : yearRange(filter.year);
  return (p) =>
    (!filter.column || p.columnId === filter.column) &&
    (!filter.unit || p.unitCode === filter.unit) &&
    (!filter.category || p.category === filter.category) &&
    (!filter.kind || p.kind === filter.kind) &&
    (!filter.validity || p.validity === filter.validity) &&
    p.firstPublishedAt >= from &&
    p.firstPublishedAt <= to;
}

/** What one term's read found: its newest postings, and whether they are all there are. */
export type TermRead = { postings: StoredPosting[]; complete: boolean };

/**
 * Shards per Query page: a common term's newest month or two hold enough postings; a rare
 * term's few postings, spread over many months, take a second page (and a third past 1 MB).
 */
const shardsPerPage = [2, 24];

/**
 * A term's postings, newest shards first, until `maxPostingsPerTerm` are in hand or the term
 * has no more. An item found in two shards (a bulk load run twice) counts once.
 */
async function readTerm(db: Db, term: string): Promise<TermRead> {
  const postings = new Map<string, StoredPosting>();
  let start: Record<string, unknown> | undefined;
  for (let page = 0; ; page++) {
    const limit = shardsPerPage[page];
    const result = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :shard)",
        ProjectionExpression: "#p, #b, #x",
        ExpressionAttributeNames: { "#p": "p", "#b": "b", "#x": "x" },
        ExpressionAttributeValues: {
          ":pk": keys.searchTermPartition(term),
          ":shard": keys.searchShardPrefix,
        },
        ScanIndexForward: false,
        ...(limit ? { Limit: limit } : {}),
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const add = (itemId: string, packed: string) => {
      if (!postings.has(itemId)) postings.set(itemId, unpackPosting(itemId, packed));
    };
    for (const record of result.Items ?? []) {
      for (const [itemId, packed] of Object.entries((record.p ?? {}) as Record<string, string>))
        add(itemId, packed);
      if (typeof record.b !== "string") continue;
      const masked = record.x as Set<string> | undefined;
      for (const line of record.b.split("\n")) {
        const tab = line.indexOf(separator);
        const itemId = line.slice(0, tab);
        if (!masked?.has(itemId)) add(itemId, line.slice(tab + 1));
      }
    }
    start = result.LastEvaluatedKey;
    if (!start) return { postings: [...postings.values()], complete: true };
    if (postings.size >= maxPostingsPerTerm) return { postings: [...postings.values()], complete: false };
  }
}

// --- the posting cache ------------------------------------------------------------------------

/**
 * Terms' postings kept by one instance for the public answers' cache window (ADR 0041): many
 * queries, filters and pages share terms, so a term is read once per window, not once per
 * answer. Bounded by the postings it holds, least recently used out first; reads of a term
 * already under way are shared, so a burst of misses costs one Query. A withdrawal needs no
 * clearing here (the page's items are read fresh and decide), but the owner clears it on
 * every public change anyway, so a new publication is found at once in this instance.
 */
export function postingCache(options: { seconds: number; clock: () => Date; maxPostings?: number }) {
  const ttl = options.seconds * 1000;
  const maxPostings = options.maxPostings ?? 200_000;
  const entries = new Map<string, { read: Promise<TermRead>; expires: number; size: number }>();
  let held = 0;
  const drop = (term: string) => {
    const entry = entries.get(term);
    if (!entry) return;
    held -= entry.size;
    entries.delete(term);
  };
  return {
    read(term: string, load: () => Promise<TermRead>): Promise<TermRead> {
      const now = options.clock().getTime();
      const entry = entries.get(term);
      if (entry && entry.expires > now) {
        // Least recently used first: a hit moves the term to the end.
        entries.delete(term);
        entries.set(term, entry);
        return entry.read;
      }
      drop(term);
      const read = load();
      const fresh = { read, expires: now + ttl, size: 0 };
      entries.set(term, fresh);
      read.then(
        (r) => {
          if (entries.get(term) !== fresh) return;
          fresh.size = r.postings.length;
          held += fresh.size;
          for (const oldest of entries.keys()) {
            if (held <= maxPostings || oldest === term) break;
            drop(oldest);
          }
          if (held > maxPostings) drop(term);
        },
        () => {
          if (entries.get(term) === fresh) entries.delete(term);
        },
      );
      return read;
    },
    clear() {
      entries.clear();
      held = 0;
    },
    /** Terms and postings held now, for tests and the benchmark. */
    get size() {
      return { terms: entries.size, postings: held };
    },
  };
}
export type PostingCache = ReturnType<typeof postingCache>;

const itemFields = [
  "id",
  "state",
  "kind",
  "title",
  "unitCode",
  "columnId",
  "category",
  "indexNumber",
  "docNumber",
  "validity",
  "summary",
  "keywords",
  "body",
  "generatedOn",
  "publishedAt",
  "firstPublishedAt",
  "version",
];

/** The page's items in one BatchGet (at most 100 keys), only the fields a hit shows. */
async function readItems(db: Db, ids: string[]): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  if (ids.length === 0) return found;
  const names = Object.fromEntries(itemFields.map((f) => [`#${f}`, f]));
  let request:
    | Record<
        string,
        {
          Keys: Record<string, unknown>[];
          ProjectionExpression: string;
          ExpressionAttributeNames: Record<string, string>;
        }
      >
    | undefined = {
    [db.tableName]: {
      Keys: ids.map((id) => keys.item(id)),
      ProjectionExpression: Object.keys(names).join(", "),
      ExpressionAttributeNames: names,
    },
  };
  while (request && Object.keys(request).length > 0) {
    const result = await db.doc.send(new BatchGetCommand({ RequestItems: request }));
    for (const record of result.Responses?.[db.tableName] ?? []) found.set(String(record.id), record as Item);
    request = result.UnprocessedKeys as typeof request;
  }
  return found;
}

// --- the cursor ---------------------------------------------------------------------------

/** A cursor belongs to one query and filter: used with another, it is refused, not misapplied. */
function fingerprintOf(query: SearchQuery, filter: PublishedFilter): string {
  const sorted = Object.entries(filter)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash("sha256")
    .update(JSON.stringify([query.terms, query.docNumberText, sorted]))
    .digest("base64url")
    .slice(0, 16);
}

/**
 * A term's read ends with a whole Query page (up to 1 MB, ~10,000 postings), so a ranking can
 * be longer than `maxQueryTerms × maxPostingsPerTerm`: a cursor may point anywhere in it.
 */
const maxOffset = searchLimits.maxQueryTerms * 10_000;

function encodeSearchCursor(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint })).toString("base64url");
}

function decodeSearchCursor(cursor: string | undefined, fingerprint: string): number {
  if (!cursor) return 0;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    value = undefined;
  }
  const { o, f } = (typeof value === "object" && value !== null ? value : {}) as { o?: unknown; f?: unknown };
  if (!Number.isInteger(o) || (o as number) < 0 || (o as number) > maxOffset || f !== fingerprint) {
    fail("validation", "分页游标无效", [{ path: "cursor", message: "分页游标无效或不属于本次检索" }]);
  }
  return o as number;
}
