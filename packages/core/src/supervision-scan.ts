import { nowIso } from "./clock.ts";
import type { Deps } from "./deps.ts";

export type ScanResult = { ranAt: string; searchIndexReplayed: number };

/**
 * The scheduled supervision scan (督办), as the timer runs it. Today it finishes search-index
 * work a failure left pending after a publication committed; the deadline rules arrive with
 * the supervision issue and join it here, so the cloud's timer and the local one stay the same.
 */
export async function supervisionScan(deps: Deps): Promise<ScanResult> {
  const ranAt = nowIso(deps);
  const searchIndexReplayed = await deps.store.search.replayPending();
  return { ranAt, searchIndexReplayed };
}
