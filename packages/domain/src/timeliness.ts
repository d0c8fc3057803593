import {
  addWorkingDays,
  type Calendar,
  certainWorkingDaysBetween,
  isWorkingDay,
  workingDaysBetween,
} from "./calendar.ts";
import { addDays, daysBetween, type IsoDate, nextDay, previousDay, shanghaiDate } from "./date.ts";
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
 * A working-day limit compares dates (OGI Art. 26): publication is on time on or before the
 * limit's last working day, so publishing on the Saturday or holiday after it is late although
 * the count of working days has not grown. Equivalently, late when the limit was already
 * reached on the day before publication. `lateWhateverTheNotice` is that test with every day
 * no loaded notice decides taken as a day off: late under any notice still to come.
 */
function withinWorkingDays(calendar: Calendar, from: IsoDate, publishedOn: IsoDate, limit: number) {
  const count = workingDaysBetween(calendar, from, publishedOn);
  const dayBefore = previousDay(publishedOn);
  const reached = workingDaysBetween(calendar, from, dayBefore);
  return {
    workingDays: count.days,
    limit,
    dueOn: addWorkingDays(calendar, from, limit).date,
    onTime: reached.days < limit,
    provisional: count.provisional,
    lateWhateverTheNotice: certainWorkingDaysBetween(calendar, from, dayBefore) >= limit,
  };
}

/**
 * 预算法 Art. 14's 20 days are calendar days. 民法典 Art. 203: a period whose last day is a
 * statutory day off (周末 included, as the courts read 法定休假日; a make-up working day is not
 * one) ends on the first working day after it. `budgetPeriodEndsAfterDayOff` switches that off
 * for a locality that reads Art. 14 as plain calendar days.
 */
function budgetDue(calendar: Calendar, approvedOn: IsoDate, settings: Settings) {
  let due = addDays(approvedOn, settings.budgetLimitCalendarDays);
  let provisional = !isWorkingDay(calendar, due).loaded;
  if (settings.budgetPeriodEndsAfterDayOff) {
    while (!isWorkingDay(calendar, due).working) {
      due = nextDay(due);
      if (!isWorkingDay(calendar, due).loaded) provisional = true;
    }
  }
  return { dueOn: due, provisional };
}

/**
 * The timeliness facts of one publication, recorded with the item so the yearly checks and
 * the deduction sheets read them instead of recounting against a calendar that may since
 * have changed (the calendar version says which one was used).
 */
export function timelinessOf(input: TimelinessInput): Timeliness {
  const { calendar, settings } = input;
  const publishedOn = publicationDay(input.publishedAt, "publishedAt");

  let interpretation: Timeliness["interpretation"] = null;
  if (input.kind === "interpretation" && input.interpretation) {
    const documentOn = publicationDay(
      input.interpretation.documentPublishedAt,
      "interpretation.documentPublishedAt",
    );
    // 三同步: an interpretation published before its document has no lag at all; the limit
    // compares dates as Art. 26's does.
    interpretation = {
      documentId: input.interpretation.documentId,
      ...withinWorkingDays(calendar, documentOn, publishedOn, settings.interpretationLagLimitWorkingDays),
    };
  }

  let budget: Timeliness["budget"] = null;
  if (input.kind === "budget") {
    const approvedOn =
      input.approvedOn ??
      fail("unprocessable", "预算、决算信息须填写批复日期", [{ path: "approvedOn", message: "不能为空" }]);
    // 预算法 Art. 14 counts calendar days, holidays included; 民法典 Art. 203 moves the last one.
    const calendarDays = calendarDaysBetween(approvedOn, publishedOn);
    const due = budgetDue(calendar, approvedOn, settings);
    budget = {
      calendarDays,
      limit: settings.budgetLimitCalendarDays,
      dueOn: due.dueOn,
      onTime: publishedOn <= due.dueOn,
      provisional: due.provisional,
    };
  }

  return {
    calendarVersion: calendar.version,
    // OGI Art. 26: 20 working days from being formed; the day formed is not counted.
    proactive: withinWorkingDays(
      calendar,
      input.generatedOn,
      publishedOn,
      settings.proactiveLimitWorkingDays,
    ),
    interpretation,
    budget,
  };
}
