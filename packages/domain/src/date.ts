import { z } from "zod";
import { type FieldIssue, fail } from "./error.ts";

/** A calendar day, YYYY-MM-DD. Day-based rules use the Asia/Shanghai day. */
export const IsoDate = z.iso.date({ message: "日期格式须为YYYY-MM-DD" });
export type IsoDate = z.infer<typeof IsoDate>;

export const IsoDateTime = z.iso.datetime({ offset: true, message: "时间须为ISO 8601格式" });

const shanghaiDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The Asia/Shanghai calendar day of an instant. */
export function shanghaiDate(instant: Date): IsoDate {
  return shanghaiDay.format(instant);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** A calendar day in milliseconds: ISO dates are read as UTC midnights, where no day is longer or shorter. */
export const DAY_MS = 86_400_000;

const midnightOf = (date: IsoDate) => Date.parse(`${date}T00:00:00Z`);

/** The date `n` calendar days after `date` (before it when `n` is negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return new Date(midnightOf(date) + n * DAY_MS).toISOString().slice(0, 10);
}

export const nextDay = (date: IsoDate): IsoDate => addDays(date, 1);
export const previousDay = (date: IsoDate): IsoDate => addDays(date, -1);

/** Calendar days from `from` to `to`: negative when `to` comes first, NaN when either is no date. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((midnightOf(to) - midnightOf(from)) / DAY_MS);
}

/**
 * How a written date relates to today (ADR 0038). A fact that already happened (a document
 * generated, an application received) is no later than today; a planned day
 * (a deadline, a closing day, an effective date) may lie ahead, to the end of the year
 * `plannedYearsAhead` from now. Both are no earlier than the locality's earliest date.
 */
export type DateSense = "happened" | "planned";

/** Ten years covers any deadline, consultation or effective date a department sets. */
export const plannedYearsAhead = 10;

/** The founding of the People's Republic: the default earliest date a record may bear. */
export const defaultEarliestDate: IsoDate = "1949-10-01";

/** A date of an input, with its field path; absent dates are skipped. */
export type DatedField = { path: string; on: IsoDate | undefined; sense: DateSense };

export const happened = (path: string, on: IsoDate | undefined): DatedField => ({
  path,
  on,
  sense: "happened",
});
export const planned = (path: string, on: IsoDate | undefined): DatedField => ({
  path,
  on,
  sense: "planned",
});

export function implausibleDates(fields: DatedField[], today: IsoDate, earliest: IsoDate): FieldIssue[] {
  const latest = { happened: today, planned: `${yearOf(today) + plannedYearsAhead}-12-31` };
  return fields.flatMap(({ path, on, sense }) => {
    if (!on) return [];
    if (on < earliest) return [{ path, message: `不能早于${earliest}` }];
    if (on > latest[sense]) {
      return [
        { path, message: sense === "happened" ? `不能晚于今天（${today}）` : `不能晚于${latest.planned}` },
      ];
    }
    return [];
  });
}

/** Refuses (400) an input with any date outside its plausible range, naming each field. */
export function checkPlausibleDates(fields: DatedField[], today: IsoDate, earliest: IsoDate): void {
  const issues = implausibleDates(fields, today, earliest);
  if (issues.length) fail("validation", "日期超出合理范围", issues);
}
