import chineseDays from "chinese-days";
import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  builtInCalendar,
  Calendar,
  HolidayNotice,
  isWorkingDay,
  withNotice,
  workingDaysBetween,
} from "./calendar.ts";
import { addDays, nextDay, previousDay } from "./date.ts";
import { DomainError } from "./error.ts";

const cal = builtInCalendar();

const range = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = nextDay(d)) out.push(d);
  return out;
};
const working = (c: Calendar, date: string) => isWorkingDay(c, date).working;

// Hypothetical: the real 2027 notice is not out yet. It is shaped like a real one, including a
// make-up day in the previous December as the 2019 notice had (2018-12-29).
const notice2027: HolidayNotice = {
  year: 2027,
  title: "国务院办公厅关于2027年部分节假日安排的通知",
  daysOff: [...range("2027-01-01", "2027-01-03"), ...range("2027-10-01", "2027-10-08")],
  workdays: ["2026-12-26", "2027-02-20"],
};

const expectValidationError = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe("validation");
    return error as DomainError;
  }
  throw new Error("expected a validation error");
};

describe("builtInCalendar", () => {
  it("loads exactly the contiguous years chinese-days has notices for, 2025 and 2026 included, 2027 not", () => {
    const first = cal.years[0] ?? 0;
    const last = cal.years.at(-1) ?? 0;
    expect(cal.years).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
    expect(cal.years).toEqual(expect.arrayContaining([2020, 2025, 2026]));
    // If this fails, chinese-days gained 2027: move the unloaded-year tests to the next year.
    expect(cal.years).not.toContain(2027);
  });

  it("agrees with chinese-days on every day of every loaded year", () => {
    const disagreements = cal.years
      .flatMap((y) => range(`${y}-01-01`, `${y}-12-31`))
      .filter((d) => working(cal, d) !== chineseDays.isWorkday(d));
    expect(disagreements).toEqual([]);
  });

  it("leaves no year with chinese-days data unloaded: the year after the last is plain Mon–Fri there too", () => {
    const next = (cal.years.at(-1) ?? 0) + 1;
    const plainWeekday = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
    const special = range(`${next}-01-01`, `${next}-12-31`).filter(
      (d) => chineseDays.isWorkday(d) !== plainWeekday(d),
    );
    expect(special).toEqual([]);
    expect(cal.years[0]).toBe(2004);
  });

  it("2025 Spring Festival: 01-28..02-04 off, Sunday 01-26 and Saturday 02-08 are make-up working days", () => {
    for (const d of range("2025-01-28", "2025-02-04"))
      expect(isWorkingDay(cal, d)).toEqual({ working: false, loaded: true });
    expect(working(cal, "2025-01-26")).toBe(true);
    expect(working(cal, "2025-02-08")).toBe(true);
    expect(working(cal, "2025-01-27")).toBe(true);
    expect(working(cal, "2025-02-05")).toBe(true);
  });

  it("2025 National Day: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 are make-up working days", () => {
    for (const d of range("2025-10-01", "2025-10-08")) expect(working(cal, d)).toBe(false);
    expect(working(cal, "2025-09-28")).toBe(true);
    expect(working(cal, "2025-10-11")).toBe(true);
    expect(working(cal, "2025-10-09")).toBe(true);
    expect(working(cal, "2025-10-12")).toBe(false);
  });

  it("2026 Spring Festival 02-15..02-23 and National Day 10-01..10-07 are off, with their make-up days", () => {
    for (const d of [...range("2026-02-15", "2026-02-23"), ...range("2026-10-01", "2026-10-07")]) {
      expect(working(cal, d)).toBe(false);
    }
    for (const d of ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]) {
      expect(working(cal, d)).toBe(true);
    }
  });

  it("honours the 2020 Spring Festival extension (01-31..02-02 added by the State Council)", () => {
    for (const d of range("2020-01-24", "2020-02-02")) expect(working(cal, d)).toBe(false);
    expect(working(cal, "2020-02-03")).toBe(true);
  });

  it("rejects a malformed local day off", () => {
    expectValidationError(() => builtInCalendar({ localDaysOff: ["2025/03/05"] }));
  });
});

