import { BatchGetCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { ChannelKind, ChannelView } from "@gov/domain";
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

export function unitChannelRepository(db: Db) {
  return {
    /** The whole set, replacing the previous one: one PutItem, so a reader sees the old set or the new. */
    async put(record: StoredUnitChannels): Promise<void> {
      await db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: { ...keys.unitChannels(record.unitCode), entity: "unit-channels", ...record },
        }),
      );
    },

    async get(unitCode: string): Promise<StoredUnitChannels | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: keys.unitChannels(unitCode), ConsistentRead: true }),
      );
      return Item ? withoutKeys<StoredUnitChannels>(Item) : undefined;
    },

    /** The channels of many units, a BatchGet per 100 (a notice's targets: one); a unit without any is absent. */
    async ofUnits(unitCodes: string[]): Promise<Map<string, StoredUnitChannels>> {
      const found = new Map<string, StoredUnitChannels>();
      for (let i = 0; i < unitCodes.length; i += 100) {
        const chunk = unitCodes.slice(i, i + 100);
        let request:
          | Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }>
          | undefined = {
          [db.tableName]: { Keys: chunk.map((code) => keys.unitChannels(code)), ConsistentRead: true },
        };
        while (request && Object.keys(request).length > 0) {
          const result = await db.doc.send(new BatchGetCommand({ RequestItems: request }));
          for (const record of result.Responses?.[db.tableName] ?? []) {
            const channels = withoutKeys<StoredUnitChannels>(record);
            found.set(channels.unitCode, channels);
          }
          request = result.UnprocessedKeys as typeof request;
        }
      }
      return found;
    },
  };
}
