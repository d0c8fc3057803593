import { BatchGetCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
import type { AnnualReportSheet, AuditEntry } from "@gov/domain";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query.ts";
import { commit, type Write } from "./transaction.ts";
import { createWrites, updateWrites, withoutKeys } from "./versioned.ts";

const toRecord = (sheet: AnnualReportSheet) => ({
  ...keys.annualReportSheet(sheet.unitCode, sheet.year),
  entity: "annual-report-sheet",
  ...sheet,
});

/**
 * A unit's annual-report sheets (entered figures, edited sections, what the draft printed and
 * what was published), one record per unit and year, versioned with its audit entry.
 */
export function annualReportSheetRepository(db: Db) {
  /** The writes that save `next` over the version `before` had (0: not yet stored). */
  const writes = (next: AnnualReportSheet, before: Pick<AnnualReportSheet, "version">, audit: AuditEntry) =>
    before.version === 0
      ? createWrites(db, toRecord(next), audit, "年度报告记录已被他人创建，请刷新后重试")
      : updateWrites(db, toRecord(next), before.version, audit);

  return {
    writes,

    async get(unitCode: string, year: number): Promise<AnnualReportSheet | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({
          TableName: db.tableName,
          Key: keys.annualReportSheet(unitCode, year),
          ConsistentRead: true,
        }),
      );
      return Item ? withoutKeys<AnnualReportSheet>(Item) : undefined;
    },

    /** The sheets of a year of the units given (BatchGet, 100 keys a call): the office's overview. */
    async ofYear(year: number, unitCodes: readonly string[]): Promise<AnnualReportSheet[]> {
      const found: AnnualReportSheet[] = [];
      for (let i = 0; i < unitCodes.length; i += 100) {
        let request:
          | Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }>
          | undefined = {
          [db.tableName]: {
            Keys: unitCodes.slice(i, i + 100).map((code) => keys.annualReportSheet(code, year)),
            ConsistentRead: true,
          },
        };
        while (request && Object.keys(request).length > 0) {
          const result = await db.doc.send(new BatchGetCommand({ RequestItems: request }));
          found.push(
            ...(result.Responses?.[db.tableName] ?? []).map((r) => withoutKeys<AnnualReportSheet>(r)),
          );
          request = result.UnprocessedKeys as typeof request;
        }
      }
      return found;
    },

    /** Every sheet of a unit (one a year): how an approval finds the sheet its item was drafted from. */
    async ofUnit(unitCode: string): Promise<AnnualReportSheet[]> {
      const records = await queryAll(db, {
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :year)",
        ExpressionAttributeValues: { ":pk": keys.unitAnnualReportsPartition(unitCode), ":year": "YEAR#" },
        ConsistentRead: true,
      });
      return records.map((r) => withoutKeys<AnnualReportSheet>(r));
    },

    async save(
      next: AnnualReportSheet,
      before: Pick<AnnualReportSheet, "version">,
      audit: AuditEntry,
      extra: Write[] = [],
    ): Promise<void> {
      await commit(db, [...writes(next, before, audit), ...extra]);
    },
  };
}

export type AnnualReportSheetRepository = ReturnType<typeof annualReportSheetRepository>;
