import { z } from "zod";
import type { Application } from "./application.ts";
import { isOpen } from "./application.ts";
import { correctionRequestWorkingDays } from "./application-clock/state.ts";
import { addWorkingDays, type Calendar, workingDaysBetween } from "./calendar.ts";
import { findColumn } from "./column.ts";
import { addDays, IsoDate, previousDay, shanghaiDate, yearOf } from "./date.ts";
import type { Item } from "./item.ts";
import { type Letter, letterDueDate } from "./letter.ts";
import type { Notice } from "./notice.ts";
import { receiptDeadline } from "./notice.ts";
import { openStates, type RectificationTask } from "./rectification.ts";
import { annualReportDue } from "./scoring/annual-report.ts";
import type { Settings } from "./settings.ts";
import { budgetDue } from "./timeliness.ts";
import type { Unit } from "./unit.ts";

/**
 * Scheduled supervision (督办, ADR 0049): every open deadline of a unit is a clock the scan
 * watches; each clock reaches three levels, each told once per deadline.
 */

/** The kinds of deadline the engine watches. */
export const ClockKind = z.enum([
  "rectification-task",
  "application",
  "application-correction",
  "notice-receipt",
  "letter",
  "annual-report",
  "column-freshness",
  "proactive-disclosure",
  "budget-disclosure",
]);
export type ClockKind = z.infer<typeof ClockKind>;

/** 即将到期 (a reminder), 逾期 (督办 to the unit), 严重逾期 (escalated to the office). */
export const SupervisionLevel = z.enum(["due-soon", "overdue", "very-overdue"]);
export type SupervisionLevel = z.infer<typeof SupervisionLevel>;

export const levelTitles: Record<SupervisionLevel, string> = {
  "due-soon": "即将到期",
  overdue: "已逾期",
  "very-overdue": "严重逾期",
};

export const clockTitles: Record<ClockKind, string> = {
  "rectification-task": "整改任务",
  application: "依申请公开答复",
  "application-correction": "依申请公开补正告知",
  "notice-receipt": "通知回执",
  letter: "市长信箱来信答复",
  "annual-report": "政府信息公开工作年度报告",
  "column-freshness": "栏目更新",
  "proactive-disclosure": "主动公开时限",
  "budget-disclosure": "预算、决算公开",
};

/**
 * Where the deadline comes from: a day the record carries, or a receipt rule that is counted
 * on the calendar in force at every read (ADR 0043), so a year loaded later moves it.
 */
export const ClockDeadline = z.discriminatedUnion("rule", [
  z.strictObject({ rule: z.literal("day"), dueOn: IsoDate, provisional: z.boolean() }),
  z.strictObject({
    rule: z.literal("receipt"),
    issuedOn: IsoDate,
    workingDays: z.number().int().nullable(),
    dueOn: IsoDate.nullable(),
  }),
  /**
   * Working days counted from a day at every read, so a holiday notice loaded later moves the
   * deadline without a rewrite (an application's correction window, Art. 30).
   */
  z.strictObject({
    rule: z.literal("working-days"),
    from: IsoDate,
    workingDays: z.number().int().positive(),
  }),
  /** A budget or final accounts: 预算法 Art. 14's days from approval, on the settings read at every scan. */
  z.strictObject({ rule: z.literal("budget"), approvedOn: IsoDate }),
  /** A letter: the mailbox's reply setting counted from its receipt, read at every scan. */
  z.strictObject({ rule: z.literal("mailbox-reply"), receivedOn: IsoDate }),
]);
export type ClockDeadline = z.infer<typeof ClockDeadline>;

/** One open deadline: what it is about, whose it is, when it falls due and by which rule. */
export const SupervisionClock = z.strictObject({
  kind: ClockKind,
  /** The record the deadline belongs to (task, application or notice id). */
  id: z.string(),
  /** The unit that owes the deadline; null for a notice, whose target units owe it each. */
  unitCode: z.string().nullable(),
  title: z.string(),
  deadline: ClockDeadline,
  /** The article or setting the deadline rests on, quoted in the digest. */
  basis: z.string(),
  /**
   * No later than the deadline: the day the due index sorts the clock by. For a day rule it is
   * the deadline; for a counted receipt the issue day plus as many calendar days, which a count
   * of working days never undercuts.
   */
  watchOn: IsoDate,
});
export type SupervisionClock = z.infer<typeof SupervisionClock>;

