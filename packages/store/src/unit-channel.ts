import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { ChannelKind, ChannelView, LeadershipContactMasked } from "@gov/domain";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import { withoutKeys } from "./versioned.ts";

/**
 * A unit's channels as stored: what the API may show (`view`) beside the channel itself,
 * sealed by the caller (core's channel-secrets). The store never sees a secret in clear.
 */
export type StoredChannel = { kind: ChannelKind; view: ChannelView; sealed: string };
export type StoredUnitChannels = {
  unitCode: string;
  channels: StoredChannel[];
  updatedAt: string;
  updatedBy: string;
};

/** A unit's leadership contact (分管领导, ADR 0053): masked for the API, sealed as a whole. */
export type StoredLeadershipContact = {
  unitCode: string;
  masked: LeadershipContactMasked;
  sealed: string;
  updatedAt: string;
  updatedBy: string;
};

type Key = { pk: string; sk: string };

/**
 * One sealed record per unit under `keyOf(unitCode)`, replaced as a whole: a unit's channels,
 * and its leadership contact, which is read and sent through the same way.
 */
function sealedRecordRepository<T extends { unitCode: string }>(
  db: Db,
  keyOf: (unitCode: string) => Key,
  entity: string,
) {
  return {
    /** The whole record, replacing the previous one: one PutItem, so a reader sees the old or the new. */
    async put(record: T): Promise<void> {
      await db.doc.send(
        new PutCommand({ TableName: db.tableName, Item: { ...keyOf(record.unitCode), entity, ...record } }),
      );
    },

    async get(unitCode: string): Promise<T | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: keyOf(unitCode), ConsistentRead: true }),
      );
      return Item ? withoutKeys<T>(Item) : undefined;
    },

    async remove(unitCode: string): Promise<void> {
      await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: keyOf(unitCode) }));
    },

    /** The records of many units, a BatchGet per 100 (a notice's targets: one); a unit without one is absent. */
    async ofUnits(unitCodes: string[]): Promise<Map<string, T>> {
      const found = new Map<string, T>();
      for (let i = 0; i < unitCodes.length; i += 100) {
        const chunk = unitCodes.slice(i, i + 100);
        let request:
          | Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }>
          | undefined = {
          [db.tableName]: { Keys: chunk.map((code) => keyOf(code)), ConsistentRead: true },
        };
        while (request && Object.keys(request).length > 0) {
          const result = await db.doc.send(new BatchGetCommand({ RequestItems: request }));
          for (const record of result.Responses?.[db.tableName] ?? []) {
            const stored = withoutKeys<T>(record);
            found.set(stored.unitCode, stored);
          }
          request = result.UnprocessedKeys as typeof request;
        }
      }
      return found;
    },
  };
}

export function unitChannelRepository(db: Db) {
  return sealedRecordRepository<StoredUnitChannels>(db, keys.unitChannels, "unit-channels");
}

export function leadershipContactRepository(db: Db) {
  return sealedRecordRepository<StoredLeadershipContact>(db, keys.leadershipContact, "leadership-contact");
}
