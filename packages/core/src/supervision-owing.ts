import { annualReportColumn, reportYearOf, type SupervisionClock } from "@gov/domain";
import type { Deps } from "./deps.ts";

/**
 * The units that owe a clock now: a notice's targets that have not acknowledged it; a unit
 * whose annual report is not yet in its 年度报告 column (ADR 0033's test); else the clock's unit.
 * None means the clock is settled.
 */
export async function owingUnits(deps: Deps, clock: SupervisionClock): Promise<string[]> {
  if (clock.kind === "notice-receipt") {
    const receipts = await deps.store.notices.receipts(clock.id);
    return receipts.filter((r) => r.acknowledgedAt === null).map((r) => r.unitCode);
  }
  if (clock.unitCode === null) return [];
  if (clock.kind === "annual-report") {
    const filter = { column: annualReportColumn, unit: clock.unitCode, year: reportYearOf(clock) + 1 };
    const published = await deps.store.items.listPublished(filter, { limit: 1 });
    if (published.items.length > 0) return [];
  }
  return [clock.unitCode];
}
