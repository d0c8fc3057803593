import chineseDays from "chinese-days";
import { describe, expect, it } from "vitest";
import { builtInCalendar } from "./calendar.ts";
import { DomainError } from "./error.ts";
import { defaultSettings, Settings } from "./settings.ts";
import { type TimelinessInput, timelinessOf } from "./timeliness.ts";

const calendar = builtInCalendar();
const documentId = "itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T";

/** 10:00 in Shanghai on the given day. */
const at = (date: string) => `${date}T02:00:00.000Z`;

const base = (over: Partial<TimelinessInput>): TimelinessInput => ({
  kind: "general",
  generatedOn: "2025-09-26",
  publishedAt: at("2025-10-30"),
  calendar,
  settings: defaultSettings,
  ...over,
});

// 2025 notice: National Day and Mid-Autumn 10-01..10-08 off; Sunday 09-28 and Saturday 10-11
// are make-up working days. From Friday 09-26 the 20th working day is 10-30, the 21st 10-31.
describe("proactive disclosure within 20 working days (OGI Art. 26)", () => {
  it("OGI Art. 26: published on the 20th working day across National Day is on time", () => {
    const t = timelinessOf(base({ publishedAt: at("2025-10-30") }));
    expect(t.proactive).toEqual({
      workingDays: 20,
      limit: 20,
      dueOn: "2025-10-30",
      onTime: true,
      provisional: false,
      lateWhateverTheNotice: false,
    });
    expect(t.calendarVersion).toBe(calendar.version);
  });

  it("OGI Art. 26: published on the 21st working day is late", () => {
    const t = timelinessOf(base({ publishedAt: at("2025-10-31") }));
    expect(t.proactive).toMatchObject({ workingDays: 21, onTime: false });
  });

  it("counts make-up Saturdays and Sundays and skips the holiday (five working days to 10-10)", () => {
    // 09-28 (make-up Sunday), 09-29, 09-30, 10-09, 10-10.
    expect(timelinessOf(base({ publishedAt: at("2025-10-10") })).proactive.workingDays).toBe(5);
  });

  it("the publication day is the Asia/Shanghai day: 2025-10-09T17:00Z is already 10-10", () => {
    expect(timelinessOf(base({ publishedAt: "2025-10-09T17:00:00Z" })).proactive.workingDays).toBe(5);
    expect(timelinessOf(base({ publishedAt: "2025-10-09T15:59:59Z" })).proactive.workingDays).toBe(4);
  });

  it("the day formed is not counted: published that day (or dated later) is 0 working days", () => {
    expect(timelinessOf(base({ publishedAt: at("2025-09-26") })).proactive.workingDays).toBe(0);
    expect(
      timelinessOf(base({ generatedOn: "2025-10-01", publishedAt: at("2025-09-30") })).proactive,
    ).toEqual({
      workingDays: 0,
      limit: 20,
      dueOn: "2025-11-04", // the 20th working day after 10-01 in chinese-days
      onTime: true,
      provisional: false,
      lateWhateverTheNotice: false,
    });
  });

  it("a count that reaches a year without a loaded holiday notice (2027) is provisional", () => {
    const t = timelinessOf(base({ generatedOn: "2026-12-28", publishedAt: at("2027-01-05") }));
    expect(t.proactive.provisional).toBe(true);
    expect(t.proactive.onTime).toBe(true);
  });

  // 2025 National Day: 10-01..10-08 off. From 09-03, the 20 working days of chinese-days'
  // data run to 09-30 (make-up Sunday 09-28 included).
  it("OGI Art. 26: published on a holiday after the 20th working day is late, though the count is still 20", () => {
    expect(chineseDays.getWorkdaysInRange("2025-09-04", "2025-09-30")).toHaveLength(20);
    expect(chineseDays.isHoliday("2025-10-01")).toBe(true);
    const onHoliday = timelinessOf(base({ generatedOn: "2025-09-03", publishedAt: at("2025-10-01") }));
    expect(onHoliday.proactive).toMatchObject({
      workingDays: 20,
      onTime: false,
      lateWhateverTheNotice: true,
    });
    const lastDay = timelinessOf(base({ generatedOn: "2025-09-03", publishedAt: at("2025-09-30") }));
    expect(lastDay.proactive).toMatchObject({ workingDays: 20, onTime: true });
  });

  it("OGI Art. 26: published on the Saturday after the 20th working day (Friday 2025-03-28) is late", () => {
    expect(chineseDays.getWorkdaysInRange("2025-03-01", "2025-03-28")).toHaveLength(20);
    expect(chineseDays.isWorkday("2025-03-29")).toBe(false);
    const t = timelinessOf(base({ generatedOn: "2025-02-28", publishedAt: at("2025-03-29") }));
    expect(t.proactive).toMatchObject({ workingDays: 20, onTime: false });
  });

  it("OGI Art. 26: published on a day off before the 20th working day is on time (Sunday 2025-03-23)", () => {
    const t = timelinessOf(base({ generatedOn: "2025-02-28", publishedAt: at("2025-03-23") }));
    expect(t.proactive).toMatchObject({ workingDays: 15, onTime: true });
  });

  it("provisional and late whatever the notice: 20 working days of 2026 already passed before 2027", () => {
    // From 2026-11-30 the 20th working day of the loaded 2026 data is 12-28; published 2027-01-05.
    expect(chineseDays.getWorkdaysInRange("2026-12-01", "2026-12-28")).toHaveLength(20);
    const t = timelinessOf(base({ generatedOn: "2026-11-30", publishedAt: at("2027-01-05") }));
    expect(t.proactive).toMatchObject({ onTime: false, provisional: true, lateWhateverTheNotice: true });
  });

  it("provisional and not yet settled: late only if the 2027 notice leaves the undecided days working", () => {
    // 12-08 + 20 working days reaches into 2026-12-29..2027-01-06, which no loaded notice decides.
    const t = timelinessOf(base({ generatedOn: "2026-12-08", publishedAt: at("2027-01-07") }));
    expect(t.proactive).toMatchObject({ onTime: false, provisional: true, lateWhateverTheNotice: false });
  });

  it("the limit is a locality setting", () => {
    const settings = Settings.parse({ proactiveLimitWorkingDays: 15 });
    // 10-24 is the 16th working day after 09-26.
    const t = timelinessOf(base({ publishedAt: at("2025-10-24"), settings }));
    expect(t.proactive).toEqual({
      workingDays: 16,
      limit: 15,
      dueOn: "2025-10-23",
      onTime: false,
      provisional: false,
      lateWhateverTheNotice: true,
    });
  });

  it("an invalid publication instant is a validation error, not a crash", () => {
    expect(() => timelinessOf(base({ publishedAt: "yesterday" }))).toThrow(DomainError);
  });
});

