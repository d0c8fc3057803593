import { type SupervisionRun, startedRun } from "@gov/domain";
import { newId, type Principal } from "@gov/store";
import { nowIso, todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { type OwedNoticesSettled, settleOwedNotices } from "./owed-notices.ts";
import { isDayOff, supervisionRun } from "./supervision-run.ts";

export type ScanResult = {
  ranAt: string;
  searchIndexReplayed: number;
  owedNotices: OwedNoticesSettled;
  run: SupervisionRun | null;
};

/**
 * The scheduled supervision scan (督办), as the timer runs it: it finishes search-index work a
 * failure left pending after a publication committed, issues notices that rectification tasks
 * or an assessment round promised and could not issue at once (ADR 0046), then runs the
 * deadline rules as of today with the office as its actor (ADR 0049). On a day off it records
 * a skipped run instead: only the loaded calendar knows a holiday or a make-up day.
 */
export async function supervisionScan(
  deps: Deps,
  options: { deadlines?: boolean } = {},
): Promise<ScanResult> {
  const ranAt = nowIso(deps);
  const searchIndexReplayed = await deps.store.search.replayPending();
  const owedNotices = await settleOwedNotices(deps);
  const done = (run: SupervisionRun | null) => ({ ranAt, searchIndexReplayed, owedNotices, run });
  // A local server starting up does the rest only: its timer runs the deadlines.
  if (options.deadlines === false) return done(null);
  const office = (await deps.store.units.list()).find((u) => u.kind === "office");
  // Without the office there is nobody to supervise for (a store before its seed).
  if (!office) return done(null);
  const actor: Principal = { unitCode: office.code, roles: ["office"], keyId: "system:supervision-schedule" };
  const asOf = todayOf(deps);
  if (await isDayOff(deps, asOf)) {
    const run = startedRun({
      id: newId("supervisionRun"),
      asOf,
      dryRun: false,
      trigger: "schedule",
      skipped: `${asOf}为休息日，不督办`,
      startedAt: ranAt,
      searchIndexReplayed,
    });
    await deps.store.supervision.putRun(run);
    return done(run);
  }
  return done(await supervisionRun(deps, actor, { asOf, dryRun: false }, "schedule", searchIndexReplayed));
}