const basisOf: Record<ClockKind, string> = {
  "rectification-task": "整改任务规定的完成时限（市政务公开办定期督办）",
  application: "《政府信息公开条例》第三十三条：自收到申请之日起20个工作日内答复，延长不超过20个工作日",
  "application-correction":
    "《政府信息公开条例》第三十条：申请内容不明确的，自收到申请之日起7个工作日内一次性告知申请人作出补正",
  "notice-receipt": "通知规定的回执期限",
  letter: "市长信箱来信答复时限（政务公开办设定：收到之日起若干个工作日内答复）",
  "annual-report":
    "《政府信息公开条例》第四十九条：部门于每年1月31日前、县级以上地方人民政府于每年3月31日前公布上一年度报告",
  "column-freshness": "栏目更新要求，逾期即为栏目长期不更新（国办发〔2017〕47号）",
  "proactive-disclosure":
    "《政府信息公开条例》第二十六条：自该政府信息形成或者变更之日起20个工作日内予以公开",
  "budget-disclosure": "《预算法》第十四条：经本级政府财政部门批复后20日内由各部门向社会公开",
};

/** A task is watched while it is with the unit; submitted or verified, it has nothing left to owe. */
export function clockOfTask(task: RectificationTask): SupervisionClock | null {
  if (!openStates.includes(task.state)) return null;
  return {
    kind: "rectification-task",
    id: task.id,
    unitCode: task.unitCode,
    title: task.problem.slice(0, 100),
    deadline: { rule: "day", dueOn: task.deadline, provisional: false },
    basis: basisOf["rectification-task"],
    watchOn: task.deadline,
  };
}

/** An application is watched while open with a due date (a suspended clock has none). */
export function clockOfOpenApplication(application: Application): SupervisionClock | null {
  if (!isOpen(application.state) || application.dueOn === null) return null;
  return {
    kind: "application",
    id: application.id,
    unitCode: application.unitCode,
    title: `${application.trackingCode} ${application.description.slice(0, 60)}`,
    deadline: { rule: "day", dueOn: application.dueOn, provisional: application.dueIsProvisional },
    basis: basisOf.application,
    watchOn: application.dueOn,
  };
}

/**
 * OGI Art. 30: a correction may be asked only once and only within 7 working days of receipt,
 * so while an application is neither accepted nor sent back for correction, the unit owes that
 * decision by then. Receipt is the confirmation day online (Art. 31(三)): a recorded one, or
 * under automatic confirmation the first working day after submission, counted here as one
 * working day more; an application the office must still confirm is not yet received.
 */
export function clockOfCorrectionWindow(application: Application): SupervisionClock | null {
  const decided = application.events.some((e) => e.type === "accept" || e.type === "request-correction");
  if (application.state !== "received" || decided) return null;
  const confirmed = application.events.find((e) => e.type === "confirm")?.on;
  const online = application.channel === "online" ? application.confirmation : undefined;
  if (!confirmed && online === "by-office") return null;
  const from = confirmed ?? application.receivedOn;
  const workingDays = correctionRequestWorkingDays + (!confirmed && online === "auto" ? 1 : 0);
  return {
    kind: "application-correction",
    id: application.id,
    unitCode: application.unitCode,
    title: `${application.trackingCode} ${application.description.slice(0, 60)}`,
    deadline: { rule: "working-days", from, workingDays },
    basis: basisOf["application-correction"],
    // A count of working days never ends before as many calendar days.
    watchOn: addDays(from, workingDays),
  };
}

/** A notice asking for receipts is watched until its levels are told; acknowledged units drop out. */
export function clockOfNotice(notice: Notice): SupervisionClock | null {
  const { required, workingDays, dueOn } = notice.receipt;
  if (!required) return null;
  return {
    kind: "notice-receipt",
    id: notice.id,
    unitCode: null,
    title: notice.title,
    deadline: { rule: "receipt", issuedOn: notice.issuedOn, workingDays, dueOn },
    basis: dueOn
      ? `${basisOf["notice-receipt"]}（${dueOn}前）`
      : `${basisOf["notice-receipt"]}（${workingDays}个工作日）`,
    watchOn: dueOn ?? addDays(notice.issuedOn, workingDays ?? 0),
  };
}

/**
 * A letter is watched while a unit holds it unanswered. An unassigned letter is the office's
 * own to route, and the office is who supervision reports to, so it has no clock.
 */
