import {
  type AuditEntry,
  type Calendar,
  DomainError,
  type LoadedHolidayNotice,
  withNotice,
} from "@gov/domain";
import { auditWrite } from "./audit.ts";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query.ts";
import { commit } from "./transaction.ts";

export type StoredNotice = LoadedHolidayNotice;

/**
 * Holiday notices the office loads (a State Council notice per year). The current notice of
 * each year sits in one small partition; every version is kept under its year for the record.
 */
export function calendarRepository(db: Db) {
  let last: { signature: string; calendar: Calendar } | undefined;
  async function notices(): Promise<StoredNotice[]> {
    const records = await queryAll(db, {
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": keys.calendarPartition },
    });
    return records
      .map(({ pk: _pk, sk: _sk, entity: _entity, ...notice }) => notice as StoredNotice)
      .sort((a, b) => a.year - b.year);
  }

  return {
    notices,

    /**
     * The built-in calendar with every loaded notice applied, in year order. The result is
     * reused while the notices are unchanged, so its lookup index is built once per change
     * rather than once per request.
     */
    async current(base: Calendar): Promise<Calendar> {
      const loaded = await notices();
      const signature = `${base.version}|${loaded.map((n) => `${n.year}:${n.version}`).join(",")}`;
      if (last?.signature === signature) return last.calendar;
      const calendar = loaded.reduce(
        (current, { version: _v, loadedAt: _at, loadedBy: _by, ...notice }) => withNotice(current, notice),
        base,
      );
      last = { signature, calendar };
      return calendar;
    },

    /** Loads a year's notice as its next version, if nobody loaded another since `expectedVersion`. */
    async put(notice: StoredNotice, audit: AuditEntry): Promise<void> {
      const expected = notice.version - 1;
      const record = { entity: "calendar-notice", ...notice };
      await commit(db, [
        {
          item: {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.calendarNotice(notice.year), ...record },
              ConditionExpression:
                expected === 0 ? "attribute_not_exists(pk)" : "attribute_exists(pk) AND version = :expected",
              ...(expected === 0 ? {} : { ExpressionAttributeValues: { ":expected": expected } }),
            },
          },
          onConditionFailed: new DomainError(
            "precondition-failed",
            "该年度节假日安排已被他人修改，请刷新后重试",
          ),
        },
        {
          item: {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.calendarNoticeVersion(notice.year, notice.version), ...record },
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
          onConditionFailed: new DomainError("conflict", "该版本已存在，请重试"),
        },
        auditWrite(db, keys.calendarYear(notice.year), audit),
      ]);
    },
  };
}

export type CalendarRepository = ReturnType<typeof calendarRepository>;
