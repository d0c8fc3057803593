import {
  type ApplicationStatistics,
  applicationStatisticsOfYear,
  type LetterStats,
  letterStats,
} from "@gov/domain";
import { currentCalendar } from "./calendar.ts";
import { todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";

/** A year's public figures, the whole city's or one unit's (`unit` null: the city). */
export type StatisticsScope = { year: number; unit?: string | undefined };

/**
 * A year's application statistics (table three among them) as of its end, or today if earlier,
 * counted with the calendar in force. Counts only: no applicant appears. The JSON route and the
 * portal's page both read this, so the page cannot show other figures than the API.
 */
export async function applicationStatisticsOf(
  deps: Deps,
  scope: StatisticsScope,
): Promise<ApplicationStatistics & { unit: string | null }> {
  const [calendar, applications] = await Promise.all([
    currentCalendar(deps),
    deps.store.applications.receivedUntil(`${scope.year}-12-31`, scope.unit),
  ]);
  const figures = applicationStatisticsOfYear(
    scope.year,
    applications,
    todayOf(deps),
    calendar,
    deps.settings,
  );
  return { ...figures, unit: scope.unit ?? null };
}

/**
 * 市长信箱 figures of the letters received in a year, as of today. Reply time is counted with the
 * built-in calendar, as the mailbox's staff views count it (core letters.ts). No writer appears.
 */
export async function letterStatisticsOf(
  deps: Deps,
  scope: StatisticsScope,
): Promise<LetterStats & { year: number; unit: string | null; asOf: string }> {
  const today = todayOf(deps);
  const facts = await deps.store.letters.factsOfYear(scope.year, scope.unit);
  return {
    year: scope.year,
    unit: scope.unit ?? null,
    asOf: today,
    ...letterStats(facts, deps.calendar, deps.settings, today),
  };
}