export function clockOfLetter(letter: Letter): SupervisionClock | null {
  if (letter.state === "replied" || letter.unitCode === null) return null;
  return {
    kind: "letter",
    id: letter.id,
    unitCode: letter.unitCode,
    title: `${letter.trackingCode} ${letter.subject.slice(0, 60)}`,
    deadline: { rule: "mailbox-reply", receivedOn: letter.receivedOn },
    basis: basisOf.letter,
    // The setting is read at scan time; a deadline of at least one working day is no earlier.
    watchOn: addDays(letter.receivedOn, 1),
  };
}

/**
 * OGI Art. 49: every unit's report on `year`, due 31 January (departments, townships and
 * streets) or 31 March (the government, whose report the office publishes) of the next year.
 * No record sets it, so the scan plants one per unit once a year; the report published in the
 * unit's 年度报告 column that year fixes it (ADR 0033 reads the same column).
 */
export function clockOfAnnualReport(unit: Unit, year: number): SupervisionClock {
  const level = unit.kind === "office" ? "city" : unit.kind === "department" ? "department" : "township";
  const dueOn = `${year + 1}-${annualReportDue[level]}`;
  return {
    kind: "annual-report",
    id: `${year}-${unit.code}`,
    unitCode: unit.code,
    title: `${year}年度政府信息公开工作年度报告`,
    deadline: { rule: "day", dueOn, provisional: false },
    basis: basisOf["annual-report"],
    watchOn: dueOn,
  };
}

/**
 * 栏目长期不更新: a column with an update setting (`freshnessDays`) is due again that many
 * calendar days after a unit's latest publication in it. Each publication moves the clock, in
 * its own transaction, which is how a fixed column stops being pressed; a column the unit
 * never published in has no baseline and is left to the assessment's column-freshness rule.
 */
export function clockOfColumn(item: Item): SupervisionClock | null {
  if (item.state !== "published" || item.publishedAt === null) return null;
  const column = findColumn(item.columnId);
  if (!column || column.freshnessDays === null) return null;
  const dueOn = addDays(shanghaiDate(new Date(item.publishedAt)), column.freshnessDays);
  return {
    kind: "column-freshness",
    id: `${item.unitCode}-${item.columnId}`,
    unitCode: item.unitCode,
    title: `“${column.name}”栏目（最近发布：${item.title.slice(0, 40)}）`,
    deadline: { rule: "day", dueOn, provisional: false },
    basis: `${basisOf["column-freshness"]}：至少每${column.freshnessDays}日更新一次`,
    watchOn: dueOn,
  };
}

/** OGI Art. 26's period, the statute's own figure (the scoring's setting may be stricter). */
const proactiveDisclosureWorkingDays = 20;

/**
 * OGI Art. 26: information formed must be public within 20 working days. A draft or a
 * submission never yet published owes that from its formation day; publishing it deletes the
 * clock in the same transaction. A new edition of a published item is not timed again here.
 */
export function clockOfUnpublished(item: Item): SupervisionClock | null {
  if ((item.state !== "draft" && item.state !== "submitted") || item.firstPublishedAt !== null) return null;
  return {
    kind: "proactive-disclosure",
    id: item.id,
    unitCode: item.unitCode,
    title: `${item.title.slice(0, 60)}（形成于${item.generatedOn}，尚未公开）`,
    deadline: { rule: "working-days", from: item.generatedOn, workingDays: proactiveDisclosureWorkingDays },
    basis: basisOf["proactive-disclosure"],
    watchOn: addDays(item.generatedOn, proactiveDisclosureWorkingDays),
  };
}

/**
 * 预算法 Art. 14: a budget or final accounts not yet published owes publication within 20 days
 * of approval (ADR 0047 counts them; `budgetPeriodEndsAfterDayOff` moves a last day off). Both
 * figures are settings, so the deadline is counted at every scan and the clock is watched from
 * the day after approval; budget items are few.
 */
export function clockOfUnpublishedBudget(item: Item): SupervisionClock | null {
  if (item.kind !== "budget" || !item.approvedOn || clockOfUnpublished(item) === null) return null;
  return {
    kind: "budget-disclosure",
    id: item.id,
    unitCode: item.unitCode,
    title: `${item.title.slice(0, 60)}（批复于${item.approvedOn}，尚未公开）`,
    deadline: { rule: "budget", approvedOn: item.approvedOn },
    basis: basisOf["budget-disclosure"],
    watchOn: addDays(item.approvedOn, 1),
  };
}

/** The year an annual-report clock's report covers: the one before its deadline (its watch day). */
export const reportYearOf = (clock: SupervisionClock): number => yearOf(clock.watchOn) - 1;

