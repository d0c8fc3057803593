import {
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  type ScanCommandInput,
} from "@aws-sdk/lib-dynamodb";
import type { Db } from "./client.ts";

type Input = Omit<QueryCommandInput, "TableName" | "ExclusiveStartKey">;

/** Every record a Query matches, across pages: for partitions known to stay small. */
export async function queryAll(db: Db, input: Input): Promise<Record<string, unknown>[]> {
  const records: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new QueryCommand({ ...input, TableName: db.tableName, ExclusiveStartKey: start }),
    );
    records.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return records;
}

/** How many records a Query matches, across pages, reading only counts. */
export async function countAll(db: Db, input: Input): Promise<number> {
  let total = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new QueryCommand({ ...input, TableName: db.tableName, Select: "COUNT", ExclusiveStartKey: start }),
    );
    total += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return total;
}

/** Every record a Scan matches, across pages: for one-off work over the whole table. */
export async function scanAll(
  db: Db,
  input: Omit<ScanCommandInput, "TableName" | "ExclusiveStartKey">,
): Promise<Record<string, unknown>[]> {
  const records: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new ScanCommand({ ...input, TableName: db.tableName, ExclusiveStartKey: start }),
    );
    records.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return records;
}
