import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { z } from "zod";
import { DAY_MS, IsoDate, yearOf } from "./date.ts";
import { fail } from "./error.ts";

// Statutory periods are tens of working days; the cap turns a runaway caller into an error
// instead of a loop over centuries.
const MAX_WORKING_DAYS = 10_000;

const Year = z.number().int("年份须为整数").min(1900, "年份不能早于1900年").max(9998, "年份不能晚于9998年");

/**
 * The State Council's yearly 部分节假日安排 notice, as data the office can load before
 * `chinese-days` ships the year.
 */
export const HolidayNotice = z
  .strictObject({
    year: Year,
    title: z.string().trim().min(1, "通知标题不能为空").max(200, "通知标题不能超过200个字符"),
    daysOff: z.array(IsoDate).min(1, "放假日期不能为空"),
    workdays: z.array(IsoDate),
  })
  .superRefine((notice, ctx) => {
    const off = new Set(notice.daysOff);
    // A holiday block may start in late December or end in early January, so dates of the
    // neighbouring years are legitimate; anything further away is a typo.
    const checkYear = (list: "daysOff" | "workdays") =>
      notice[list].forEach((date, i) => {
        if (Math.abs(yearOf(date) - notice.year) > 1) {
          ctx.addIssue({
            code: "custom",
            path: [list, i],
            message: `${date}不在${notice.year - 1}年至${notice.year + 1}年之间`,
          });
        }
      });
    checkYear("daysOff");
    checkYear("workdays");
    notice.workdays.forEach((date, i) => {
      if (off.has(date)) {
        ctx.addIssue({ code: "custom", path: ["workdays", i], message: `${date}不能同时是放假日和上班日` });
      } else if (!isWeekend(Date.parse(`${date}T00:00:00Z`) / DAY_MS)) {
        // Only a weekend day can be a 调休 make-up day; a weekday here is a data-entry error.
        ctx.addIssue({
          code: "custom",
          path: ["workdays", i],
          message: `${date}不是周末，不能作为调休上班日`,
        });
      }
    });
  });
export type HolidayNotice = z.infer<typeof HolidayNotice>;

/** A notice as loaded: its version for the year, when and by which key. */
export const LoadedHolidayNotice = HolidayNotice.and(
  z.object({ version: z.number().int(), loadedAt: z.string(), loadedBy: z.string() }),
);
export type LoadedHolidayNotice = z.infer<typeof LoadedHolidayNotice>;

const sortedUnique = <T extends string | number>(values: readonly T[]): boolean =>
  values.every((v, i) => i === 0 || (values[i - 1] as T) < v);

/**
 * The working-day calendar as a plain serializable value. `version` is derived from the
 * content, so a stored deadline can name the calendar it was computed with and be recomputed
 * when the office loads a new notice.
 */
export const Calendar = z
  .strictObject({
    version: z.string(),
    /** Years whose holiday notice is loaded; other years count as plain Monday–Friday. */
    years: z.array(Year),
    daysOff: z.array(IsoDate),
    /** Weekend days declared make-up working days (调休上班). */
    workdays: z.array(IsoDate),
    /** Local extra holidays (a locality setting); they win over everything else. */
    localDaysOff: z.array(IsoDate),
  })
  .superRefine((calendar, ctx) => {
    for (const key of ["years", "daysOff", "workdays", "localDaysOff"] as const) {
      if (!sortedUnique<string | number>(calendar[key])) {
        ctx.addIssue({ code: "custom", path: [key], message: "须按升序排列且不得重复" });
      }
    }
    const off = new Set(calendar.daysOff);
    const both = calendar.workdays.filter((d) => off.has(d));
    if (both.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["workdays"],
        message: `${both.join("、")}不能同时是放假日和上班日`,
      });
    }
    // A hand-edited or corrupted value must not pass for the calendar whose version it carries,
    // or open deadlines would not be recomputed.
    if (calendar.version !== versionOf(calendar)) {
      ctx.addIssue({ code: "custom", path: ["version"], message: "日历版本与内容不符" });
    }
  });
export type Calendar = z.infer<typeof Calendar>;

