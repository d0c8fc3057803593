import { z } from "zod";
import type { Application } from "./application.ts";
import { clockAsOf, correctionRequestWorkingDays, timelinessOfApplication } from "./application-clock.ts";
import { addWorkingDays, type Calendar, workingDaysBetween } from "./calendar.ts";
import { findColumn } from "./column.ts";
import { daysBetween, type IsoDate, shanghaiDate, yearOf } from "./date.ts";
import type { IndicatorLevel } from "./indicator-level.ts";
import type { Item } from "./item.ts";
import { isLetterOverdue, type Letter, letterDueDate } from "./letter.ts";
import { addCalendarMonths, isUnansweredOverThreeMonths } from "./letter-stats.ts";
import { validityNames } from "./normative.ts";
import type { Settings } from "./settings.ts";

/** The automatic rule ids of the HTTP contract (API.md). */
export const RuleId = z.enum([
  "proactive-timeliness",
  "normative-completeness",
  "interpretation-timeliness",
  "budget-timeliness",
  "column-freshness",
  "empty-columns",
  "applications-on-time",
  "correction-notice-timeliness",
  "mailbox-reply-rate",
  "letters-unanswered",
  "annual-report-on-time",
]);
export type RuleId = z.infer<typeof RuleId>;

/**
 * One lost point's cause: the record to fix (an item id, or a column id for column rules),
 * why, and where to see it, so a unit knows exactly what to correct.
 */
export const Deduction = z.object({
  recordId: z.string(),
  reason: z.string(),
  title: z.string().optional(),
  link: z.string().optional(),
});
export type Deduction = z.infer<typeof Deduction>;

/** What the rules read of a published item (the store projects exactly these). */
export const itemFactFields = [
  "id",
  "kind",
  "title",
  "unitCode",
  "columnId",
  "indexNumber",
  "generatedOn",
  "publishedAt",
  "firstPublishedAt",
  "docNumber",
  "effectiveOn",
  "validity",
  "validityHistory",
  "timeliness",
  "interprets",
  "disclosureMethod",
] as const satisfies readonly (keyof Item)[];
export type ItemFact = Pick<Item, (typeof itemFactFields)[number]>;

/**
 * What the rules read of an application: the inputs of its clock and its tracking code. Never
 * the applicant (a record of its own) nor the description, which may name a person.
 */
export const applicationFactFields = [
  "id",
  "trackingCode",
  "unitCode",
  "channel",
  "receivedOn",
  "events",
] as const satisfies readonly (keyof Application)[];
export type ApplicationFact = Pick<Application, (typeof applicationFactFields)[number]>;

/** What the rules read of a letter: its dates and holder. Never the writer, subject or body. */
export const letterFactFields = [
  "id",
  "trackingCode",
  "unitCode",
  "state",
  "receivedOn",
  "repliedOn",
] as const satisfies readonly (keyof Letter)[];
export type LetterFact = Pick<Letter, (typeof letterFactFields)[number]>;

/** The platform's own data about one unit, as of the assessment's day. */
export type AssessmentFacts = {
  unitCode: string;
  year: number;
  /** The unit's published items, first published on or before the assessment's day. */
  items: ItemFact[];
  /** Every published interpretation of the city: another unit may interpret a unit's document. */
  interpretations: ItemFact[];
  /**
   * The unit's applications received on or before the day (every year: one carried over and
   * still open counts too). Read only when a rule of the sheet needs them (`factsNeeded`).
   */
  applications?: ApplicationFact[];
  /** The letters the unit holds, received on or before the day; read only when a rule needs them. */
  letters?: LetterFact[];
  /** The calendar in force (loaded holiday notices) and the settings the deadline rules count with. */
  calendar?: Calendar;
  settings?: Settings;
  /** The level of the sheet being scored: which annual-report deadline applies (set by autoScore). */
  level?: IndicatorLevel;
};

/** The facts beyond the unit's items that a rule reads; the store reads them only when asked. */
export type FactNeed = "applications" | "letters";

