import { z } from "zod";

/**
 * One entry of the append-only audit log. It is written in the same transaction as the
 * change it records, so the log and the data can never disagree.
 */
export const AuditEntry = z.object({
  entityType: z.enum([
    "item",
    "unit",
    "api-key",
    "letter",
    "consultation",
    "indicator-system",
    "assessment",
    "rectification-task",
    "application",
    "calendar",
    "notice",
    "notice-receipt",
    "annual-report",
    "training",
    "training-invitation",
    "assessment-round",
  ]),
  entityId: z.string(),
  action: z.string(),
  /** The entity's version after the change. */
  version: z.number().int(),
  actorUnitCode: z.string(),
  actorKeyId: z.string(),
  at: z.string(),
  /** The state after the change, for entities that have one. */
  state: z.string().optional(),
  note: z.string().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
