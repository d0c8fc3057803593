import { applicationStatisticsOfYear, hasRole } from "@gov/domain";
import type { Principal } from "@gov/store";
import { currentCalendar } from "./calendar.ts";
import { todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";

/** One unit's applications of a year by how they were answered (OGI Art. 33). */
export type UnitTimeliness = {
  unitCode: string;
  unitName: string;
  /** 办结 within the due date, an extended one included. */
  onTime: number;
  /** Past the due date, answered or not, as of the year's end or today. */
  overdue: number;
  /** Extensions dated in the year (Art. 33 para. 2). */
  extended: number;
};

/**
 * The console's timeliness chart (issue 16): per unit, the year's applications answered on
 * time, overdue and extended, counted by the same rules as the annual report's statistics.
 * The office sees every unit; any other key only its own (the same rule as the lists).
 */
export async function applicationTimelinessByUnit(
  deps: Deps,
  actor: Principal,
  input: { year: number },
): Promise<{ year: number; asOf: string; units: UnitTimeliness[] }> {
  const office = hasRole(actor, "office");
  const today = todayOf(deps);
  const [calendar, units, applications] = await Promise.all([
    currentCalendar(deps),
    deps.store.units.list(),
    deps.store.applications.receivedUntil(`${input.year}-12-31`, office ? undefined : actor.unitCode),
  ]);
  const rows = units
    .filter((unit) => office || unit.code === actor.unitCode)
    .map((unit) => {
      const own = applications.filter((a) => a.unitCode === unit.code);
      const stats = applicationStatisticsOfYear(input.year, own, today, calendar, deps.settings);
      return {
        unitCode: unit.code,
        unitName: unit.name,
        onTime: stats.answeredOnTime,
        overdue: stats.overdue,
        extended: stats.extended,
      };
    });
  const yearEnd = `${input.year}-12-31`;
  return {
    year: input.year,
    asOf: today < yearEnd ? today : yearEnd,
    // Units with nothing to show would only lengthen the chart; a unit's own row always shows.
    units: rows.filter((r) => !office || r.onTime + r.overdue + r.extended > 0),
  };
}
