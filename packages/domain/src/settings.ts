import { z } from "zod";
import { defaultEarliestDate, IsoDate } from "./date.ts";
import { defaultIndexNumberFormat, IndexNumberFormat } from "./index-number.ts";

// A limit of zero would make every item late and a very large one would switch a check off
// silently; a year is far beyond any rule a locality has set.
const days = (fallback: number) =>
  z.number().int("天数须为整数").min(1, "天数至少为1").max(366, "天数不能超过366").default(fallback);

/**
 * The rules that vary by locality, in one place. Every field has the national (or the most
 * common local) figure as its default, so `Settings.parse({})` is a working configuration and
 * a locality overrides only what its own rules change.
 */
export const Settings = z.strictObject({
  /** OGI Art. 26: proactive information is published within 20 working days of being formed. */
  proactiveLimitWorkingDays: days(20),
  /** 三同步: a common local rule lets an interpretation trail its document by 3 working days. */
  interpretationLagLimitWorkingDays: days(3),
  /** 预算法 Art. 14: budgets and final accounts within 20 calendar days of approval. */
  budgetLimitCalendarDays: days(20),
  /**
   * 民法典 Art. 203: when the budget period's last day is a statutory day off, it ends on the
   * next working day. On by default; a locality counting plain calendar days turns it off.
   */
  budgetPeriodEndsAfterDayOff: z.boolean().default(true),
  /** 索引号 has no national standard, so its pattern is the locality's. */
  indexNumberFormat: IndexNumberFormat.default(defaultIndexNumberFormat),
  /**
   * OGI Art. 31(三): an online application is received the day the office confirms it. `auto`
   * confirms it on the next working day after submission unless the office confirms earlier;
   * `by-office` waits for the office (no clock runs until then).
   */
  onlineConfirmation: z.enum(["auto", "by-office"]).default("auto"),
  /** Past the deadline by this many working days, an item counts as seriously overdue (督办). */
  veryOverdueWorkingDays: days(10),
  /** No national figure for the mayor's mailbox; local rules commonly give 5 working days. */
  mailboxReplyWorkingDays: days(5),
  /**
   * No date a department writes is earlier than this. 1949-10-01 by default; a locality that
   * publishes older records (a county's archive) sets an earlier day (ADR 0038).
   */
  earliestDate: IsoDate.default(defaultEarliestDate),
});
export type Settings = z.infer<typeof Settings>;
export type SettingsInput = z.input<typeof Settings>;

export const defaultSettings: Settings = Settings.parse({});
