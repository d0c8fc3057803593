import { z } from "zod";
import { IssueNoticeInput } from "./notice.ts";
import { Actor } from "./unit.ts";

/**
 * A notice another record promised (rectification tasks with `notify: true`, an assessment
 * round opened with `notify: true`), written in that record's own transaction. The notice
 * itself cannot join that transaction (its receipts and deliveries would overflow DynamoDB's
 * 100 writes), so the promise is kept as data: it is issued right after, and if that fails,
 * by the next settle (the supervision scan). Issuing marks it issued in the notice's own
 * transaction, so it is never issued twice (ADR 0046).
 */

/** What owes the notice: one per source, so the same source never owes two. */
export const OwedNoticeSource = z.object({
  kind: z.enum(["rectification-tasks", "assessment-round"]),
  /** The assessment whose lost points became tasks, or the round. */
  id: z.string(),
});
export type OwedNoticeSource = z.infer<typeof OwedNoticeSource>;

export const OwedNotice = z.object({
  source: OwedNoticeSource,
  notice: IssueNoticeInput,
  /** Who created the source: the notice is issued in their name, whoever settles it. */
  requestedBy: Actor.extend({ keyId: z.string() }),
  state: z.enum(["owed", "issued"]),
  noticeId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OwedNotice = z.infer<typeof OwedNotice>;

export function owedNotice(
  source: OwedNoticeSource,
  notice: IssueNoticeInput,
  requestedBy: OwedNotice["requestedBy"],
  now: string,
): OwedNotice {
  return {
    source,
    // Checked as a request would be: what is owed must be issuable later exactly as it is.
    notice: IssueNoticeInput.parse(notice),
    requestedBy: { unitCode: requestedBy.unitCode, keyId: requestedBy.keyId, roles: requestedBy.roles },
    state: "owed",
    noticeId: null,
    createdAt: now,
    updatedAt: now,
  };
}

export const issuedOwedNotice = (owed: OwedNotice, noticeId: string, now: string): OwedNotice => ({
  ...owed,
  state: "issued",
  noticeId,
  updatedAt: now,
});