describe("addWorkingDays", () => {
  it("does not count the receipt day: counting starts the next working day", () => {
    expect(addWorkingDays(cal, "2025-03-03", 1)).toEqual({ date: "2025-03-04", provisional: false });
    expect(addWorkingDays(cal, "2025-03-08", 1).date).toBe("2025-03-10");
  });

  it("returns the start unchanged for n = 0", () => {
    expect(addWorkingDays(cal, "2025-10-01", 0)).toEqual({ date: "2025-10-01", provisional: false });
  });

  it("receipt the day before National Day 2025: the 20 working days skip the 8-day holiday and use the 调休 Saturday", () => {
    expect(addWorkingDays(cal, "2025-09-30", 1).date).toBe("2025-10-09");
    // Plain Mon–Fri would give 2025-10-28.
    expect(addWorkingDays(cal, "2025-09-30", 20)).toEqual({ date: "2025-11-04", provisional: false });
  });

  it("receipt the day before Spring Festival 2026 skips 02-15..02-23", () => {
    expect(addWorkingDays(cal, "2026-02-13", 1).date).toBe("2026-02-14");
    expect(addWorkingDays(cal, "2026-02-14", 1).date).toBe("2026-02-24");
  });

  it("counts a 调休 Saturday as a working day", () => {
    expect(addWorkingDays(cal, "2025-10-10", 1).date).toBe("2025-10-11");
    expect(addWorkingDays(cal, "2025-02-07", 1).date).toBe("2025-02-08");
  });

  it("crossing into unloaded 2027 is provisional and counts plain Mon–Fri (2027-01-01 as working)", () => {
    expect(isWorkingDay(cal, "2027-01-01")).toEqual({ working: true, loaded: false });
    // 12-30 and 12-31 are still the 2027 notice's to set: provisional (see the late-December rule).
    expect(addWorkingDays(cal, "2026-12-29", 2)).toEqual({ date: "2026-12-31", provisional: true });
    expect(addWorkingDays(cal, "2026-12-30", 5)).toEqual({ date: "2027-01-06", provisional: true });
    // A landing day in an unloaded year is provisional even with n = 0.
    expect(addWorkingDays(cal, "2027-03-01", 0)).toEqual({ date: "2027-03-01", provisional: true });
  });

  it("rejects a negative, fractional or absurd count and an impossible date", () => {
    expectValidationError(() => addWorkingDays(cal, "2025-03-03", -1));
    expectValidationError(() => addWorkingDays(cal, "2025-03-03", 1.5));
    expectValidationError(() => addWorkingDays(cal, "2025-03-03", 1_000_000));
    expectValidationError(() => addWorkingDays(cal, "2025-02-30", 1));
    expectValidationError(() => isWorkingDay(cal, "2025-2-3"));
  });
});

// The real notices as chinese-days carries them: the 2019 notice (国办发明电〔2018〕15号) made
// Saturday 2018-12-29 a working day and 12-30/31 days off; the 2023 notice gave 2022-12-31.
const realDays = (year: number) => {
  const decidedBy = (date: string) => Number(date.slice(0, 4)) + (date.slice(5) >= "12-29" ? 1 : 0);
  const days = (list: Record<string, string>) =>
    Object.keys(list)
      .filter((d) => decidedBy(d) === year)
      .sort();
  return { daysOff: days(chineseDaysData.holidays), workdays: days(chineseDaysData.workdays) };
};

describe("provisional deadlines (OGI Art. 33 on the State Council's notices): late December waits for the next year's notice", () => {
  it("State Council notices have set 29–31 December before (2018-12-29..31, 2022-12-31)", () => {
    expect(working(cal, "2018-12-29")).toBe(true); // a Saturday
    expect(working(cal, "2018-12-31")).toBe(false); // a Monday
    expect(working(cal, "2022-12-31")).toBe(false);
    expect(realDays(2019).workdays).toContain("2018-12-29");
    expect(realDays(2019).daysOff).toEqual(expect.arrayContaining(["2018-12-30", "2018-12-31"]));
  });

  it("with 2026 loaded and 2027 not, 2026-12-29..31 are not decided, 2026-12-28 is", () => {
    expect(isWorkingDay(cal, "2026-12-28")).toEqual({ working: true, loaded: true });
    for (const d of range("2026-12-29", "2026-12-31")) expect(isWorkingDay(cal, d).loaded).toBe(false);
  });

  it("a deadline counted over 2026-12-31 is provisional, one ending on 12-28 is not", () => {
    // From Monday 2026-11-30, the 20th working day is 12-28 and the 21st 12-29.
    expect(addWorkingDays(cal, "2026-11-30", 20)).toEqual({ date: "2026-12-28", provisional: false });
    expect(addWorkingDays(cal, "2026-11-30", 21)).toEqual({ date: "2026-12-29", provisional: true });
  });

  it("once the next year is loaded, its late December days are decided", () => {
    const withoutNext = builtInCalendar();
    expect(isWorkingDay(withoutNext, "2025-12-31").loaded).toBe(true);
    expect(isWorkingDay(withNotice(cal, notice2027), "2026-12-31").loaded).toBe(true);
  });
});

