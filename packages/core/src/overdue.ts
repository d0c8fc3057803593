import { fail, hasRole, levelOn, type OverdueEntry } from "@gov/domain";
import type { Principal } from "@gov/store";
import { currentCalendar } from "./calendar.ts";
import { todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { owingUnits } from "./supervision-owing.ts";

/**
 * The office's view (ADR 0049): every deadline past due today across all clocks, of one unit
 * or of all, most overdue first; a unit's key (the console) sees its own unit's only. Read
 * from each unit's clocks by deadline (never a Scan); a notice's receipt counts for each target that has not acknowledged it, an annual report
 * until it is published.
 */
export async function overdueAcrossClocks(
  deps: Deps,
  actor: Principal,
  input: { unitCode?: string | undefined },
): Promise<{ asOf: string; items: OverdueEntry[] }> {
  // Any other unit's is not found (404, never 403), as with every per-unit read.
  if (!hasRole(actor, "office") && input.unitCode && input.unitCode !== actor.unitCode)
    fail("not-found", "单位不存在");
  const asOf = todayOf(deps);
  const only = hasRole(actor, "office") ? input.unitCode : actor.unitCode;
  const units = only ? [only] : (await deps.store.units.list()).map((u) => u.code);
  return { asOf, items: await overdueOf(deps, units, asOf) };
}

/** The entries past due on `asOf` owed by these units, most overdue first: the view and the circular's. */
export async function overdueOf(deps: Deps, units: string[], asOf: string): Promise<OverdueEntry[]> {
  const calendar = await currentCalendar(deps);
  const wanted = new Set(units);
  const clocks = [
    ...(await Promise.all(units.map((code) => deps.store.supervision.unitClocksBefore(code, asOf)))).flat(),
    ...(await deps.store.supervision.noticeClocksBefore(asOf)),
  ];
  const items: OverdueEntry[] = [];
  for (const clock of clocks) {
    const decision = levelOn(clock, asOf, calendar, deps.settings);
    if (!decision.decided || (decision.level !== "overdue" && decision.level !== "very-overdue")) continue;
    const owing = (await owingUnits(deps, clock)).filter((code) => wanted.has(code));
    for (const unitCode of owing) {
      const { kind, id, title, basis } = clock;
      items.push({ kind, id, unitCode, title, basis, dueOn: decision.dueOn, level: decision.level });
    }
  }
  items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.unitCode.localeCompare(b.unitCode));
  return items;
}
