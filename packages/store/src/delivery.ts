import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { type Delivery, type DeliveryStatus, DomainError, type RobotWindow } from "@gov/domain";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import { type Page, type PagedQuery, type PageRequest, queryPage } from "./paged.ts";
import { queryAll } from "./query.ts";
import type { Write } from "./transaction.ts";
import { withoutKeys } from "./versioned.ts";

/** A delivery's record: its lists, and the due index only while pending (sparse). */
const deliveryRecord = (d: Delivery) => ({
  ...keys.delivery(d.id),
  ...keys.deliveryOfNotice(d.noticeId, d.unitCode, d.kind),
  ...keys.deliveryOfUnit(d.unitCode, d.issuedAt, d.id),
  ...keys.deliveryInStatus(d.status, d.issuedAt, d.id),
  ...keys.deliveryInList(d.issuedAt, d.id),
  ...(d.status === "pending" && d.nextAttemptAt ? keys.deliveryDue(d.nextAttemptAt, d.id) : {}),
  entity: "delivery",
  ...d,
});

/** The lease attributes are the dispatchers' business, not the delivery's. */
const toDelivery = (record: Record<string, unknown>): Delivery => {
  const { leaseUntil: _until, leaseToken: _token, ...rest } = withoutKeys<Record<string, unknown>>(record);
  return rest as Delivery;
};

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

export type DeliveryFilter = {
  status?: DeliveryStatus | undefined;
  noticeId?: string | undefined;
  unitCode?: string | undefined;
};

/** A delivery a dispatcher holds: the record as claimed and the token its writes must show. */
export type Claimed = { delivery: Delivery; token: string };

