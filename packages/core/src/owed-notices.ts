import { fail, hasRole, issuedOwedNotice, type OwedNotice } from "@gov/domain";
import { OwedNoticeAlreadyIssued, type Principal } from "@gov/store";
import { nowIso } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { issueNotice } from "./notices.ts";

/**
 * Issues an owed notice through the notices core, in the name of whoever created its source,
 * marking it issued in the notice's own transaction. A second settle of the same one (a
 * retry, or two at once) finds it issued and writes nothing: never two notices for one promise.
 */
export async function settleOwedNotice(
  deps: Deps,
  owed: OwedNotice,
): Promise<{ noticeId: string | null; issued: boolean }> {
  if (owed.state === "issued") return { noticeId: owed.noticeId, issued: false };
  try {
    const notice = await issueNotice(deps, owed.requestedBy, owed.notice, {
      alsoWrite: (view) => [
        deps.store.owedNotices.issuedWrite(issuedOwedNotice(owed, view.id, nowIso(deps))),
      ],
    });
    return { noticeId: notice.id, issued: true };
  } catch (error) {
    if (!(error instanceof OwedNoticeAlreadyIssued)) throw error;
    const stored = await deps.store.owedNotices.get(owed.source);
    return { noticeId: stored?.noticeId ?? null, issued: false };
  }
}

/**
 * Right after the source's transaction: issue it now if possible. A failure leaves it owed
 * for the next settle, and the source (already committed) still answers its caller.
 */
export async function settleSoon(deps: Deps, owed: OwedNotice): Promise<void> {
  try {
    await settleOwedNotice(deps, owed);
  } catch {
    // Owed, not lost: `settleOwedNotices` (the supervision scan) issues it later.
  }
}

export type OwedNoticesSettled = { issued: number; failed: number };

/** Every notice still owed, oldest first, up to `limit`: the later call that keeps the promises. */
export async function settleOwedNotices(deps: Deps, limit = 50): Promise<OwedNoticesSettled> {
  const result = { issued: 0, failed: 0 };
  for (const owed of await deps.store.owedNotices.owed(limit)) {
    try {
      if ((await settleOwedNotice(deps, owed)).issued) result.issued += 1;
    } catch {
      result.failed += 1;
    }
  }
  return result;
}

/** What is still owed, oldest first, for the office to see (the scan issues it). */
export async function listOwedNotices(deps: Deps, actor: Principal): Promise<OwedNotice[]> {
  if (!hasRole(actor, "office")) fail("forbidden", "只有政务公开办可以查看待发通知");
  return deps.store.owedNotices.owed(100);
}
