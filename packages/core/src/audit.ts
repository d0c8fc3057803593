import type { AuditEntry } from "@gov/domain";
import type { Principal } from "@gov/store";

/** The audit entry of a change, written in the change's own transaction (one builder for all). */
export function auditOf(
  entityType: AuditEntry["entityType"],
  record: { id: string; version: number; updatedAt: string; state?: string },
  action: string,
  actor: Principal,
  note?: string,
): AuditEntry {
  return {
    entityType,
    entityId: record.id,
    action,
    version: record.version,
    actorUnitCode: actor.unitCode,
    actorKeyId: actor.keyId,
    at: record.updatedAt,
    ...(record.state ? { state: record.state } : {}),
    ...(note ? { note } : {}),
  };
}
