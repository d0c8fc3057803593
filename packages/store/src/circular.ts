import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { DomainError } from "@gov/domain";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import type { Write } from "./transaction.ts";

/**
 * Which item is a year's circular (of one level, or of all): one guard record per (year,
 * scope), written in the draft's own transaction, so concurrent publications make one draft.
 */
export function circularRepository(db: Db) {
  return {
    async claimant(year: number, scope: string): Promise<string | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: keys.circularOf(year, scope), ConsistentRead: true }),
      );
      return Item?.itemId;
    },

    /** Claims (year, scope) for `itemId`; `replacing` names a withdrawn circular whose claim it takes over. */
    claimWrite(year: number, scope: string, itemId: string, replacing?: string): Write {
      return {
        item: {
          Put: {
            TableName: db.tableName,
            Item: { ...keys.circularOf(year, scope), entity: "circular-guard", itemId },
            ...(replacing
              ? {
                  ConditionExpression: "itemId = :replacing",
                  ExpressionAttributeValues: { ":replacing": replacing },
                }
              : { ConditionExpression: "attribute_not_exists(pk)" }),
          },
        },
        onConditionFailed: new DomainError("conflict", `${year}年度通报已在起草`),
      };
    },
  };
}