const deductionPerRecord = z.number().multipleOf(0.5, "须为0.5的整数倍").positive().max(100).default(1);
const columnIds = z.array(z.string().refine((id) => findColumn(id) !== undefined, "栏目不存在")).max(100);

export type RuleDefinition<P = { deductionPerRecord: number }> = {
  id: RuleId;
  name: string;
  params: z.ZodType<P, unknown>;
  /** Facts read only for sheets that use the rule, so item-only sheets cost no more reads. */
  needs?: readonly FactNeed[];
  evaluate: (params: P, facts: AssessmentFacts, asOf: IsoDate) => Deduction[];
};

const firstPublishedOn = (item: ItemFact) =>
  shanghaiDate(new Date(item.firstPublishedAt ?? item.publishedAt ?? item.generatedOn));
const inYear = (year: number) => (item: ItemFact) => yearOf(firstPublishedOn(item)) === year;
const itemLink = (item: ItemFact) => `/public/v1/items/${encodeURIComponent(item.indexNumber ?? item.id)}`;
const about = (item: ItemFact, reason: string): Deduction => ({
  recordId: item.id,
  reason,
  title: item.title,
  link: itemLink(item),
});

const simple = z.strictObject({ deductionPerRecord });

/**
 * OGI Art. 26: proactive information within 20 working days of being formed. The facts were
 * counted at publication (timeliness.ts); a count that touched a year whose holidays were not
 * loaded is provisional and is not held against the unit.
 */
const proactiveTimeliness: RuleDefinition = {
  id: "proactive-timeliness",
  name: "主动公开信息在形成之日起20个工作日内公开",
  params: simple,
  evaluate: (_params, facts) =>
    facts.items
      .filter(inYear(facts.year))
      .filter((i) => i.disclosureMethod !== "on-request")
      .flatMap((item) => {
        const p = item.timeliness?.proactive;
        if (!p || p.onTime || p.provisional) return [];
        return [
          about(
            item,
            `成文于${item.generatedOn}，${firstPublishedOn(item)}才公开，用时${p.workingDays}个工作日，超过${p.limit}个工作日的时限（条例第二十六条）`,
          ),
        ];
      }),
};

/**
 * 规范性文件要素: 文号, 施行日期 (every item already requires its 成文日期), 有效性, the linked
 * interpretation; an amended or repealed document marked on the original with the document
 * that amended or repealed it (国办发〔2017〕47号).
 */
const normativeCompleteness: RuleDefinition = {
  id: "normative-completeness",
  name: "规范性文件要素齐全，修改废止的已标注",
  params: simple,
  evaluate: (_params, facts) => {
    const interpreted = new Set(facts.interpretations.map((i) => i.interprets));
    return facts.items
      .filter((i) => i.kind === "normative")
      .flatMap((doc) => {
        const missing: string[] = [];
        if (!doc.docNumber?.trim()) missing.push("文号");
        if (!doc.effectiveOn) missing.push("施行日期");
        if (!doc.validity) missing.push("有效性");
        if (!interpreted.has(doc.id)) missing.push("关联解读");
        const ended = doc.validity === "amended" || doc.validity === "repealed";
        const marking = [...doc.validityHistory].reverse().find((e) => e.status === doc.validity);
        if (ended && !marking?.byItemId)
          missing.push(`${validityNames[doc.validity ?? "effective"]}的依据文件`);
        return missing.length ? [about(doc, `要素不全：缺少${missing.join("、")}`)] : [];
      });
  },
};

/** 三同步: each normative document of the year has an interpretation, published within the lag allowed. */
const interpretationTimeliness: RuleDefinition = {
  id: "interpretation-timeliness",
  name: "政策解读与文件同步（关联且及时）",
  params: simple,
  evaluate: (_params, facts) =>
    facts.items
      .filter((i) => i.kind === "normative")
      .filter(inYear(facts.year))
      .flatMap((doc) => {
        const own = facts.interpretations.filter((i) => i.interprets === doc.id);
        if (own.length === 0) return [about(doc, "未发布关联的政策解读（三同步）")];
        const onTime = own.some((i) => {
          const lag = i.timeliness?.interpretation;
          return !lag || lag.onTime || lag.provisional;
        });
        if (onTime) return [];
        const first = [...own].sort((a, b) => firstPublishedOn(a).localeCompare(firstPublishedOn(b)))[0];
        const lag = first?.timeliness?.interpretation;
        return first && lag
          ? [
              about(
                first,
                `解读晚于文件${lag.workingDays}个工作日发布，超过${lag.limit}个工作日（三同步）：${doc.title}`,
              ),
            ]
          : [];
      }),
};

