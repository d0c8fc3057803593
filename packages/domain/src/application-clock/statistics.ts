import type { Application } from "../application.ts";
import {
  type ApplicationStatistics,
  applicationStatistics,
  type StatisticsInput,
} from "../application-report.ts";
import type { Calendar } from "../calendar.ts";
import type { IsoDate } from "../date.ts";
import type { Settings } from "../settings.ts";
import { timelinessOfApplication } from "./overdue.ts";
import { clockAsOf } from "./replay.ts";

/**
 * One application as the statistics see it on `asOf` (the year's end, or today if earlier):
 * counts and dates only, never the applicant. Only events dated on or before `asOf` count, so
 * a January extension or reply belongs to the new year's figures.
 */
export function statisticsInputOf(
  application: Application,
  asOf: IsoDate,
  calendar: Calendar,
  settings: Pick<Settings, "veryOverdueWorkingDays">,
): StatisticsInput {
  const clock = clockAsOf(application, calendar, asOf);
  const judged = { dueOn: clock.dueOn, endedOn: clock.endedOn };
  return {
    applicantKind: application.applicantKind,
    channel: application.channel,
    // OGI Art. 31: the day of receipt; online, the day confirmed (a 31 December submission
    // confirmed in January is the new year's).
    receivedOn: clock.receiptOn ?? application.receivedOn,
    endedOn: clock.endedOn,
    outcome: clock.outcome,
    responseType: clock.responseType,
    extendedOn: clock.extendedOn,
    timely: timelinessOfApplication(judged, asOf, calendar, settings) === "on-time",
  };
}

/** A year's statistics (table three among them) from the applications received up to its end. */
export function applicationStatisticsOfYear(
  year: number,
  applications: readonly Application[],
  today: IsoDate,
  calendar: Calendar,
  settings: Pick<Settings, "veryOverdueWorkingDays">,
): ApplicationStatistics {
  const yearEnd = `${year}-12-31`;
  const asOf = today < yearEnd ? today : yearEnd;
  return applicationStatistics(
    year,
    applications.map((a) => statisticsInputOf(a, asOf, calendar, settings)),
  );
}