export const DayStatus = z.strictObject({
  working: z.boolean(),
  /** False when the date's year has no loaded notice, so `working` is only a Mon–Fri guess. */
  loaded: z.boolean(),
});
export type DayStatus = z.infer<typeof DayStatus>;

export const CountedDate = z.strictObject({
  date: IsoDate,
  /** True when the count touched a year without a loaded notice; recompute once it is loaded. */
  provisional: z.boolean(),
});
export type CountedDate = z.infer<typeof CountedDate>;

export const WorkingDayCount = z.strictObject({
  days: z.number().int().nonnegative(),
  provisional: z.boolean(),
});
export type WorkingDayCount = z.infer<typeof WorkingDayCount>;

type Content = Omit<Calendar, "version">;

/** FNV-1a 64 over the canonical JSON: deterministic, dependency-free and fine for change detection. */
function versionOf(content: Content): string {
  const canonical = JSON.stringify([content.years, content.daysOff, content.workdays, content.localDaysOff]);
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < canonical.length; i++) {
    hash ^= BigInt(canonical.charCodeAt(i));
    hash = (hash * prime) & mask;
  }
  return hash.toString(16).padStart(16, "0");
}

const canonical = <T extends string | number>(values: readonly T[]): T[] =>
  [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

// Frozen because lookups are cached per object: a mutated calendar would keep answering
// from the stale cache.
function makeCalendar(content: Content): Calendar {
  const normal: Content = {
    years: canonical(content.years),
    daysOff: canonical(content.daysOff),
    workdays: canonical(content.workdays),
    localDaysOff: canonical(content.localDaysOff),
  };
  Object.values(normal).forEach(Object.freeze);
  return Object.freeze({ version: versionOf(normal), ...normal });
}

function parseOrFail<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  return fail("validation", `${what}：${issues[0]?.message ?? "格式不正确"}`, issues);
}

let builtInContent: Omit<Content, "localDaysOff"> | undefined;

function fromChineseDays(): Omit<Content, "localDaysOff"> {
  if (builtInContent) return builtInContent;
  const daysOff = Object.keys(chineseDaysData.holidays);
  const workdays = Object.keys(chineseDaysData.workdays);
  // Every notice starts with 元旦 on 1 January, so that entry marks a year as loaded. Counting
  // any year with entries would wrongly load a year that only holds the December make-up days
  // of the next year's New Year block (e.g. 2018-12-29 comes from the 2019 notice).
  const off = new Set(daysOff);
  const years = [...new Set(daysOff.map(yearOf))].filter((y) => off.has(`${y}-01-01`));
  builtInContent = { years, daysOff, workdays };
  return builtInContent;
}

const LocalDaysOff = z.array(IsoDate);

/**
 * The calendar from the `chinese-days` package, loaded for exactly the years it has notices
 * for (it silently treats other years as plain Monday–Friday).
 */
export function builtInCalendar(options: { localDaysOff?: IsoDate[] } = {}): Calendar {
  const localDaysOff = parseOrFail(LocalDaysOff, options.localDaysOff ?? [], "本地节假日有误");
  return makeCalendar({ ...fromChineseDays(), localDaysOff });
}

/**
 * The year whose notice decides a date. The State Council's notice for year Y sets the New
 * Year block, which has reached back to 29–31 December of Y − 1 (the 2019 notice made
 * 2018-12-29 a working day and 12-30/31 days off; the 2023 notice 2022-12-31), so those three
 * days belong to the next year's notice, and every other day to its own year's (`decided`
 * below says the same of a day number).
 */
function noticeYearOf(date: IsoDate): number {
  const year = yearOf(date);
  return date.slice(5) >= "12-29" ? year + 1 : year;
}

/**
 * Loads one year's notice, replacing exactly the days that year's notice decides
 * (`noticeYearOf`): reloading 2018 keeps the 2018-12-29..31 that the 2019 notice set.
 */
export function withNotice(calendar: Calendar, notice: HolidayNotice): Calendar {
  const parsed = parseOrFail(HolidayNotice, notice, "节假日安排通知有误");
  const listed = new Set([...parsed.daysOff, ...parsed.workdays]);
  // A day a neighbouring notice decides survives unless this notice itself lists it.
  const keep = (date: IsoDate) => noticeYearOf(date) !== parsed.year && !listed.has(date);
  return makeCalendar({
    years: [...calendar.years, parsed.year],
    daysOff: [...calendar.daysOff.filter(keep), ...parsed.daysOff],
    workdays: [...calendar.workdays.filter(keep), ...parsed.workdays],
    localDaysOff: calendar.localDaysOff,
  });
}