/** 预算法 Art. 14: budgets and final accounts within 20 calendar days of approval. */
const budgetTimeliness: RuleDefinition = {
  id: "budget-timeliness",
  name: "预决算在批复后20日内公开",
  params: simple,
  evaluate: (_params, facts) =>
    facts.items
      .filter((i) => i.kind === "budget")
      .filter(inYear(facts.year))
      .flatMap((item) => {
        const b = item.timeliness?.budget;
        if (!b || b.onTime) return [];
        return [about(item, `批复后${b.calendarDays}日才公开，超过${b.limit}日（预算法第十四条）`)];
      }),
};

const latestByColumn = (items: readonly ItemFact[]) => {
  const latest = new Map<string, IsoDate>();
  for (const item of items) {
    const on = firstPublishedOn(item);
    if ((latest.get(item.columnId) ?? "") < on) latest.set(item.columnId, on);
  }
  return latest;
};
const columnLink = (columnId: string, unitCode: string) =>
  `/public/v1/items?column=${encodeURIComponent(columnId)}&unit=${encodeURIComponent(unitCode)}`;

const FreshnessParams = z.strictObject({
  deductionPerRecord,
  /** The columns to check; by default every column the unit publishes in that has a threshold. */
  columnIds: columnIds.optional(),
  /** Calendar days per column, overriding the catalogue's defaults (news 14, policy 183, monthly 31). */
  thresholds: z.record(z.string(), z.number().int().positive().max(3660)).optional(),
});
type FreshnessParams = z.infer<typeof FreshnessParams>;

/**
 * Column freshness, as the national website checks count it: a column whose newest item is
 * older than its threshold is not being updated. Columns without any item are the
 * empty-columns rule's business, so one gap is never deducted twice.
 */
const columnFreshness: RuleDefinition<FreshnessParams> = {
  id: "column-freshness",
  name: "栏目按时更新",
  params: FreshnessParams,
  evaluate: (params, facts, asOf) => {
    const latest = latestByColumn(facts.items);
    const checked = params.columnIds ?? [...latest.keys()].sort();
    return checked.flatMap((columnId) => {
      const column = findColumn(columnId);
      const threshold = params.thresholds?.[columnId] ?? column?.freshnessDays ?? null;
      const last = latest.get(columnId);
      if (threshold === null || !last) return [];
      const days = daysBetween(last, asOf);
      if (days <= threshold) return [];
      return [
        {
          recordId: columnId,
          reason: `栏目“${column?.name ?? columnId}”最近一次更新为${last}，至${asOf}已${days}天未更新（限${threshold}天）`,
          title: column?.name ?? columnId,
          link: columnLink(columnId, facts.unitCode),
        },
      ];
    });
  },
};

const EmptyColumnsParams = z.strictObject({
  deductionPerRecord,
  /** The columns the unit is expected to keep, from the sheet. */
  columnIds: columnIds.min(1, "至少列出一个栏目"),
});
type EmptyColumnsParams = z.infer<typeof EmptyColumnsParams>;

/** 空白栏目: a column the sheet expects of the unit with nothing published in it. */
const emptyColumns: RuleDefinition<EmptyColumnsParams> = {
  id: "empty-columns",
  name: "无空白栏目",
  params: EmptyColumnsParams,
  evaluate: (params, facts) => {
    const used = new Set(facts.items.map((i) => i.columnId));
    return params.columnIds
      .filter((id) => !used.has(id))
      .map((columnId) => ({
        recordId: columnId,
        reason: `栏目“${findColumn(columnId)?.name ?? columnId}”没有本单位发布的信息（空白栏目）`,
        title: findColumn(columnId)?.name ?? columnId,
        link: columnLink(columnId, facts.unitCode),
      }));
  },
};

