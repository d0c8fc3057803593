import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "./client.ts";
import { itemRepository } from "./item.ts";
import { keys } from "./keys.ts";
import { publicChangeRepository } from "./public-changes.ts";
import { markSearchIndexLayout, reindexSearchOnce } from "./search.ts";
import { type IndexName, keyAttributes, tableDefinition } from "./table.ts";

/**
 * Creates the table from its definition unless it exists, and adds any index the
 * definition has gained since (a local data directory outlives code changes).
 */
export async function ensureTable(db: Db): Promise<void> {
  try {
    const { Table } = await db.doc.send(new DescribeTableCommand({ TableName: db.tableName }));
    await addMissingIndexes(db, new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName)));
    // Links written before ADR 0057 are filed under their item's 索引号 (once; a Scan).
    await itemRepository(db).refileLinksByIndexNumber();
    await reindexSearchOnce(db);
    // What was public before the change feed gets its entries (once; a Scan, ADR 0059).
    await publicChangeRepository(db).backfillOnce();
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await createTable(db);
  await db.doc.send(
    new UpdateTimeToLiveCommand({
      TableName: db.tableName,
      TimeToLiveSpecification: { AttributeName: tableDefinition.ttlAttribute, Enabled: true },
    }),
  );
  // A table made now holds no record without its supervision clock: nothing to backfill (ADR 0049).
  await db.doc.send(
    new PutCommand({ TableName: db.tableName, Item: { ...keys.clocksBackfilled, entity: "backfill" } }),
  );
  // Nor any link not filed under its item's 索引号 (ADR 0057).
  await db.doc.send(
    new PutCommand({ TableName: db.tableName, Item: { ...keys.linksByIndexNumber, entity: "backfill" } }),
  );
  // Nor any public item without its change feed entries (ADR 0059).
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...keys.publicChangesBackfilled, entity: "backfill" },
    }),
  );
  // Nor any posting in an older search layout (ADR 0056, 0058).
  await markSearchIndexLayout(db);
}

async function createTable(db: Db): Promise<void> {
  const { partitionKey, sortKey, indexes } = tableDefinition;
  try {
    await db.doc.send(
      new CreateTableCommand({
        TableName: db.tableName,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: keyAttributes().map((name) => ({ AttributeName: name, AttributeType: "S" })),
        KeySchema: [
          { AttributeName: partitionKey, KeyType: "HASH" },
          { AttributeName: sortKey, KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: Object.keys(indexes).map((name) => indexSpec(name as IndexName)),
      }),
    );
  } catch (error) {
    // A try that timed out (DynamoDB Local on disk can take seconds) may have made the table
    // the SDK's retry then finds: it exists, which is all this asked for.
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}

function indexSpec(name: IndexName) {
  const index = tableDefinition.indexes[name];
  return {
    IndexName: name,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: "HASH" as const },
      { AttributeName: index.sortKey, KeyType: "RANGE" as const },
    ],
    Projection: { ProjectionType: "ALL" as const },
  };
}

async function addMissingIndexes(db: Db, existing: Set<string | undefined>): Promise<void> {
  for (const name of Object.keys(tableDefinition.indexes) as IndexName[]) {
    if (existing.has(name)) continue;
    const index = tableDefinition.indexes[name];
    await db.doc.send(
      new UpdateTableCommand({
        TableName: db.tableName,
        AttributeDefinitions: [
          { AttributeName: index.partitionKey, AttributeType: "S" },
          { AttributeName: index.sortKey, AttributeType: "S" },
        ],
        GlobalSecondaryIndexUpdates: [{ Create: indexSpec(name) }],
      }),
    );
  }
}
