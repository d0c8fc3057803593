import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";

/** Wrong secrets given for one tracking code in the window that began with the first of them. */
export type SecretFailures = { count: number; windowEndsAt: number };

/** A tracking code's record (an application or a letter) and the wrong secrets given for it lately. */
export type Tracked<Found> = { found: Found | undefined; failures: SecretFailures | undefined };

/**
 * The tracking code's partition of gsi3: the record it names and, beside it, its failure
 * counter. One Query answers both, so checking the lockout costs the right secret nothing
 * (ADR 0041). The index is eventually consistent: the caller reads the record itself again.
 */
export async function trackingPartition(db: Db, trackingCode: string, kind: "APPLICATION" | "LETTER") {
  // Small by construction: a letter or an application's parts (at most 10), and the counter.
  const { Items = [] } = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: "gsi3",
      KeyConditionExpression: "gsi3pk = :pk",
      ExpressionAttributeValues: { ":pk": keys.trackingPartition(trackingCode) },
    }),
  );
  const counter = Items.find((i) => i.gsi3sk === keys.secretFailures(trackingCode).gsi3sk);
  const records = Items.filter((i) => i.gsi3sk === kind);
  return {
    record: records[0],
    records,
    failures: counter
      ? { count: Number(counter.failures), windowEndsAt: Number(counter.expiresAt) * 1000 }
      : undefined,
  };
}

/**
 * Wrong secrets per tracking code, kept in the table so the lockout holds across Lambda
 * instances. A failure is one conditional UpdateItem; the record expires with its window.
 */
export function secretFailureRepository(db: Db) {
  return {
    /** Counts one wrong secret; a window that has ended (TTL deletion is lazy) starts again. */
    async record(trackingCode: string, nowMs: number, windowSeconds: number): Promise<SecretFailures> {
      const now = Math.floor(nowMs / 1000);
      const key = keys.secretFailures(trackingCode);
      try {
        const { Attributes } = await db.doc.send(
          new UpdateCommand({
            TableName: db.tableName,
            Key: { pk: key.pk, sk: key.sk },
            UpdateExpression:
              "ADD failures :one SET expiresAt = if_not_exists(expiresAt, :ends), gsi3pk = :gsi3pk, gsi3sk = :gsi3sk, entity = :entity",
            ConditionExpression: "attribute_not_exists(pk) OR expiresAt > :now",
            ExpressionAttributeValues: {
              ":one": 1,
              ":ends": now + windowSeconds,
              ":now": now,
              ":gsi3pk": key.gsi3pk,
              ":gsi3sk": key.gsi3sk,
              ":entity": "secret-failures",
            },
            ReturnValues: "ALL_NEW",
          }),
        );
        return { count: Number(Attributes?.failures), windowEndsAt: Number(Attributes?.expiresAt) * 1000 };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const fresh = { ...key, entity: "secret-failures", failures: 1, expiresAt: now + windowSeconds };
        await db.doc.send(new PutCommand({ TableName: db.tableName, Item: fresh }));
        return { count: 1, windowEndsAt: fresh.expiresAt * 1000 };
      }
    },
  };
}
