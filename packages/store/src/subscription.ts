import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { DomainError, type Subscription, subscriptionPolicy, topicKey } from "@gov/domain";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query.ts";
import { commit, type Write } from "./transaction.ts";
import { withoutKeys } from "./versioned.ts";

/**
 * Subscriptions (ADR 0060). The record holds the sealed address and its keyed hash, never the
 * address; a guard per (address, topic) makes a second request for the same topic find the
 * first. A pending record expires (TTL) if never confirmed; a confirmed one is listed by topic
 * for the digest (gsi2, sparse). Every change is conditional on the version read.
 */
const toRecord = (sub: Subscription) => ({
  ...keys.subscription(sub.id),
  ...(sub.state === "confirmed" ? keys.confirmedSubscription(topicKey(sub.topic), sub.id) : {}),
  entity: "subscription",
  ...sub,
  // A pending record lives a week from its last confirmation mail.
  ...(sub.state === "pending"
    ? { expiresAt: Math.floor(Date.parse(sub.confirmationSentAt) / 1000) + subscriptionPolicy.pendingSeconds }
    : {}),
});

const toSubscription = (record: Record<string, unknown>): Subscription => {
  const { expiresAt: _expires, ...rest } = withoutKeys<Record<string, unknown>>(record);
  return rest as Subscription;
};

const changed = () => new DomainError("conflict", "订阅已被同时修改，请稍后重试");

export type SubscriptionRepository = ReturnType<typeof subscriptionRepository>;

export function subscriptionRepository(db: Db) {
  const putAt = (sub: Subscription, before: Subscription): Write => ({
    item: {
      Put: {
        TableName: db.tableName,
        Item: toRecord(sub),
        ConditionExpression: "version = :read",
        ExpressionAttributeValues: { ":read": before.version },
      },
    },
    onConditionFailed: changed(),
  });
  const get = async (key: { pk: string; sk: string }) =>
    (await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: true }))).Item;

  return {
    async get(id: string): Promise<Subscription | undefined> {
      const record = await get(keys.subscription(id));
      return record ? toSubscription(record) : undefined;
    },

    /** The address's subscription to a topic, found by the address's keyed hash. */
    async ofAddress(addressKey: string, topic: string): Promise<Subscription | undefined> {
      const guard = await get(keys.subscriptionOfAddress(addressKey, topic));
      if (!guard) return undefined;
      const record = await get(keys.subscription(String(guard.subscriptionId)));
      return record ? toSubscription(record) : undefined;
    },

    /** A new subscription with its guard and whatever must hold with it (its confirmation mail). */
    async create(sub: Subscription, also: Write[]): Promise<void> {
      const guard = keys.subscriptionOfAddress(sub.addressKey, topicKey(sub.topic));
      await commit(db, [
        {
          item: {
            Put: {
              TableName: db.tableName,
              // The guard expires with a pending record and is kept once confirmed.
              Item: {
                ...guard,
                entity: "subscription-guard",
                subscriptionId: sub.id,
                expiresAt: Math.floor(Date.parse(sub.createdAt) / 1000) + subscriptionPolicy.pendingSeconds,
              },
              // A guard left by an expired record (TTL deletes lazily) may be taken over.
              ConditionExpression: "attribute_not_exists(pk) OR expiresAt < :now",
              ExpressionAttributeValues: { ":now": Math.floor(Date.parse(sub.createdAt) / 1000) },
            },
          },
          onConditionFailed: changed(),
        },
        {
          item: {
            Put: {
              TableName: db.tableName,
              Item: toRecord(sub),
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
          onConditionFailed: changed(),
        },
        ...also,
      ]);
    },

    /** A change at the version read (confirmation, a new confirmation mail), with what must hold with it. */
    async update(next: Subscription, before: Subscription, also: Write[] = []): Promise<void> {
      const guard = keys.subscriptionOfAddress(next.addressKey, topicKey(next.topic));
      await commit(db, [
        putAt(next, before),
        // The guard lives as long as its record: a week from the last mail while pending, for
        // good once confirmed. It must still name this record, or two could be confirmed.
        ...(before.state === "pending"
          ? [
              {
                item: {
                  Update: {
                    TableName: db.tableName,
                    Key: guard,
                    ConditionExpression: "subscriptionId = :id",
                    ...(next.state === "confirmed"
                      ? {
                          UpdateExpression: "REMOVE expiresAt",
                          ExpressionAttributeValues: { ":id": next.id },
                        }
                      : {
                          UpdateExpression: "SET expiresAt = :expires",
                          ExpressionAttributeValues: {
                            ":id": next.id,
                            ":expires": toRecord(next).expiresAt,
                          },
                        }),
                  },
                },
                onConditionFailed: changed(),
              },
            ]
          : []),
        ...also,
      ]);
    },

    /**
     * A day's digest: the marker (once per subscription and day, whoever runs), the record at
     * the version read, and the mail with its delivery, all or nothing. Two runs at once: one
     * commits, the other's transaction is cancelled and it sends nothing.
     */
    async digest(next: Subscription, before: Subscription, day: string, also: Write[]): Promise<void> {
      await commit(db, [
        {
          item: {
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.digestSent(next.id, day),
                entity: "subscription-digest",
                expiresAt:
                  Math.floor(Date.parse(next.digestedThrough ?? next.createdAt) / 1000) + 35 * 86_400,
              },
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
          onConditionFailed: new DomainError("conflict", "该订阅当日摘要已发送"),
        },
        putAt(next, before),
        ...also,
      ]);
    },

    /** Every confirmed subscription, by topic: one partition, read whole by the daily digest. */
    async confirmed(): Promise<Subscription[]> {
      const records = await queryAll(db, {
        IndexName: "gsi2",
        KeyConditionExpression: "gsi2pk = :pk",
        ExpressionAttributeValues: { ":pk": keys.confirmedSubscriptionsPartition },
      });
      return records.map(toSubscription);
    },

    /**
     * Deletes the subscription, its guard, its digest markers and whatever else the caller names
     * (its pending mails). Nothing of the address is left.
     */
    async remove(sub: Subscription, also: Write[]): Promise<void> {
      const partition = await queryAll(db, {
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": keys.subscription(sub.id).pk },
        ProjectionExpression: "pk, sk",
      });
      const deletes: Write[] = [
        ...partition,
        keys.subscriptionOfAddress(sub.addressKey, topicKey(sub.topic)),
      ].map((key) => ({
        item: { Delete: { TableName: db.tableName, Key: { pk: key.pk, sk: key.sk } } },
        onConditionFailed: changed(),
      }));
      // Markers are a month's at most (TTL): one transaction holds them with the mails.
      await commit(db, [...deletes, ...also]);
    },
  };
}