/**
 * A fact a rule declared in `needs` but the caller did not read is a programming error (the
 * route reads what `factsNeeded` names), not bad input: it must never score as "nothing found".
 */
function needed<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`assessment facts lack ${what}: read them with factsNeeded`);
  return value;
}
const deadlineFacts = (facts: AssessmentFacts) => ({
  calendar: needed(facts.calendar, "the calendar"),
  settings: needed(facts.settings, "the settings"),
});

/** Staff pages of the record (apps/publish): the unit sees it there; nothing public names a person. */
const applicationLink = (id: string) => `/publish/v1/applications/${encodeURIComponent(id)}`;
const letterLink = (id: string) => `/publish/v1/letters/${encodeURIComponent(id)}`;
/** Titled by tracking code: a description or a subject may carry personal data, and sheets are circulated. */
const aboutApplication = (application: ApplicationFact, reason: string): Deduction => ({
  recordId: application.id,
  reason,
  title: `依申请公开 ${application.trackingCode}`,
  link: applicationLink(application.id),
});
const aboutLetter = (letter: LetterFact, reason: string): Deduction => ({
  recordId: letter.id,
  reason,
  title: `市长信箱来信 ${letter.trackingCode}`,
  link: letterLink(letter.id),
});

/**
 * OGI Art. 33: answered within 20 working days of receipt (or the extended period). Judged with
 * the one clock derivation (application-clock.ts), from the events dated up to the day and the
 * calendar in force. In scope: applications received in the year, and those received earlier
 * that are still open on the day or whose due date fell in the year (answered late in it): a
 * late answer is deducted once, in the year its lateness happened, while an application left
 * unanswered is deducted every year it stays open. A due date
 * counted across a year whose holidays are not loaded is provisional and not held against the
 * unit, as for proactive timeliness.
 */
const applicationsOnTime: RuleDefinition = {
  id: "applications-on-time",
  name: "依申请公开按时答复",
  params: simple,
  needs: ["applications"],
  evaluate: (_params, facts, asOf) => {
    const { calendar, settings } = deadlineFacts(facts);
    const yearStart = `${facts.year}-01-01`;
    return needed(facts.applications, "applications").flatMap((application) => {
      if (application.receivedOn > asOf || yearOf(application.receivedOn) > facts.year) return [];
      const clock = clockAsOf(application, calendar, asOf);
      const open = clock.endedOn === undefined;
      const inScope =
        yearOf(application.receivedOn) === facts.year || open || (clock.dueOn ?? "") >= yearStart;
      if (!inScope || !clock.dueOn || clock.dueIsProvisional) return [];
      const timeliness = timelinessOfApplication(clock, asOf, calendar, settings);
      if (timeliness === "on-time") return [];
      const late = workingDaysBetween(calendar, clock.dueOn, clock.endedOn ?? asOf).days;
      const serious = timeliness === "very-overdue" ? "，属严重逾期" : "";
      const what = open
        ? `至${asOf}仍未答复，已逾期${late}个工作日`
        : `${clock.endedOn}才${clock.state === "answered" ? "答复" : "办结"}，逾期${late}个工作日`;
      return [
        aboutApplication(
          application,
          `${application.receivedOn}收到申请，答复期限为${clock.dueOn}，${what}${serious}（条例第三十三条）`,
        ),
      ];
    });
  },
};

/**
 * OGI Art. 30: a correction is requested once, within 7 working days of receipt. The event
 * route already refuses a late request (checkNewEvent), so this finds what bypassed that check:
 * records migrated from paper registers, and requests that a holiday notice loaded later shows
 * to be late. Judged in the year the request was made (a December application's request may
 * fall in January); a limit counted across an unloaded year is provisional and not held.
 */
