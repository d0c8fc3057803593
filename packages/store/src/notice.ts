import { BatchGetCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
import { type AuditEntry, clockOfNotice, DomainError, type Notice, type Receipt } from "@gov/domain";
import { auditWrite } from "./audit.ts";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import { type Page, type PageRequest, queryPage } from "./paged.ts";
import { queryAll } from "./query.ts";
import { clockWrites } from "./supervision-clock.ts";
import { commit, type Write } from "./transaction.ts";
import { createWrites, withoutKeys } from "./versioned.ts";

const toRecord = (notice: Notice) => ({
  ...keys.notice(notice.id),
  ...keys.noticeInList(notice.createdAt, notice.id),
  entity: "notice",
  ...notice,
});

const receiptRecord = (receipt: Receipt) => ({
  ...keys.receipt(receipt.noticeId, receipt.unitCode),
  ...keys.receiptOfUnit(receipt.unitCode, receipt.issuedAt, receipt.noticeId),
  entity: "notice-receipt",
  ...receipt,
});

/** A notice as a target unit lists it: with the receipt that made it one of the unit's. */
export type UnitNotice = { notice: Notice; receipt: Receipt };

export function noticeRepository(db: Db) {
  const get = async (key: { pk: string; sk: string }) =>
    (await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: true }))).Item;

  /** The notices of a page in one BatchGet (a page is at most 100). */
  async function noticesById(ids: string[]): Promise<Map<string, Notice>> {
    const found = new Map<string, Notice>();
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [db.tableName]: { Keys: ids.map((id) => keys.notice(id)) },
    };
    while (ids.length > 0 && request && Object.keys(request).length > 0) {
      const result = await db.doc.send(new BatchGetCommand({ RequestItems: request }));
      for (const record of result.Responses?.[db.tableName] ?? []) {
        const notice = withoutKeys<Notice>(record);
        found.set(notice.id, notice);
      }
      request = result.UnprocessedKeys as typeof request;
    }
    return found;
  }

  return {
    /**
     * The notice, its audit entry and one pending receipt per target unit, with whatever the
     * caller adds (the Idempotency-Key answer): one transaction, so no target is ever missing
     * its receipt.
     */
    async create(notice: Notice, receipts: Receipt[], audit: AuditEntry, extra: Write[] = []): Promise<void> {
      await commit(db, [
        ...createWrites(db, toRecord(notice), audit, "通知已存在"),
        ...receipts.map(
          (receipt): Write => ({
            item: {
              Put: {
                TableName: db.tableName,
                Item: receiptRecord(receipt),
                ConditionExpression: "attribute_not_exists(pk)",
              },
            },
            onConditionFailed: new DomainError("conflict", "回执已存在"),
          }),
        ),
        // A receipt deadline is a supervision clock (ADR 0049); the cap of 96 targets still fits.
        ...clockWrites(db, { kind: "notice-receipt", id: notice.id }, clockOfNotice(notice), {
          created: true,
        }),
        ...extra,
      ]);
    },

    async get(id: string): Promise<Notice | undefined> {
      const record = await get(keys.notice(id));
      return record ? withoutKeys<Notice>(record) : undefined;
    },

    async receipt(noticeId: string, unitCode: string): Promise<Receipt | undefined> {
      const record = await get(keys.receipt(noticeId, unitCode));
      return record ? withoutKeys<Receipt>(record) : undefined;
    },

    /** Every receipt of a notice, by unit code: one Query of the notice's partition (≤ 96 records). */
    async receipts(noticeId: string): Promise<Receipt[]> {
      const records = await queryAll(db, {
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
        ExpressionAttributeValues: { ":pk": keys.notice(noticeId).pk, ":prefix": keys.receiptPrefix },
        ConsistentRead: true,
      });
      return records.map((r) => withoutKeys<Receipt>(r));
    },

    /** Every notice, newest first (gsi2): the office's list. */
    async list(page: PageRequest): Promise<Page<Notice>> {
      const result = await queryPage(
        db,
        { index: "gsi2", partition: keys.noticesPartition, newestFirst: true },
        page,
      );
      return { items: result.items.map((r) => withoutKeys<Notice>(r)), nextCursor: result.nextCursor };
    },

    /** The notices sent to a unit, newest first: its receipts (gsi1), then their notices in one BatchGet. */
    async listOfUnit(unitCode: string, page: PageRequest): Promise<Page<UnitNotice>> {
      const result = await queryPage(
        db,
        { index: "gsi1", partition: keys.unitNoticesPartition(unitCode), newestFirst: true },
        page,
      );
      const receipts = result.items.map((r) => withoutKeys<Receipt>(r));
      const notices = await noticesById(receipts.map((r) => r.noticeId));
      const items = receipts.flatMap((receipt) => {
        const notice = notices.get(receipt.noticeId);
        return notice ? [{ notice, receipt }] : [];
      });
      return { items, nextCursor: result.nextCursor };
    },

    /** The acknowledged receipt at the version read, with its audit entry. */
    async acknowledge(next: Receipt, before: Receipt, audit: AuditEntry): Promise<void> {
      await commit(db, [
        {
          item: {
            Put: {
              TableName: db.tableName,
              Item: receiptRecord(next),
              ConditionExpression: "attribute_exists(pk) AND version = :expected",
              ExpressionAttributeValues: { ":expected": before.version },
            },
          },
          onConditionFailed: new DomainError("precondition-failed", "回执已被同时修改，请刷新后重试"),
        },
        auditWrite(db, keys.receiptAudit(next.noticeId, next.unitCode), audit),
      ]);
    },
  };
}