describe("policy interpretation lag (三同步, local rule of 3 working days)", () => {
  // Document published Friday 2025-11-14; the weekend 11-15/16 does not count.
  const interpretation = { documentId, documentPublishedAt: at("2025-11-14") };
  const interp = (publishedOn: string, over: Partial<TimelinessInput> = {}) =>
    timelinessOf(
      base({
        kind: "interpretation",
        generatedOn: "2025-11-14",
        publishedAt: at(publishedOn),
        interpretation,
        ...over,
      }),
    ).interpretation;

  it("三同步: 3 working days after the document (over a weekend) is on time", () => {
    expect(interp("2025-11-19")).toEqual({
      documentId,
      workingDays: 3,
      limit: 3,
      dueOn: "2025-11-19",
      onTime: true,
      provisional: false,
      lateWhateverTheNotice: false,
    });
  });

  it("三同步 compares dates too: 3 working days after Tuesday 2025-11-18 end on Friday 11-21; Sunday 11-23 is late", () => {
    expect(chineseDays.getWorkdaysInRange("2025-11-19", "2025-11-21")).toHaveLength(3);
    expect(chineseDays.isWorkday("2025-11-23")).toBe(false);
    const tuesday = { documentId, documentPublishedAt: at("2025-11-18") };
    expect(interp("2025-11-23", { interpretation: tuesday })).toMatchObject({
      workingDays: 3,
      onTime: false,
    });
    expect(interp("2025-11-21", { interpretation: tuesday })).toMatchObject({ workingDays: 3, onTime: true });
    // After Wednesday 11-19 only two working days have passed by Saturday 11-22: on time.
    const wednesday = { documentId, documentPublishedAt: at("2025-11-19") };
    expect(interp("2025-11-22", { interpretation: wednesday })).toMatchObject({
      workingDays: 2,
      onTime: true,
    });
  });

  it("三同步: 4 working days after the document is late", () => {
    expect(interp("2025-11-20")).toMatchObject({ workingDays: 4, onTime: false });
  });

  it("an interpretation published the same day as its document, or before it, has no lag", () => {
    expect(interp("2025-11-14")).toMatchObject({ workingDays: 0, onTime: true });
    expect(interp("2025-11-10")).toMatchObject({ workingDays: 0, onTime: true });
  });

  it("the lag limit is a locality setting", () => {
    const settings = Settings.parse({ interpretationLagLimitWorkingDays: 5 });
    expect(interp("2025-11-20", { settings })).toMatchObject({ workingDays: 4, limit: 5, onTime: true });
  });

  it("is null for other kinds and for an interpretation not linked to a document", () => {
    expect(timelinessOf(base({ kind: "general", interpretation })).interpretation).toBeNull();
    expect(interp("2025-11-19", { interpretation: null })).toBeNull();
  });
});

