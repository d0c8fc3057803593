import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { AuditEntry, IndicatorLevel, IndicatorSystem } from "@gov/domain";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query.ts";
import { commit, type Write } from "./transaction.ts";
import { createWrites, withoutKeys } from "./versioned.ts";

const toRecord = (system: IndicatorSystem) => ({
  ...keys.indicatorSystem(system.id),
  ...keys.indicatorSystemInList(system.year, system.level, system.id),
  entity: "indicator-system",
  ...system,
});

export function indicatorSystemRepository(db: Db) {
  return {
    async create(system: IndicatorSystem, audit: AuditEntry, extra: Write[] = []): Promise<void> {
      await commit(db, [...createWrites(db, toRecord(system), audit, "指标体系已存在"), ...extra]);
    },

    async get(id: string): Promise<IndicatorSystem | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: keys.indicatorSystem(id), ConsistentRead: true }),
      );
      return Item ? withoutKeys<IndicatorSystem>(Item) : undefined;
    },

    /** Systems of a year (and level), from one small partition of gsi1; a handful per year. */
    async list(filter: {
      year?: number | undefined;
      level?: IndicatorLevel | undefined;
    }): Promise<IndicatorSystem[]> {
      const prefix =
        filter.year === undefined ? "" : filter.level ? `${filter.year}#${filter.level}#` : `${filter.year}#`;
      // DynamoDB refuses an empty begins_with prefix: without a year, read the whole partition.
      const records = await queryAll(db, {
        IndexName: "gsi1",
        KeyConditionExpression: prefix ? "gsi1pk = :pk AND begins_with(gsi1sk, :prefix)" : "gsi1pk = :pk",
        ExpressionAttributeValues: {
          ":pk": keys.indicatorSystemsPartition,
          ...(prefix ? { ":prefix": prefix } : {}),
        },
      });
      return records
        .map((r) => withoutKeys<IndicatorSystem>(r))
        .filter((s) => filter.level === undefined || s.level === filter.level);
    },
  };
}