describe("reloading a notice (ADR 0019) never drops the days a neighbouring year's notice set", () => {
  it("reloading the real 2018 notice keeps 2018-12-29 (working) and 12-30/31 (off) from the 2019 notice", () => {
    const reloaded = withNotice(cal, {
      year: 2018,
      title: "国务院办公厅关于2018年部分节假日安排的通知",
      ...realDays(2018),
    });
    expect(working(reloaded, "2018-12-29")).toBe(true);
    expect(working(reloaded, "2018-12-30")).toBe(false);
    expect(working(reloaded, "2018-12-31")).toBe(false);
    expect(reloaded.version).toBe(cal.version);
  });

  it("reloading the real 2019 notice still replaces the late December days it decides", () => {
    const { daysOff, workdays } = realDays(2019);
    const without = withNotice(cal, {
      year: 2019,
      title: "国务院办公厅关于2019年部分节假日安排的通知（更正）",
      daysOff: daysOff.filter((d) => d !== "2018-12-31"),
      workdays: workdays.filter((d) => d !== "2018-12-29"),
    });
    expect(working(without, "2018-12-29")).toBe(false);
    expect(working(without, "2018-12-31")).toBe(true);
  });

  it("reloading every year, in any order, from its own real days gives the built-in calendar back", () => {
    const years = [...cal.years].reverse();
    const reloaded = years.reduce(
      (c, year) => withNotice(c, { year, title: `${year}年部分节假日安排`, ...realDays(year) }),
      cal,
    );
    expect(reloaded.version).toBe(cal.version);
  });
});

describe("withNotice", () => {
  const loaded = withNotice(cal, notice2027);

  it("loading the 2027 notice changes the version and makes the crossing non-provisional with its days off", () => {
    expect(loaded.version).not.toBe(cal.version);
    expect(loaded.years).toContain(2027);
    expect(isWorkingDay(loaded, "2027-01-01")).toEqual({ working: false, loaded: true });
    expect(addWorkingDays(loaded, "2026-12-30", 5)).toEqual({ date: "2027-01-07", provisional: false });
    expect(addWorkingDays(loaded, "2027-09-30", 1)).toEqual({ date: "2027-10-11", provisional: false });
    expect(working(loaded, "2027-02-20")).toBe(true);
  });

  it("applies a notice's make-up day in the previous December", () => {
    expect(working(cal, "2026-12-26")).toBe(false);
    expect(working(loaded, "2026-12-26")).toBe(true);
  });

  it("does not change the calendar it was given", () => {
    expect(cal.years).not.toContain(2027);
    expect(working(cal, "2027-10-08")).toBe(true);
  });

  it("replaces a loaded year rather than merging: a day the corrected notice drops is working again", () => {
    const corrected = withNotice(loaded, {
      ...notice2027,
      daysOff: notice2027.daysOff.filter((d) => d !== "2027-10-08"),
    });
    expect(working(loaded, "2027-10-08")).toBe(false);
    expect(working(corrected, "2027-10-08")).toBe(true);
    expect(corrected.version).not.toBe(loaded.version);
  });

  it("replaces a year chinese-days already has", () => {
    const replaced = withNotice(cal, {
      year: 2026,
      title: "国务院办公厅关于2026年部分节假日安排的通知（测试）",
      daysOff: ["2026-01-01"],
      workdays: [],
    });
    expect(working(replaced, "2026-02-16")).toBe(true);
    expect(working(replaced, "2026-02-14")).toBe(false);
    expect(working(replaced, "2025-10-08")).toBe(false);
  });

  it("rejects an invalid notice with a validation error", () => {
    const error = expectValidationError(() => withNotice(cal, { ...notice2027, workdays: ["2027-01-02"] }));
    expect(error.message).toContain("2027-01-02");
  });
});