describe("budgets within 20 calendar days of approval (预算法 Art. 14)", () => {
  const budget = (publishedOn: string, over: Partial<TimelinessInput> = {}) =>
    timelinessOf(
      base({
        kind: "budget",
        generatedOn: "2025-03-10",
        approvedOn: "2025-03-10",
        publishedAt: at(publishedOn),
        ...over,
      }),
    ).budget;

  const plain = Settings.parse({ budgetPeriodEndsAfterDayOff: false });

  it("预算法 Art. 14: 20 calendar days after approval (a Sunday) is on time", () => {
    expect(budget("2025-03-30")).toEqual({
      calendarDays: 20,
      limit: 20,
      dueOn: "2025-03-31",
      onTime: true,
      provisional: false,
    });
  });

  it("预算法 Art. 14 read as plain calendar days: 21 calendar days after approval is late", () => {
    expect(budget("2025-03-31", { settings: plain })).toEqual({
      calendarDays: 21,
      limit: 20,
      dueOn: "2025-03-30",
      onTime: false,
      provisional: false,
    });
  });

  it("民法典 Art. 203 (default): the 20th day, Sunday 2025-03-30, is a day off, so Monday 03-31 is on time and 04-01 late", () => {
    expect(chineseDays.isWorkday("2025-03-30")).toBe(false);
    expect(chineseDays.isWorkday("2025-03-31")).toBe(true);
    expect(budget("2025-03-31")).toMatchObject({ calendarDays: 21, dueOn: "2025-03-31", onTime: true });
    expect(budget("2025-04-01")).toMatchObject({ calendarDays: 22, onTime: false });
  });

  // The 2024 notice: National Day 10-01..10-07 off, Saturday 10-12 a make-up working day.
  it("民法典 Art. 203: approved 2024-09-11, the 20th day is National Day 2024-10-01; the period ends 10-08", () => {
    const over = { generatedOn: "2024-09-11", approvedOn: "2024-09-11" };
    for (let d = 1; d <= 7; d++) expect(chineseDays.isHoliday(`2024-10-0${d}`)).toBe(true);
    expect(chineseDays.isWorkday("2024-10-08")).toBe(true);
    expect(budget("2024-10-08", over)).toMatchObject({ calendarDays: 27, dueOn: "2024-10-08", onTime: true });
    expect(budget("2024-10-09", over)).toMatchObject({ onTime: false });
    // The other reading, a documented setting: 2024-10-01 was the last day.
    expect(budget("2024-10-08", { ...over, settings: plain })).toMatchObject({
      dueOn: "2024-10-01",
      onTime: false,
    });
    expect(budget("2024-10-01", { ...over, settings: plain })).toMatchObject({ onTime: true });
  });

  it("民法典 Art. 203: a make-up working day is not a day off, so a period ending on one is not moved", () => {
    // 2024-09-22 + 20 days = Saturday 2024-10-12, a 调休 working day.
    expect(chineseDays.isWorkday("2024-10-12")).toBe(true);
    const over = { generatedOn: "2024-09-22", approvedOn: "2024-09-22" };
    expect(budget("2024-10-12", over)).toMatchObject({ dueOn: "2024-10-12", onTime: true });
    expect(budget("2024-10-14", over)).toMatchObject({ onTime: false });
  });

  it("calendar days include holidays: approved 09-30, published 10-20 is 20 days", () => {
    expect(budget("2025-10-20", { generatedOn: "2025-09-30", approvedOn: "2025-09-30" })).toMatchObject({
      calendarDays: 20,
      onTime: true,
    });
  });

  it("published on the day of approval is 0 days", () => {
    expect(budget("2025-03-10")?.calendarDays).toBe(0);
  });

  it("the limit is a locality setting", () => {
    const settings = Settings.parse({ budgetLimitCalendarDays: 15 });
    expect(budget("2025-03-30", { settings })).toMatchObject({ calendarDays: 20, limit: 15, onTime: false });
  });

  it("a budget without an approval date is refused; other kinds have no budget figure", () => {
    expect(() => budget("2025-03-30", { approvedOn: undefined })).toThrow(
      expect.objectContaining({
        kind: "unprocessable",
        issues: [expect.objectContaining({ path: "approvedOn" })],
      }),
    );
    expect(timelinessOf(base({ approvedOn: "2025-09-26" })).budget).toBeNull();
  });
});