/** The deadline as the calendar in force counts it. */
export function deadlineOf(
  clock: SupervisionClock,
  calendar: Calendar,
  settings: Settings,
): { dueOn: IsoDate; provisional: boolean } {
  const { deadline } = clock;
  if (deadline.rule === "day") return { dueOn: deadline.dueOn, provisional: deadline.provisional };
  if (deadline.rule === "budget") {
    const due = budgetDue(calendar, deadline.approvedOn, settings);
    return { dueOn: due.dueOn, provisional: due.provisional };
  }
  if (deadline.rule === "working-days") {
    const counted = addWorkingDays(calendar, deadline.from, deadline.workingDays);
    return { dueOn: counted.date, provisional: counted.provisional };
  }
  if (deadline.rule === "mailbox-reply") {
    const counted = letterDueDate(deadline, calendar, settings);
    return { dueOn: counted.date, provisional: counted.provisional };
  }
  const counted = receiptDeadline(
    { issuedOn: deadline.issuedOn, receipt: { required: true, ...deadline } },
    calendar,
  );
  // `required: true` always yields a deadline.
  return counted ?? { dueOn: deadline.issuedOn, provisional: false };
}

/** What a clock owes on a day: a level, none yet, or not decidable on the calendar loaded. */
export type LevelDecision =
  | { decided: true; level: SupervisionLevel | null; dueOn: IsoDate }
  | { decided: false; dueOn: IsoDate; reason: string };

const unloaded = (from: IsoDate, to: IsoDate, calendar: Calendar): string => {
  const years = new Set<number>();
  for (let y = yearOf(from); y <= yearOf(to); y++) if (!calendar.years.includes(y)) years.add(y);
  return `${[...years].join("、")}年节假日安排尚未载入，无法确定工作日`;
};

/**
 * The level a clock has reached on `asOf`, on the loaded calendar:
 * - due soon: the deadline is today or later and at most N working days remain in
 *   (asOf, dueOn] (N per clock, `settings.dueSoonWorkingDays`);
 * - overdue: from the first day after the deadline (the deadline day itself is on time);
 * - very overdue: M working days after the deadline have passed (`veryOverdueWorkingDays`).
 * A count that reaches a year whose holiday notice is not loaded decides nothing: the level
 * would rest on a Monday–Friday guess, and a unit must not be pressed on a guess.
 */
export function levelOn(
  clock: SupervisionClock,
  asOf: IsoDate,
  calendar: Calendar,
  settings: Settings,
): LevelDecision {
  const { dueOn, provisional } = deadlineOf(clock, calendar, settings);
  if (provisional)
    return { decided: false, dueOn, reason: unloaded(asOf < dueOn ? asOf : dueOn, dueOn, calendar) };
  if (asOf <= dueOn) {
    const left = workingDaysBetween(calendar, asOf, dueOn);
    if (left.provisional) return { decided: false, dueOn, reason: unloaded(asOf, dueOn, calendar) };
    const level = left.days <= settings.dueSoonWorkingDays[clock.kind] ? "due-soon" : null;
    return { decided: true, level, dueOn };
  }
  const late = workingDaysBetween(calendar, dueOn, asOf);
  // Overdue needs no calendar (the day after the deadline); only "very" counts working days.
  if (late.provisional) return { decided: true, level: "overdue", dueOn };
  const level = late.days >= settings.veryOverdueWorkingDays ? "very-overdue" : "overdue";
  return { decided: true, level, dueOn };
}

/**
 * The last deadline day that can be due soon on `asOf`: the scan reads the due index up to it.
 * A deadline one working day further has N + 1 working days left.
 */
export function watchUntil(
  asOf: IsoDate,
  calendar: Calendar,
  settings: Pick<Settings, "dueSoonWorkingDays">,
): IsoDate {
  const most = Math.max(...Object.values(settings.dueSoonWorkingDays));
  const counted = addWorkingDays(calendar, asOf, most + 1);
  // On a guessed year the bound reaches as far as the longest holiday block (9 days) could
  // push it, so a deadline there is read and reported undecided rather than silently missed.
  return counted.provisional ? addDays(counted.date, 9) : previousDay(counted.date);
}

/** One late deadline as the office's view lists it (the console's overdue table). */
export const OverdueEntry = z.object({
  kind: ClockKind,
  id: z.string(),
  unitCode: z.string(),
  title: z.string(),
  dueOn: IsoDate,
  level: z.enum(["overdue", "very-overdue"]),
  basis: z.string(),
});
export type OverdueEntry = z.infer<typeof OverdueEntry>;
