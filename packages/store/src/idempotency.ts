import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { DomainError } from "@gov/domain";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import type { Write } from "./transaction.ts";

/** Replays are honoured for a day, then the record expires through the table's TTL. */
const ttlSeconds = 24 * 60 * 60;

export type IdempotencyRequest = { scope: string; key: string; requestHash: string };
export type StoredResponse = { status: number; body: unknown; headers?: Record<string, string> };
export type IdempotencyRecord = { requestHash: string; response: StoredResponse; expiresAt: number };

export function idempotencyRepository(db: Db) {
  return {
    async find(request: IdempotencyRequest, nowMs: number): Promise<IdempotencyRecord | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({
          TableName: db.tableName,
          Key: keys.idempotency(request.scope, request.key),
          ConsistentRead: true,
        }),
      );
      if (!Item || Item.expiresAt * 1000 <= nowMs) return undefined;
      return { requestHash: Item.requestHash, response: Item.response, expiresAt: Item.expiresAt };
    },

    /**
     * The record is written in the same transaction as the create it remembers, so a retry
     * finds either nothing (and creates) or the first response (and replays): never a duplicate.
     */
    write(request: IdempotencyRequest, response: StoredResponse, nowMs: number): Write {
      return {
        item: {
          Put: {
            TableName: db.tableName,
            Item: {
              ...keys.idempotency(request.scope, request.key),
              entity: "idempotency",
              requestHash: request.requestHash,
              response,
              expiresAt: Math.floor(nowMs / 1000) + ttlSeconds,
            },
            ConditionExpression: "attribute_not_exists(pk) OR expiresAt <= :now",
            ExpressionAttributeValues: { ":now": Math.floor(nowMs / 1000) },
          },
        },
        onConditionFailed: new IdempotencyRace(),
      };
    },
  };
}

/** Another request with the same key committed first; the caller re-reads and replays. */
export class IdempotencyRace extends DomainError {
  constructor() {
    super("conflict", "相同幂等键的请求已处理");
  }
}
