import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { Unit } from "@gov/domain";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query.ts";

export function unitRepository(db: Db) {
  return {
    async get(code: string): Promise<Unit | undefined> {
      const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.unit(code) }));
      return Item ? Unit.parse(Item) : undefined;
    },

    /** Units are reference data: putting one again with the same code replaces its name. */
    async put(unit: Unit): Promise<void> {
      await db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: { ...keys.unit(unit.code), ...keys.unitInList(unit.code), entity: "unit", ...unit },
        }),
      );
    },

    async list(): Promise<Unit[]> {
      const records = await queryAll(db, {
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :pk",
        ExpressionAttributeValues: { ":pk": keys.unitInList("").gsi1pk },
      });
      return records.map((record) => Unit.parse(record));
    },
  };
}
