import { z } from "zod";

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
