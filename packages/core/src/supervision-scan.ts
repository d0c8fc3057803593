import { nowIso } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { type OwedNoticesSettled, settleOwedNotices } from "./owed-notices.ts";

export type ScanResult = { ranAt: string; searchIndexReplayed: number; owedNotices: OwedNoticesSettled };

/**
 * The scheduled supervision scan (督办), as the timer runs it. Today it finishes search-index
 * work a failure left pending after a publication committed; the deadline rules arrive with
 * the supervision issue and join it here, so the cloud's timer and the local one stay the same.
 * It also issues notices that rectification tasks or an assessment round promised and could
 * not issue at once (ADR 0046).
 */
export async function supervisionScan(deps: Deps): Promise<ScanResult> {
  const ranAt = nowIso(deps);
  const searchIndexReplayed = await deps.store.search.replayPending();
  const owedNotices = await settleOwedNotices(deps);
  return { ranAt, searchIndexReplayed, owedNotices };
}
