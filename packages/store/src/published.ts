import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Item, ItemKind, Validity } from "@gov/domain";
import type { Db } from "./client.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { keys } from "./keys.ts";
import type { Page, PageRequest } from "./paged.ts";
import { queryAll } from "./query.ts";
import { keyAttributes } from "./table.ts";

export type PublishedFilter = {
  column?: string | undefined;
  unit?: string | undefined;
  /** Year of first publication, Asia/Shanghai. */
  year?: number | undefined;
  category?: string | undefined;
  kind?: ItemKind | undefined;
  validity?: Validity | undefined;
};

/** Each request reads at most this many pages while filling one page of results. */
const maxQueriesPerPage = 5;

/** The Asia/Shanghai year as a range of UTC ISO instants (the sort keys are UTC). */
export function yearRange(year: number): [string, string] {
  const start = new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000).toISOString();
  const end = new Date(Date.UTC(year + 1, 0, 1) - 8 * 3_600_000).toISOString();
  return [start, end];
}

/**
 * Published items, newest first, by the most selective index the filter allows (column,
 * else unit, else all), narrowed by year on the sort key and by the rest in a filter
 * expression. A page may take a few reads to fill; the cursor resumes exactly after the
 * last item returned, so paging never skips or repeats and has no ceiling.
 */
export async function listPublished(
  db: Db,
  filter: PublishedFilter,
  page: PageRequest,
  /** Only these attributes of each item (the keys the cursor needs are added). */
  attributes?: readonly string[],
): Promise<Page<Item>> {
  const [index, partition] = filter.column
    ? (["gsi2", keys.columnPartition(filter.column)] as const)
    : filter.unit
      ? (["gsi5", keys.unitPublishedPartition(filter.unit)] as const)
      : (["gsi6", keys.publishedPartition] as const);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ":pk": partition };
  let condition = `${index}pk = :pk`;
  if (filter.year !== undefined) {
    [values[":from"], values[":to"]] = yearRange(filter.year);
    condition += ` AND ${index}sk BETWEEN :from AND :to`;
  }
  const filters: string[] = [];
  const add = (attribute: string, value: unknown) => {
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
    filters.push(`#${attribute} = :${attribute}`);
  };
  if (filter.column && filter.unit) add("unitCode", filter.unit);
  if (filter.category) add("category", filter.category);
  if (filter.kind) add("kind", filter.kind);
  if (filter.validity) add("validity", filter.validity);

  // The filter reads whole records; only the projection crosses the wire and is unmarshalled.
  const cursorKeys = ["pk", "sk", `${index}pk`, `${index}sk`];
  const projection = attributes
    ? [...attributes, ...cursorKeys].map((name, i) => {
        names[`#p${i}`] = name;
        return `#p${i}`;
      })
    : [];

  const items: Record<string, unknown>[] = [];
  let start = decodeCursor(page.cursor, { attribute: `${index}pk`, value: partition });
  let exhausted = false;
  for (let reads = 0; reads < maxQueriesPerPage && items.length < page.limit && !exhausted; reads++) {
    const result = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: index,
        KeyConditionExpression: condition,
        ...(filters.length ? { FilterExpression: filters.join(" AND ") } : {}),
        ...(projection.length ? { ProjectionExpression: projection.join(", ") } : {}),
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: filters.length ? Math.max(page.limit * 2, 50) : page.limit - items.length,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(result.Items ?? []));
    start = result.LastEvaluatedKey as typeof start;
    exhausted = !start;
  }
  const returned = items.slice(0, page.limit);
  const last = returned.at(-1);
  // Cut mid-read: resume after the last item returned; else after the last item read.
  const cursorKey =
    items.length > page.limit && last ? pick(last, cursorKeys) : exhausted ? undefined : start;
  return { items: returned.map(stripKeys), nextCursor: encodeCursor(cursorKey) };
}

const keyNames = new Set([...keyAttributes(), "entity"]);
const stripKeys = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([k]) => !keyNames.has(k))) as Item;
const pick = (record: Record<string, unknown>, names: string[]) =>
  Object.fromEntries(names.map((n) => [n, record[n]]));

/**
 * The column and unit of every item published in a year (Asia/Shanghai), the city's (gsi6)
 * or a unit's (gsi5), projected to those two fields: the overview's items per column.
 */
export async function publishedInYear(
  db: Db,
  year: number,
  unit?: string,
): Promise<{ columnId: string; unitCode: string }[]> {
  const [index, partition] = unit
    ? (["gsi5", keys.unitPublishedPartition(unit)] as const)
    : (["gsi6", keys.publishedPartition] as const);
  const [from, to] = yearRange(year);
  const records = await queryAll(db, {
    IndexName: index,
    KeyConditionExpression: `${index}pk = :pk AND ${index}sk BETWEEN :from AND :to`,
    ProjectionExpression: "columnId, unitCode",
    ExpressionAttributeValues: { ":pk": partition, ":from": from, ":to": to },
  });
  return records as { columnId: string; unitCode: string }[];
}
