import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { DomainError } from "@gov/domain";
import type { Db } from "./client.ts";
import type { StoredResponse } from "./idempotency.ts";
import { keys } from "./keys.ts";
import type { Write } from "./transaction.ts";

/**
 * A citizen submission remembered by its content fingerprint (client + normalized body) for
 * a short window, with the answer it got. It is written in the same transaction as the
 * letter or comment it created, conditioned on no live record: of any number of identical
 * submissions racing, exactly one creates and the rest answer with its result.
 */
export function submissionRepository(db: Db) {
  return {
    async find(fingerprint: string, nowMs: number): Promise<StoredResponse | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({
          TableName: db.tableName,
          Key: keys.submissionFingerprint(fingerprint),
          ConsistentRead: true,
        }),
      );
      if (!Item || Item.expiresAt * 1000 <= nowMs) return undefined;
      return Item.response as StoredResponse;
    },

    write(fingerprint: string, response: StoredResponse, nowMs: number, windowSeconds: number): Write {
      const now = Math.floor(nowMs / 1000);
      return {
        item: {
          Put: {
            TableName: db.tableName,
            Item: {
              ...keys.submissionFingerprint(fingerprint),
              entity: "submission-fingerprint",
              response,
              expiresAt: now + windowSeconds,
            },
            // TTL deletion is lazy (up to days): an expired record is overwritten, not honoured.
            ConditionExpression: "attribute_not_exists(pk) OR expiresAt <= :now",
            ExpressionAttributeValues: { ":now": now },
          },
        },
        onConditionFailed: new DuplicateSubmissionRace(),
      };
    },
  };
}

/** An identical submission committed first; the caller re-reads and answers with its result. */
export class DuplicateSubmissionRace extends DomainError {
  constructor() {
    super("conflict", "相同内容的提交已受理");
  }
}
