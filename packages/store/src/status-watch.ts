import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { DomainError } from "@gov/domain";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import { commit, type Write } from "./transaction.ts";

/**
 * A citizen's wish to be told by email when a letter or an application changes state (ADR
 * 0060): the address sealed to the record's id, written in the submission's transaction and
 * read by each state change, which writes its mail in its own transaction.
 */
export type StatusWatch = {
  recordId: string;
  sealedAddress: string;
  /** The portal's base the citizen submitted from: the mails' links. */
  linkBase: string;
  createdAt: string;
};

export function statusWatchRepository(db: Db) {
  return {
    write(watch: StatusWatch): Write {
      return {
        item: {
          Put: {
            TableName: db.tableName,
            Item: { ...keys.statusWatch(watch.recordId), entity: "status-watch", ...watch },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        onConditionFailed: new DomainError("conflict", "已登记邮件告知"),
      };
    },

    async get(recordId: string): Promise<StatusWatch | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: keys.statusWatch(recordId), ConsistentRead: true }),
      );
      return Item
        ? {
            recordId,
            sealedAddress: String(Item.sealedAddress),
            linkBase: String(Item.linkBase),
            createdAt: String(Item.createdAt),
          }
        : undefined;
    },

    /**
     * Unsubscribing: the address is gone, with whatever else the caller names (its mails not yet
     * sent) in one transaction; the record's later changes mail nobody.
     */
    async remove(recordId: string, also: Write[]): Promise<void> {
      await commit(db, [
        {
          item: { Delete: { TableName: db.tableName, Key: keys.statusWatch(recordId) } },
          onConditionFailed: new DomainError("conflict", "邮件告知已取消"),
        },
        ...also,
      ]);
    },
  };
}
