import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { DomainError, type MailHeader } from "@gov/domain";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query.ts";
import type { Write } from "./transaction.ts";
import { withoutKeys } from "./versioned.ts";

/**
 * A mail to one citizen (ADR 0060): the rendered message and the address sealed to this
 * mail's id. `owner` is the record it was written for (a subscription), whose deletion deletes
 * its mails. The table's TTL removes it a few days after it was written, sent or not.
 */
export type StoredCitizenMail = {
  id: string;
  owner: string;
  sealedAddress: string;
  subject: string;
  text: string;
  html: string;
  headers: MailHeader[];
  createdAt: string;
  /** Epoch seconds: the table's TTL attribute. */
  expiresAt: number;
};

export function citizenMailRepository(db: Db) {
  return {
    /** The mail, for the transaction that owes it (with its delivery). */
    write(mail: StoredCitizenMail): Write {
      return {
        item: {
          Put: {
            TableName: db.tableName,
            Item: {
              ...keys.citizenMail(mail.id),
              ...keys.citizenMailOfOwner(mail.owner, mail.id),
              entity: "citizen-mail",
              ...mail,
            },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        onConditionFailed: new DomainError("conflict", "邮件已存在"),
      };
    },

    async get(id: string): Promise<StoredCitizenMail | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: keys.citizenMail(id), ConsistentRead: true }),
      );
      return Item ? withoutKeys<StoredCitizenMail>(Item) : undefined;
    },

    /** Deletions of an owner's mails, for the owner's own deletion. */
    async deletesOfOwner(owner: string): Promise<Write[]> {
      const records = await queryAll(db, {
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :pk",
        ExpressionAttributeValues: { ":pk": keys.citizenMailsOfOwnerPartition(owner) },
        ProjectionExpression: "pk, sk",
      });
      return records.map((r) => ({
        item: { Delete: { TableName: db.tableName, Key: { pk: r.pk, sk: r.sk } } },
        onConditionFailed: new DomainError("conflict", "邮件已删除"),
      }));
    },
  };
}