const correctionNoticeTimeliness: RuleDefinition = {
  id: "correction-notice-timeliness",
  name: "补正告知在7个工作日内",
  params: simple,
  needs: ["applications"],
  evaluate: (_params, facts, asOf) => {
    const { calendar } = deadlineFacts(facts);
    return needed(facts.applications, "applications").flatMap((application) => {
      // Only once is allowed; the first request is the one the applicant waited for.
      const request = application.events.find((e) => e.type === "request-correction");
      if (!request || request.on > asOf || yearOf(request.on) !== facts.year) return [];
      const limit = addWorkingDays(calendar, application.receivedOn, correctionRequestWorkingDays);
      if (limit.provisional || request.on <= limit.date) return [];
      const used = workingDaysBetween(calendar, application.receivedOn, request.on).days;
      return [
        aboutApplication(
          application,
          `${application.receivedOn}收到申请，${request.on}才告知补正（第${used}个工作日），超过收到申请之日起${correctionRequestWorkingDays}个工作日（${limit.date}前）一次性告知的时限（条例第三十条）`,
        ),
      ];
    });
  },
};

/** A letter counts as replied on the day only if the reply is dated on or before it. */
const letterAsOf = (letter: LetterFact, asOf: IsoDate): LetterFact =>
  letter.repliedOn !== null && letter.repliedOn <= asOf
    ? letter
    : { ...letter, state: letter.state === "replied" ? "assigned" : letter.state, repliedOn: null };

/**
 * 信箱回复率, scored per letter: each letter the unit holds, received in the year, still
 * unreplied on the day and past its reply deadline (the local setting, from receipt: a transfer
 * does not restart it) is one deduction. A rate threshold would hide which letters to answer;
 * a letter still within its deadline is not counted, nor a deadline counted across an unloaded
 * year. The unit that holds the letter now answers for it.
 */
const mailboxReplyRate: RuleDefinition = {
  id: "mailbox-reply-rate",
  name: "信箱回复率",
  params: simple,
  needs: ["letters"],
  evaluate: (_params, facts, asOf) => {
    const { calendar, settings } = deadlineFacts(facts);
    return needed(facts.letters, "letters")
      .filter((l) => l.receivedOn <= asOf && yearOf(l.receivedOn) === facts.year)
      .map((l) => letterAsOf(l, asOf))
      .flatMap((letter) => {
        const due = letterDueDate(letter, calendar, settings);
        if (due.provisional || !isLetterOverdue(letter, calendar, settings, asOf)) return [];
        return [
          aboutLetter(
            letter,
            `${letter.receivedOn}收到来信，答复期限为${due.date}（收到后${settings.mailboxReplyWorkingDays}个工作日），至${asOf}仍未答复`,
          ),
        ];
      });
  },
};

/**
 * The national website check: a message left unanswered more than 3 calendar months after it
 * was received fails the site (互动回应差, a single-item veto). Every letter the unit holds
 * counts, whatever year it came in, while it stays unanswered.
 */
const lettersUnanswered: RuleDefinition = {
  id: "letters-unanswered",
  name: "超过3个月未回复的来信",
  params: simple,
  needs: ["letters"],
  evaluate: (_params, facts, asOf) =>
    needed(facts.letters, "letters")
      .filter((l) => l.receivedOn <= asOf)
      .map((l) => letterAsOf(l, asOf))
      .filter((letter) => isUnansweredOverThreeMonths(letter, asOf))
      .map((letter) =>
        aboutLetter(
          letter,
          `${letter.receivedOn}收到来信，${addCalendarMonths(letter.receivedOn, 3)}已满3个月，至${asOf}仍未答复（政府网站检查指标“互动回应差”）`,
        ),
      ),
};

const AnnualReportParams = z.strictObject({
  deductionPerRecord,
  /** The deadline as MM-DD, overriding the level's (department and township 01-31, city 03-31). */
  due: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "须为MM-DD格式的日期")
    .optional(),
});
type AnnualReportParams = z.infer<typeof AnnualReportParams>;

/**
 * OGI Art. 49: a department publishes last year's annual report by 31 January; the government
 * (the city level, published by its office) by 31 March. Townships and streets report to the
 * city's office as departments do, so 31 January unless the sheet says otherwise. The report
 * is the item the unit publishes in the 年度报告 column in the assessed year; consistency of
 * its tables needs a structured report and is not judged here (ADR 0033).
 */
