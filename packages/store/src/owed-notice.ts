import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { DomainError, type OwedNotice, type OwedNoticeSource } from "@gov/domain";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query.ts";
import type { Write } from "./transaction.ts";
import { withoutKeys } from "./versioned.ts";

/**
 * The owed notice was already issued (or is being issued by a concurrent settle, whose
 * transaction won): the caller has nothing left to do.
 */
export class OwedNoticeAlreadyIssued extends DomainError {
  constructor() {
    super("conflict", "该通知已发出");
  }
}

const toRecord = (owed: OwedNotice) => ({
  ...keys.owedNotice(owed.source.kind, owed.source.id),
  ...(owed.state === "owed" ? keys.owedNoticeDue(owed.createdAt, owed.source.kind, owed.source.id) : {}),
  entity: "owed-notice",
  ...owed,
});

export function owedNoticeRepository(db: Db) {
  return {
    /** The promise, for the source's own transaction; a source owes at most one notice. */
    createWrite(owed: OwedNotice): Write {
      return {
        item: {
          Put: {
            TableName: db.tableName,
            Item: toRecord(owed),
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        onConditionFailed: new DomainError("conflict", "该事项的通知已登记"),
      };
    },

    /**
     * Marks it issued, for the notice's own transaction: only while still owed, so of two
     * settles racing, one notice commits and the other's whole transaction is cancelled.
     */
    issuedWrite(issued: OwedNotice): Write {
      return {
        item: {
          Put: {
            TableName: db.tableName,
            Item: toRecord(issued),
            ConditionExpression: "#state = :owed",
            ExpressionAttributeNames: { "#state": "state" },
            ExpressionAttributeValues: { ":owed": "owed" },
          },
        },
        onConditionFailed: new OwedNoticeAlreadyIssued(),
      };
    },

    async get(source: OwedNoticeSource): Promise<OwedNotice | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({
          TableName: db.tableName,
          Key: keys.owedNotice(source.kind, source.id),
          ConsistentRead: true,
        }),
      );
      return Item ? withoutKeys<OwedNotice>(Item) : undefined;
    },

    /** Notices still owed, oldest first (gsi2, sparse): normally none, after an outage a few. */
    async owed(limit: number): Promise<OwedNotice[]> {
      const records = await queryAll(db, {
        IndexName: "gsi2",
        KeyConditionExpression: "gsi2pk = :pk",
        ExpressionAttributeValues: { ":pk": keys.owedNoticesPartition },
        Limit: limit,
      });
      return records.slice(0, limit).map((r) => withoutKeys<OwedNotice>(r));
    },
  };
}