describe("version", () => {
  const loaded = withNotice(cal, notice2027);

  it("is deterministic for equal content, whatever the order the lists came in", () => {
    expect(builtInCalendar().version).toBe(cal.version);
    const shuffled = withNotice(cal, {
      ...notice2027,
      daysOff: [...notice2027.daysOff].reverse(),
      workdays: [...notice2027.workdays].reverse(),
    });
    expect(shuffled.version).toBe(withNotice(cal, notice2027).version);
    expect(builtInCalendar({ localDaysOff: ["2025-03-05", "2025-03-04"] }).version).toBe(
      builtInCalendar({ localDaysOff: ["2025-03-04", "2025-03-05", "2025-03-04"] }).version,
    );
  });

  it("changes when the local days off change", () => {
    expect(builtInCalendar({ localDaysOff: ["2025-03-05"] }).version).not.toBe(cal.version);
  });

  it("Calendar schema accepts a stored calendar and rejects one whose content no longer matches its version", () => {
    const stored = JSON.parse(JSON.stringify(loaded));
    expect(Calendar.parse(stored)).toEqual(loaded);
    const tampered = { ...stored, daysOff: [...stored.daysOff, "2027-03-01"].sort() };
    expect(Calendar.safeParse(tampered).success).toBe(false);
  });

  it("calendars are frozen so the per-object lookup cache cannot go stale", () => {
    expect(() => (cal.daysOff as string[]).push("2025-03-05")).toThrow(TypeError);
    expect(working(cal, "2025-03-05")).toBe(true);
  });
});

describe("localDaysOff", () => {
  const local = builtInCalendar({ localDaysOff: ["2025-03-05", "2025-10-11"] });

  it("a local holiday is not a working day and is skipped when counting", () => {
    expect(isWorkingDay(local, "2025-03-05")).toEqual({ working: false, loaded: true });
    expect(addWorkingDays(local, "2025-03-04", 1).date).toBe("2025-03-06");
    expect(addWorkingDays(cal, "2025-03-04", 1).date).toBe("2025-03-05");
  });

  it("a local holiday wins over a 调休 make-up day", () => {
    expect(working(local, "2025-10-11")).toBe(false);
    expect(addWorkingDays(local, "2025-10-10", 1).date).toBe("2025-10-13");
  });
});

describe("workingDaysBetween", () => {
  it("counts working days in (from, to], and 0 when to is not after from", () => {
    expect(workingDaysBetween(cal, "2025-09-30", "2025-10-09")).toEqual({ days: 1, provisional: false });
    expect(workingDaysBetween(cal, "2025-09-30", "2025-11-04").days).toBe(20);
    expect(workingDaysBetween(cal, "2025-03-03", "2025-03-03")).toEqual({ days: 0, provisional: false });
    expect(workingDaysBetween(cal, "2025-03-10", "2025-03-03").days).toBe(0);
  });

  it("is provisional when the range reaches an unloaded year", () => {
    expect(workingDaysBetween(cal, "2026-12-30", "2027-01-06")).toEqual({ days: 5, provisional: true });
    expect(workingDaysBetween(cal, "2026-12-21", "2026-12-28").provisional).toBe(false);
    expect(workingDaysBetween(cal, "2026-12-21", "2026-12-29").provisional).toBe(true);
  });

  it("inverts addWorkingDays: between(d, add(d, n)) = n, with the same provisional flag, and lands on a working day", () => {
    const calendars = [cal, withNotice(cal, notice2027), builtInCalendar({ localDaysOff: ["2025-03-05"] })];
    fc.assert(
      fc.property(
        fc.constantFrom(...calendars),
        fc.integer({ min: 0, max: 3 * 366 }),
        fc.integer({ min: 0, max: 60 }),
        (c, offset, n) => {
          const from = addDays("2024-11-01", offset);
          const due = addWorkingDays(c, from, n);
          const between = workingDaysBetween(c, from, due.date);
          expect(between.days).toBe(n);
          if (n > 0) {
            expect(between.provisional).toBe(due.provisional);
            expect(working(c, due.date)).toBe(true);
            expect(workingDaysBetween(c, from, previousDay(due.date)).days).toBe(n - 1);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("HolidayNotice", () => {
  it("rejects a date that is both a day off and a make-up working day", () => {
    const result = HolidayNotice.safeParse({ ...notice2027, workdays: ["2027-01-02"] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([["workdays", 0]]);
  });

  it("accepts dates of the neighbouring years but rejects dates further away", () => {
    expect(HolidayNotice.safeParse(notice2027).success).toBe(true);
    expect(HolidayNotice.safeParse({ ...notice2027, daysOff: ["2029-01-01"] }).success).toBe(false);
  });

  it("rejects a weekday as a make-up working day", () => {
    expect(HolidayNotice.safeParse({ ...notice2027, workdays: ["2027-02-22"] }).success).toBe(false);
  });

  it("rejects unknown fields and an empty title", () => {
    expect(HolidayNotice.safeParse({ ...notice2027, source: "x" }).success).toBe(false);
    expect(HolidayNotice.safeParse({ ...notice2027, title: " " }).success).toBe(false);
  });
});
