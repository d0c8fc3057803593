import { createHash, randomUUID } from "node:crypto";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
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
 * Full-text search on the one table (ADR 0013): an inverted index of postings
 * `TERM#<term>` / `<itemId>`, each carrying the term's precomputed impact and the fields
 * the list filters need, so a query ranks and filters without reading any item.
 */

/** One Query per term reads at most this many postings; a term with more is "common". */
export const maxPostingsPerTerm = 200;

/**
 * A change that publishes, withdraws or re-edits an item puts `indexWrite` in its own
 * transaction and calls `index` after the commit; `replayPending` finishes what a crash left.
 */
export function searchRepository(db: Db) {
  return {
    find: (request: SearchRequest) => searchPublished(db, request),
    indexWrite: (itemId: string) => searchIndexWrite(db, itemId),
    index: (itemId: string) => applySearchIndex(db, itemId),
    replayPending: () => applyPendingSearchIndex(db),
  };
}

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

function postingRecords(item: Item): Record<string, unknown>[] {
  const fields = {
    entity: "search-posting",
    unitCode: item.unitCode,
    columnId: item.columnId,
    kind: item.kind,
    category: item.category,
    validity: item.validity,
    firstPublishedAt: item.firstPublishedAt ?? item.publishedAt,
    docNumber: item.docNumber ? normalizeDocNumber(item.docNumber) : null,
  };
  return [...indexTerms(item)].map(([term, impact]) => ({
    ...keys.searchPosting(term, item.id),
    ...fields,
    impact,
  }));
}

const consistentGet = async (db: Db, key: Record<string, string>) =>
  (await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: true }))).Item;

/**
 * Makes the index say what the item now says: a published item's postings (re)written, a
 * withdrawn or unpublished item's removed, stale terms of an earlier edition deleted; then
 * the outbox record goes. Idempotent, so running it twice, or after a crash, is harmless.
 * It re-reads the item at the end: if a later change committed meanwhile, it runs again
 * rather than leave an older edition's postings behind.
 */
async function applySearchIndex(db: Db, itemId: string): Promise<void> {
  const items = itemRepository(db);
  for (let attempt = 0; attempt < 3; attempt++) {
    const [outbox, item, indexed] = await Promise.all([
      consistentGet(db, keys.searchOutbox(itemId)),
      items.get(itemId, { consistent: true }),
      consistentGet(db, keys.searchTerms(itemId)),
    ]);
    const postings = item?.state === "published" ? postingRecords(item) : [];
    const wanted = new Set(postings.map((p) => String(p.pk)));
    const before = ((indexed?.terms as string[] | undefined) ?? []).map(
      (t) => keys.searchPosting(t, itemId).pk,
    );
    const termOf = (pk: string) => pk.slice(keys.searchTermPartition("").length);
    // List every term about to be written before writing it, so a crash midway leaves no
    // posting that the next run would not know to delete.
    if ([...wanted].some((pk) => !before.includes(pk))) {
      await putTerms(db, itemId, [...new Set([...before, ...wanted])].map(termOf));
    }
    await batchWrite(
      db,
      postings.map((Item) => ({ PutRequest: { Item } })),
    );
    await batchWrite(
      db,
      before
        .filter((pk) => !wanted.has(pk))
        .map((pk) => ({ DeleteRequest: { Key: keys.searchPosting(termOf(pk), itemId) } })),
    );
    if (wanted.size > 0) await putTerms(db, itemId, [...wanted].map(termOf));
    else if (indexed)
      await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: keys.searchTerms(itemId) }));

    const now = await items.get(itemId, { consistent: true });
    if (now?.version !== item?.version) continue;
    if (outbox) await deleteOutbox(db, itemId, String(outbox.token));
    return;
  }
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

async function putTerms(db: Db, itemId: string, terms: string[]) {
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...keys.searchTerms(itemId), entity: "search-terms", itemId, terms },
    }),
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
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
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
 * One ranked page: one Query per query term (at most `maxQueryTerms`, in parallel, each at
 * most `maxPostingsPerTerm` postings, filters applied by DynamoDB), ranking in memory, then
 * one BatchGet for the page's items (for the body snippet and a last check that each is
 * still published). Paging is an offset into the ranking, which is stable for a given index.
 */
async function searchPublished(db: Db, request: SearchRequest): Promise<SearchPage> {
  const query = parseSearchQuery(request.q);
  const fingerprint = fingerprintOf(query, request.filter);
  const offset = decodeSearchCursor(request.cursor, fingerprint);
  if (query.terms.length === 0) return { query, hits: [], total: 0, nextCursor: null };

  const results = await Promise.all(query.terms.map((term) => readPostings(db, term, request.filter)));
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

async function readPostings(db: Db, term: string, filter: PublishedFilter): Promise<TermPostings> {
  const projected = ["sk", "impact", "firstPublishedAt", "docNumber"];
  const names: Record<string, string> = Object.fromEntries(projected.map((a) => [`#${a}`, a]));
  const values: Record<string, unknown> = { ":pk": keys.searchTermPartition(term) };
  const filters: string[] = [];
  const add = (attribute: string, value: unknown) => {
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
    filters.push(`#${attribute} = :${attribute}`);
  };
  if (filter.column) add("columnId", filter.column);
  if (filter.unit) add("unitCode", filter.unit);
  if (filter.category) add("category", filter.category);
  if (filter.kind) add("kind", filter.kind);
  if (filter.validity) add("validity", filter.validity);
  if (filter.year !== undefined) {
    [values[":from"], values[":to"]] = yearRange(filter.year);
    filters.push("#firstPublishedAt BETWEEN :from AND :to");
  }
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: "pk = :pk",
      ...(filters.length ? { FilterExpression: filters.join(" AND ") } : {}),
      ProjectionExpression: projected.map((a) => `#${a}`).join(", "),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      // Newest items first (ids are time-ordered), so a common term's cut keeps recent documents.
      ScanIndexForward: false,
      Limit: maxPostingsPerTerm,
    }),
  );
  const postings = (result.Items ?? []).map(
    (r): Posting => ({
      itemId: String(r.sk),
      impact: Number(r.impact),
      firstPublishedAt: String(r.firstPublishedAt),
      docNumber: r.docNumber ?? null,
    }),
  );
  return {
    term,
    postings,
    complete: !result.LastEvaluatedKey,
    documentFrequency: result.ScannedCount ?? postings.length,
  };
}

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

const maxOffset = searchLimits.maxQueryTerms * maxPostingsPerTerm;

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