export function deliveryRepository(db: Db) {
  const update = async (input: Omit<ConstructorParameters<typeof UpdateCommand>[0], "TableName">) => {
    try {
      const { Attributes } = await db.doc.send(
        new UpdateCommand({ ...input, TableName: db.tableName, ReturnValues: "ALL_NEW" }),
      );
      return Attributes;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  };
  const put = async (item: Record<string, unknown>, condition: string, values: Record<string, unknown>) => {
    try {
      await db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: item,
          ConditionExpression: condition,
          ...(condition.includes("#status") ? { ExpressionAttributeNames: { "#status": "status" } } : {}),
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  };
  /** Pending, due and held by nobody (or by a dispatcher whose lease has run out). */
  const takeable =
    "#status = :pending AND nextAttemptAt <= :now AND (attribute_not_exists(leaseUntil) OR leaseUntil <= :now)";

  return {
    /** The notice's deliveries as writes of its own transaction. */
    writes(deliveries: Delivery[]): Write[] {
      return deliveries.map((d) => ({
        item: {
          Put: {
            TableName: db.tableName,
            Item: deliveryRecord(d),
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        onConditionFailed: new DomainError("conflict", "送达记录已存在"),
      }));
    },

    async get(id: string): Promise<Delivery | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: keys.delivery(id), ConsistentRead: true }),
      );
      return Item ? toDelivery(Item) : undefined;
    },

    /** A notice's deliveries by unit and channel (≤ 100: they were one transaction). */
    async ofNotice(noticeId: string): Promise<Delivery[]> {
      const records = await queryAll(db, {
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :pk",
        ExpressionAttributeValues: { ":pk": keys.noticeDeliveriesPartition(noticeId) },
      });
      return records.map(toDelivery);
    },

    /** The narrowest list the filter allows: a notice's, a unit's, a status's, or all; the rest filtered. */
    async list(filter: DeliveryFilter, page: PageRequest): Promise<Page<Delivery>> {
      const { status, noticeId, unitCode } = filter;
      const query: PagedQuery = noticeId
        ? {
            index: "gsi1",
            partition: keys.noticeDeliveriesPartition(noticeId),
            equals: { status, unitCode },
            newestFirst: false,
          }
        : unitCode
          ? {
              index: "gsi3",
              partition: keys.unitDeliveriesPartition(unitCode),
              equals: { status },
              newestFirst: true,
            }
          : status
            ? { index: "gsi4", partition: keys.statusDeliveriesPartition(status), newestFirst: true }
            : { index: "gsi5", partition: keys.deliveriesPartition, newestFirst: true };
      const result = await queryPage(db, query, page);
      return { items: result.items.map(toDelivery), nextCursor: result.nextCursor };
    },

    /** Up to `limit` deliveries due by `now`, oldest due first (the index is eventually consistent: a claim decides). */
    async due(now: string, limit: number): Promise<Delivery[]> {
      const { Items = [] } = await db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          IndexName: "gsi2",
          KeyConditionExpression: "gsi2pk = :pk AND gsi2sk <= :to",
          ExpressionAttributeValues: { ":pk": keys.dueDeliveriesPartition, ":to": `${now}#~` },
          Limit: limit,
        }),
      );
      return Items.map(toDelivery);
    },

    /**
     * Takes a lease: one conditional UpdateItem, so of two dispatchers only one gets it. While
     * held, the due index points at the lease's end, where a dead dispatcher's delivery reappears.
     */
    async claim(id: string, now: string, leaseUntil: string, token: string): Promise<Claimed | undefined> {
      const record = await update({
        Key: keys.delivery(id),
        ConditionExpression: takeable,
        UpdateExpression:
          "SET leaseUntil = :until, leaseToken = :token, gsi2sk = :due, version = version + :one",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: {
          ":pending": "pending",
          ":now": now,
          ":until": leaseUntil,
          ":token": token,
          ":due": keys.deliveryDue(leaseUntil, id).gsi2sk,
          ":one": 1,
        },
      });
      return record ? { delivery: toDelivery(record), token } : undefined;
    },

    /** The outcome of the holder's attempt; false if its lease was lost (it changes nothing then). */
    async record(next: Delivery, token: string): Promise<boolean> {
      return put(deliveryRecord(next), "leaseToken = :token", { ":token": token });
    },

    /**
     * Moves a due delivery nobody holds to a later time, without an attempt (a robot whose
     * window is full): conditional on it still being due and free, so a claim wins over it.
     */
    async defer(id: string, until: string, now: string): Promise<boolean> {
      const record = await update({
        Key: keys.delivery(id),
        ConditionExpression: takeable,
        UpdateExpression:
          "SET nextAttemptAt = :until, gsi2sk = :due, updatedAt = :now, version = version + :one",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: {
          ":until": until,
          ":due": keys.deliveryDue(until, id).gsi2sk,
          ":now": now,
          ":one": 1,
          ":pending": "pending",
        },
      });
      return record !== undefined;
    },

    /** The office's retry of a dead delivery, at the version read. */
    async retry(next: Delivery, before: Delivery): Promise<void> {
      const done = await put(deliveryRecord(next), "#status = :dead AND version = :version", {
        ":dead": "dead",
        ":version": before.version,
      });
      if (!done) throw new DomainError("conflict", "送达记录已被同时修改，请刷新后重试");
    },

    /** A robot's rate window as last written (an empty one for a robot not yet used). */
    async robotWindow(robotId: string): Promise<RobotWindow> {
      const { Item } = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: keys.robotWindow(robotId), ConsistentRead: true }),
      );
      return Item
        ? {
            seq: Number(Item.seq),
            times: (Item.times as number[]).map(Number),
            queuedUntil: Number(Item.queuedUntil ?? 0),
          }
        : { seq: 0, times: [], queuedUntil: 0 };
    },

    /**
     * Writes the window after a send if nobody else wrote it since it was read (seq unchanged):
     * two dispatchers cannot both take the last slot. The record expires once its sends are old
     * (a line of deferred deliveries outlives that only as a hint: a later window starts it afresh).
     */
    async saveRobotWindow(
      robotId: string,
      read: RobotWindow,
      next: RobotWindow,
      expiresAt: number,
    ): Promise<boolean> {
      const record = await update({
        Key: keys.robotWindow(robotId),
        ConditionExpression: "attribute_not_exists(pk) OR seq = :read",
        UpdateExpression:
          "SET seq = :seq, times = :times, queuedUntil = :queued, expiresAt = :expires, entity = :entity",
        ExpressionAttributeValues: {
          ":read": read.seq,
          ":seq": next.seq,
          ":times": next.times,
          ":queued": next.queuedUntil,
          ":expires": expiresAt,
          ":entity": "robot-window",
        },
      });
      return record !== undefined;
    },
  };
}