export const annualReportDue: Record<IndicatorLevel, string> = {
  city: "03-31",
  department: "01-31",
  township: "01-31",
};

const annualReportOnTime: RuleDefinition<AnnualReportParams> = {
  id: "annual-report-on-time",
  name: "年度报告按时公布（条例第四十九条）",
  params: AnnualReportParams,
  evaluate: (params, facts, asOf) => {
    const due = `${facts.year}-${params.due ?? annualReportDue[needed(facts.level, "the sheet's level")]}`;
    const covered = facts.year - 1;
    const reports = facts.items
      .filter((i) => i.columnId === "annual-reports" && inYear(facts.year)(i))
      .sort((a, b) => firstPublishedOn(a).localeCompare(firstPublishedOn(b)));
    const first = reports[0];
    if (!first) {
      if (asOf <= due) return [];
      return [
        {
          recordId: `annual-report-${covered}`,
          reason: `未在“政府信息公开年度报告”栏目公布${covered}年度报告（应于${due}前公布，条例第四十九条）`,
          title: `${covered}年度政府信息公开工作年度报告`,
          link: columnLink("annual-reports", facts.unitCode),
        },
      ];
    }
    const on = firstPublishedOn(first);
    if (on <= due) return [];
    return [
      about(
        first,
        `${covered}年度报告于${on}公布，晚于${due}的期限${daysBetween(due, on)}天（条例第四十九条）`,
      ),
    ];
  },
};

/** A rule with its parameter type erased: its own schema parses what its evaluation receives. */
type StoredRule = {
  id: RuleId;
  name: string;
  params: z.ZodType<unknown, unknown>;
  needs: readonly FactNeed[];
  evaluate: (params: unknown, facts: AssessmentFacts, asOf: IsoDate) => Deduction[];
};

function stored<P>(rule: RuleDefinition<P>): StoredRule {
  const { evaluate } = rule;
  return {
    id: rule.id,
    name: rule.name,
    params: rule.params,
    needs: rule.needs ?? [],
    evaluate: (params: unknown, facts, asOf) => evaluate(params as P, facts, asOf),
  };
}

const definitions: Record<RuleId, StoredRule> = {
  "proactive-timeliness": stored(proactiveTimeliness),
  "normative-completeness": stored(normativeCompleteness),
  "interpretation-timeliness": stored(interpretationTimeliness),
  "budget-timeliness": stored(budgetTimeliness),
  "column-freshness": stored(columnFreshness),
  "empty-columns": stored(emptyColumns),
  "applications-on-time": stored(applicationsOnTime),
  "correction-notice-timeliness": stored(correctionNoticeTimeliness),
  "mailbox-reply-rate": stored(mailboxReplyRate),
  "letters-unanswered": stored(lettersUnanswered),
  "annual-report-on-time": stored(annualReportOnTime),
};

export function ruleDefinition(id: RuleId): StoredRule {
  return definitions[id];
}

/** The rules a sheet may name. */
export function ruleCatalogue() {
  return RuleId.options.map((id) => ({ id, name: definitions[id].name }));
}

/** Which facts beyond the unit's items the rules of a sheet read. */
export function factsNeeded(rules: readonly { id: RuleId }[]): Record<FactNeed, boolean> {
  const needs = new Set(rules.flatMap((rule) => definitions[rule.id].needs));
  return { applications: needs.has("applications"), letters: needs.has("letters") };
}

export type RuleResult = { score: number; deductions: Deduction[] };

/**
 * Runs one rule and turns its deductions into a score: the maximum less
 * `deductionPerRecord` per offending record, never below zero (sheets score by deduction).
 */
export function runRule(
  rule: { id: RuleId; params?: Record<string, unknown> | undefined },
  maxScore: number,
  facts: AssessmentFacts,
  asOf: IsoDate,
): RuleResult {
  const definition = ruleDefinition(rule.id);
  const params = definition.params.parse(rule.params ?? {});
  const deductions = definition.evaluate(params, facts, asOf);
  const { deductionPerRecord } = params as { deductionPerRecord: number };
  const score = Math.max(0, maxScore - deductions.length * deductionPerRecord);
  return { score, deductions };
}
