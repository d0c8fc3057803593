import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "./client.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import type { IndexName } from "./table.ts";

/** Every list pages this way; the types live here, not with items, so no list imports the item repository. */
export type Page<T> = { items: T[]; nextCursor: string | null };
export type PageRequest = { limit: number; cursor?: string | undefined };

export type PagedQuery = {
  index: IndexName;
  partition: string;
  /** Sort-key range, inclusive at both ends. */
  from?: string | undefined;
  to?: string | undefined;
  /** Equality filters on plain attributes, applied after the key condition. */
  equals?: Record<string, unknown>;
  /** Extra filter expression with its own values (names as #name, values as :name). */
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
  newestFirst: boolean;
};

/** Each request reads at most this many pages while filling one page of results. */
const maxQueriesPerPage = 5;

/**
 * One page of an index partition, newest first, narrowed by a sort-key range and filters.
 * A page may take a few reads to fill; the cursor resumes right after the last record
 * returned, so paging never skips or repeats (the same scheme as the published lists).
 */
export async function queryPage(
  db: Db,
  query: PagedQuery,
  page: PageRequest,
): Promise<Page<Record<string, unknown>>> {
  const pk = `${query.index}pk`;
  const sk = `${query.index}sk`;
  const names: Record<string, string> = { "#pk": pk, ...query.filter?.names };
  const values: Record<string, unknown> = { ":pk": query.partition, ...query.filter?.values };
  let condition = "#pk = :pk";
  // DynamoDB refuses an empty string in a key condition, so an open end is a one-sided range.
  if (query.from !== undefined || query.to !== undefined) names["#sk"] = sk;
  if (query.from !== undefined) values[":from"] = query.from;
  if (query.to !== undefined) values[":to"] = query.to;
  if (query.from !== undefined && query.to !== undefined) condition += " AND #sk BETWEEN :from AND :to";
  else if (query.from !== undefined) condition += " AND #sk >= :from";
  else if (query.to !== undefined) condition += " AND #sk <= :to";
  const filters = query.filter ? [query.filter.expression] : [];
  for (const [attribute, value] of Object.entries(query.equals ?? {})) {
    if (value === undefined) continue;
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
    filters.push(`#${attribute} = :${attribute}`);
  }
  const records: Record<string, unknown>[] = [];
  let start = decodeCursor(page.cursor, { attribute: pk, value: query.partition });
  let exhausted = false;
  for (let reads = 0; reads < maxQueriesPerPage && records.length < page.limit && !exhausted; reads++) {
    const result = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: query.index,
        KeyConditionExpression: condition,
        ...(filters.length ? { FilterExpression: filters.join(" AND ") } : {}),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: !query.newestFirst,
        Limit: filters.length ? Math.max(page.limit * 2, 50) : page.limit - records.length,
        ExclusiveStartKey: start,
      }),
    );
    records.push(...(result.Items ?? []));
    start = result.LastEvaluatedKey as typeof start;
    exhausted = !start;
  }
  const returned = records.slice(0, page.limit);
  const last = returned.at(-1);
  const cursorKey =
    records.length > page.limit && last
      ? Object.fromEntries(["pk", "sk", pk, sk].map((n) => [n, last[n]]))
      : exhausted
        ? undefined
        : start;
  return { items: returned, nextCursor: encodeCursor(cursorKey) };
}
