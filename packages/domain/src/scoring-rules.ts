import { z } from "zod";
import { findColumn } from "./column.ts";
import { type IsoDate, shanghaiDate, yearOf } from "./date.ts";
import { fail } from "./error.ts";
import type { Item } from "./item.ts";
import { validityNames } from "./normative.ts";

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

/** What the rules read of a published item. */
export type ItemFact = Pick<
  Item,
  | "id"
  | "kind"
  | "title"
  | "unitCode"
  | "columnId"
  | "indexNumber"
  | "generatedOn"
  | "publishedAt"
  | "firstPublishedAt"
  | "docNumber"
  | "effectiveOn"
  | "validity"
  | "validityHistory"
  | "timeliness"
  | "interprets"
  | "disclosureMethod"
>;
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
] as const satisfies readonly (keyof ItemFact)[];

/** The platform's own data about one unit, as of the assessment's day. */
export type AssessmentFacts = {
  unitCode: string;
  year: number;
  /** The unit's published items, first published on or before the assessment's day. */
  items: ItemFact[];
  /** Every published interpretation of the city: another unit may interpret a unit's document. */
  interpretations: ItemFact[];
};

const deductionPerRecord = z.number().multipleOf(0.5, "须为0.5的整数倍").positive().max(100).default(1);
const columnIds = z.array(z.string().refine((id) => findColumn(id) !== undefined, "栏目不存在")).max(100);

export type RuleDefinition<P = { deductionPerRecord: number }> = {
  id: RuleId;
  name: string;
  params: z.ZodType<P, unknown>;
  /** Absent while the data the rule needs is not on the platform yet. */
  evaluate?: (params: P, facts: AssessmentFacts, asOf: IsoDate) => Deduction[];
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

const DAY_MS = 86_400_000;
const daysBetween = (from: IsoDate, to: IsoDate) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

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

/** Declared so sheets can name them; they score nothing until their data is on the platform. */
const awaitingData = (id: RuleId, name: string): RuleDefinition => ({ id, name, params: simple });

/** A rule with its parameter type erased: its own schema parses what its evaluation receives. */
type StoredRule = {
  id: RuleId;
  name: string;
  params: z.ZodType<unknown, unknown>;
  evaluate?: (params: unknown, facts: AssessmentFacts, asOf: IsoDate) => Deduction[];
};

function stored<P>(rule: RuleDefinition<P>): StoredRule {
  const { evaluate } = rule;
  return {
    id: rule.id,
    name: rule.name,
    params: rule.params,
    ...(evaluate ? { evaluate: (params: unknown, facts, asOf) => evaluate(params as P, facts, asOf) } : {}),
  };
}

const definitions: Record<RuleId, StoredRule> = {
  "proactive-timeliness": stored(proactiveTimeliness),
  "normative-completeness": stored(normativeCompleteness),
  "interpretation-timeliness": stored(interpretationTimeliness),
  "budget-timeliness": stored(budgetTimeliness),
  "column-freshness": stored(columnFreshness),
  "empty-columns": stored(emptyColumns),
  "applications-on-time": stored(awaitingData("applications-on-time", "依申请公开按时答复")),
  "correction-notice-timeliness": stored(
    awaitingData("correction-notice-timeliness", "补正告知在7个工作日内"),
  ),
  "mailbox-reply-rate": stored(awaitingData("mailbox-reply-rate", "信箱回复率")),
  "letters-unanswered": stored(awaitingData("letters-unanswered", "超过3个月未回复的来信")),
  "annual-report-on-time": stored(awaitingData("annual-report-on-time", "年度报告按时发布且数据一致")),
};

export function ruleDefinition(id: RuleId): StoredRule {
  return definitions[id];
}

/** The rules a sheet may name, with whether they can score now. */
export function ruleCatalogue() {
  return RuleId.options.map((id) => ({
    id,
    name: definitions[id].name,
    available: definitions[id].evaluate !== undefined,
  }));
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
  if (!definition.evaluate) return fail("unprocessable", `该规则所需数据尚未接入：${rule.id}`);
  const params = definition.params.parse(rule.params ?? {});
  const deductions = definition.evaluate(params, facts, asOf);
  const { deductionPerRecord } = params as { deductionPerRecord: number };
  const score = Math.max(0, maxScore - deductions.length * deductionPerRecord);
  return { score, deductions };
}
