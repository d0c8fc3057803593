import { type AuditEntry, shanghaiDate } from "@gov/domain";
import type { AppEnv } from "@gov/http";
import type { Principal } from "@gov/store";
import type { Context } from "hono";

type C = Context<AppEnv>;

export const nowIso = (c: C) => c.var.deps.clock().toISOString();
/** The Asia/Shanghai day: deadlines and overdue are day-based. */
export const todayOf = (c: C) => shanghaiDate(c.var.deps.clock());

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
