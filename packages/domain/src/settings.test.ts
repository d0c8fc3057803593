import { describe, expect, it } from "vitest";
import { defaultIndexNumberFormat } from "./index-number.ts";
import { defaultSettings, Settings } from "./settings.ts";

describe("locality settings", () => {
  it("defaults to the national figures: OGI Art. 26 (20 working days), 预算法 Art. 14 (20 calendar days, 民法典 Art. 203 on)", () => {
    expect(defaultSettings).toEqual({
      proactiveLimitWorkingDays: 20,
      interpretationLagLimitWorkingDays: 3,
      budgetLimitCalendarDays: 20,
      budgetPeriodEndsAfterDayOff: true,
      onlineConfirmation: "auto",
      indexNumberFormat: defaultIndexNumberFormat,
      veryOverdueWorkingDays: 10,
      mailboxReplyWorkingDays: 5,
      earliestDate: "1949-10-01",
    });
  });

  it("a locality overrides one rule and keeps the defaults for the rest", () => {
    const settings = Settings.parse({
      interpretationLagLimitWorkingDays: 5,
      indexNumberFormat: "{year}/{unitCode}-{sequence}",
    });
    expect(settings.interpretationLagLimitWorkingDays).toBe(5);
    expect(settings.indexNumberFormat).toBe("{year}/{unitCode}-{sequence}");
    expect(settings.proactiveLimitWorkingDays).toBe(20);
  });

  it("an 索引号 format must contain the unit code, the year and the sequence", () => {
    const result = Settings.safeParse({ indexNumberFormat: "{unitCode}-{sequence}" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["indexNumberFormat"]);
  });

  it("limits are whole days of at least one; unknown settings are refused rather than ignored", () => {
    expect(Settings.safeParse({ proactiveLimitWorkingDays: 0 }).success).toBe(false);
    expect(Settings.safeParse({ budgetLimitCalendarDays: 2.5 }).success).toBe(false);
    expect(Settings.safeParse({ mailboxReplyWorkingDays: 367 }).success).toBe(false);
    expect(Settings.safeParse({ proactiveLimitWorkingDay: 15 }).success).toBe(false);
  });
});
