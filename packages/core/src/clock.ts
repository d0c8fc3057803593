import { checkPlausibleDates, type DatedField, type IsoDate, shanghaiDate } from "@gov/domain";
import type { Deps } from "./deps.ts";

// Every use case reads the time from its deps: a request, a timer and a test each set their own.

export const nowIso = (deps: Deps): string => deps.clock().toISOString();

/** The Asia/Shanghai day: deadlines, overdue and the day data is judged as of are day-based. */
export const todayOf = (deps: Deps): IsoDate => shanghaiDate(deps.clock());

/** Refuses (400) a written date outside its plausible range: today from the clock, the earliest day from the settings. */
export const checkDates = (deps: Deps, dates: DatedField[]): void =>
  checkPlausibleDates(dates, todayOf(deps), deps.settings.earliestDate);