type Index = { off: Set<number>; work: Set<number>; local: Set<number>; years: Set<number> };

const indexes = new WeakMap<Calendar, Index>();

function indexOf(calendar: Calendar): Index {
  let index = indexes.get(calendar);
  if (!index) {
    index = {
      off: new Set(calendar.daysOff.map(dayNumberOf)),
      work: new Set(calendar.workdays.map(dayNumberOf)),
      local: new Set(calendar.localDaysOff.map(dayNumberOf)),
      years: new Set(calendar.years),
    };
    indexes.set(calendar, index);
  }
  return index;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01 (UTC), so stepping a day is `+ 1` and never meets a DST change. */
function dayNumberOf(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  // The round trip rejects dates such as 2025-02-30 that Date would roll into March.
  if (!ISO_DATE.test(date) || Number.isNaN(ms) || isoOf(ms / DAY_MS) !== date) {
    fail("validation", `日期“${date}”无效，须为YYYY-MM-DD格式的真实日期`);
  }
  return ms / DAY_MS;
}

const isoOf = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

function isWeekend(day: number): boolean {
  // 1970-01-01 was a Thursday (4); the double modulo keeps days before 1970 non-negative.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

function working(index: Index, day: number): boolean {
  if (index.local.has(day)) return false;
  if (index.work.has(day)) return true;
  if (index.off.has(day)) return false;
  return !isWeekend(day);
}

/**
 * Whether the notice that decides `day` is loaded: late December waits for the next year's
 * notice too, since that notice may still move it.
 */
function decided(index: Index, day: number): boolean {
  const d = new Date(day * DAY_MS);
  const lateDecember = d.getUTCMonth() === 11 && d.getUTCDate() >= 29;
  return index.years.has(d.getUTCFullYear() + (lateDecember ? 1 : 0));
}

export function isWorkingDay(calendar: Calendar, date: IsoDate): DayStatus {
  const index = indexOf(calendar);
  const day = dayNumberOf(date);
  return { working: working(index, day), loaded: decided(index, day) };
}

/**
 * The date `n` working days after `start`, counting as the law does: the start day (e.g. the
 * day of receipt) is not counted and counting begins the next working day (民法典 Art. 201),
 * so `addWorkingDays(calendar, receipt, 20)` is the OGI Art. 33 reply deadline.
 */
export function addWorkingDays(calendar: Calendar, start: IsoDate, n: number): CountedDate {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    fail("validation", `工作日数须为0至${MAX_WORKING_DAYS}之间的整数`);
  }
  const index = indexOf(calendar);
  let day = dayNumberOf(start);
  let provisional = n === 0 && !decided(index, day);
  for (let remaining = n; remaining > 0; ) {
    day += 1;
    if (!decided(index, day)) provisional = true;
    if (working(index, day)) remaining -= 1;
  }
  return { date: isoOf(day), provisional };
}

/** Working days in (from, to]: the inverse of `addWorkingDays`; 0 when `to` is not after `from`. */
export function workingDaysBetween(calendar: Calendar, from: IsoDate, to: IsoDate): WorkingDayCount {
  const index = indexOf(calendar);
  const first = dayNumberOf(from) + 1;
  const last = dayNumberOf(to);
  let days = 0;
  let provisional = false;
  for (let day = first; day <= last; day++) {
    if (!decided(index, day)) provisional = true;
    if (working(index, day)) days += 1;
  }
  return { days, provisional };
}

/**
 * Working days in (from, to] that no notice still to be loaded can take away: the days an
 * unloaded notice decides are taken as days off. A limit this count already exceeds is
 * exceeded whatever that notice says.
 */
export function certainWorkingDaysBetween(calendar: Calendar, from: IsoDate, to: IsoDate): number {
  const index = indexOf(calendar);
  let days = 0;
  for (let day = dayNumberOf(from) + 1; day <= dayNumberOf(to); day++) {
    if (decided(index, day) && working(index, day)) days += 1;
  }
  return days;
}
