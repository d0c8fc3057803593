import type { AuditEntry } from "@gov/domain";
import type { Principal } from "@gov/store";

/** The audit entry of a change to a supervision record, written in the change's transaction. */
export function auditOf(
  entityType: AuditEntry["entityType"],
  record: { id: string; version: number; updatedAt: string; state?: string },
  action: string,
  principal: Principal,
  note?: string,
): AuditEntry {
  return {
    entityType,
    entityId: record.id,
    action,
    version: record.version,
    actorUnitCode: principal.unitCode,
    actorKeyId: principal.keyId,
    at: record.updatedAt,
    ...(record.state ? { state: record.state } : {}),
    ...(note ? { note } : {}),
  };
}
