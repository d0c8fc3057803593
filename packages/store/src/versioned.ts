import { type AuditEntry, DomainError } from "@gov/domain";
import { auditWrite } from "./audit.ts";
import type { Db } from "./client.ts";
import { keyAttributes } from "./table.ts";
import type { Write } from "./transaction.ts";

/**
 * Writes of a versioned record (indicator systems, assessments, tasks): create only if
 * absent, replace only at the version read, each with its audit entry in the same transaction.
 */
export type Keyed = { pk: string; sk: string };

export function createWrites(
  db: Db,
  record: Record<string, unknown> & Keyed,
  audit: AuditEntry,
  exists: string,
): Write[] {
  return [
    {
      item: {
        Put: { TableName: db.tableName, Item: record, ConditionExpression: "attribute_not_exists(pk)" },
      },
      onConditionFailed: new DomainError("conflict", exists),
    },
    auditWrite(db, record.pk, audit),
  ];
}

export function updateWrites(
  db: Db,
  record: Record<string, unknown> & Keyed,
  expectedVersion: number,
  audit: AuditEntry,
): Write[] {
  return [
    {
      item: {
        Put: {
          TableName: db.tableName,
          Item: record,
          ConditionExpression: "attribute_exists(pk) AND version = :expected",
          ExpressionAttributeValues: { ":expected": expectedVersion },
        },
      },
      onConditionFailed: new DomainError("precondition-failed", "记录已被他人修改，请刷新后重试"),
    },
    auditWrite(db, record.pk, audit),
  ];
}

const keyNames = new Set([...keyAttributes(), "entity"]);

/** The entity without its table keys. */
export function withoutKeys<T>(record: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !keyNames.has(k))) as T;
}
