import { type AuditEntry, DomainError } from "@gov/domain";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query.ts";
import type { Write } from "./transaction.ts";

/** The audit entry as a write of the same transaction as the change; never overwritten. */
export function auditWrite(db: Db, entityPk: string, entry: AuditEntry): Write {
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: { ...keys.audit(entityPk, entry.at, entry.version), entity: "audit", ...entry },
        ConditionExpression: "attribute_not_exists(pk)",
      },
    },
    onConditionFailed: new DomainError("conflict", "审计记录冲突，请重试"),
  };
}

/** The entity's audit log, oldest first. */
export async function readAudit(db: Db, entityPk: string): Promise<AuditEntry[]> {
  const records = await queryAll(db, {
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
    ExpressionAttributeValues: { ":pk": entityPk, ":prefix": keys.auditPrefix },
  });
  return records.map(({ pk: _pk, sk: _sk, entity: _entity, ...entry }) => entry as AuditEntry);
}
