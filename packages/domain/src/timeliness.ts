import { type Calendar, workingDaysBetween } from "./calendar.ts";
import { daysBetween, type IsoDate, shanghaiDate } from "./date.ts";
import { fail } from "./error.ts";
import type { Timeliness } from "./item.ts";
import type { ItemKind } from "./item-kind.ts";
import type { Settings } from "./settings.ts";

export type TimelinessInput = {
  kind: ItemKind;
  /** 成文日期 / 生成日期: when the information was formed. */
  generatedOn: IsoDate;
  /** The publication instant (ISO 8601). */
  publishedAt: string;
  /** Budgets only: the approval (批复) date that starts 预算法 Art. 14's clock. */
  approvedOn?: IsoDate | undefined;
  /** Interpretations only: the document interpreted and when it was published. */
  interpretation?: { documentId: string; documentPublishedAt: string } | null;
  calendar: Calendar;
  settings: Settings;
};

// Deadlines are about days in China, so an evening publication in UTC already counts on the
// next Shanghai day.
function publicationDay(instant: string, path: string): IsoDate {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) {
    fail("validation", `发布时间“${instant}”无效`, [{ path, message: "时间须为ISO 8601格式" }]);
  }
  return shanghaiDate(date);
}

function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  const diff = daysBetween(from, to);
  if (Number.isNaN(diff)) fail("validation", `日期“${from}”或“${to}”无效`);
  return Math.max(0, diff);
}

/**
 * The timeliness facts of one publication, recorded with the item so the yearly checks and
 * the deduction sheets read them instead of recounting against a calendar that may since
 * have changed (the calendar version says which one was used).
 */
export function timelinessOf(input: TimelinessInput): Timeliness {
  const { calendar, settings } = input;
  const publishedOn = publicationDay(input.publishedAt, "publishedAt");

  // OGI Art. 26: 20 working days from being formed; the day formed is not counted.
  const formed = workingDaysBetween(calendar, input.generatedOn, publishedOn);
  const proactiveLimit = settings.proactiveLimitWorkingDays;

  let interpretation: Timeliness["interpretation"] = null;
  if (input.kind === "interpretation" && input.interpretation) {
    const documentOn = publicationDay(
      input.interpretation.documentPublishedAt,
      "interpretation.documentPublishedAt",
    );
    // 三同步: an interpretation published before its document has no lag at all.
    const lag = workingDaysBetween(calendar, documentOn, publishedOn);
    const limit = settings.interpretationLagLimitWorkingDays;
    interpretation = {
      documentId: input.interpretation.documentId,
      workingDays: lag.days,
      limit,
      onTime: lag.days <= limit,
      provisional: lag.provisional,
    };
  }

  let budget: Timeliness["budget"] = null;
  if (input.kind === "budget") {
    const approvedOn =
      input.approvedOn ??
      fail("unprocessable", "预算、决算信息须填写批复日期", [{ path: "approvedOn", message: "不能为空" }]);
    // 预算法 Art. 14 counts calendar days, holidays included.
    const calendarDays = calendarDaysBetween(approvedOn, publishedOn);
    const limit = settings.budgetLimitCalendarDays;
    budget = { calendarDays, limit, onTime: calendarDays <= limit };
  }

  return {
    calendarVersion: calendar.version,
    proactive: {
      workingDays: formed.days,
      limit: proactiveLimit,
      onTime: formed.days <= proactiveLimit,
      provisional: formed.provisional,
    },
    interpretation,
    budget,
  };
}
