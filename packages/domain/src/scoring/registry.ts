import { z } from "zod";
import type { IsoDate } from "../date.ts";
import { annualReportOnTime } from "./annual-report.ts";
import { applicationsOnTime, correctionNoticeTimeliness } from "./applications.ts";
import { columnFreshness, emptyColumns } from "./columns.ts";
import type { Deduction } from "./deduction.ts";
import type { AssessmentFacts, FactNeed } from "./facts.ts";
import { lettersUnanswered, mailboxReplyRate } from "./mailbox.ts";
import {
  budgetTimeliness,
  interpretationTimeliness,
  normativeCompleteness,
  proactiveTimeliness,
} from "./proactive-disclosure.ts";
import { type RuleDefinition, RuleId } from "./rule.ts";

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
/** A rule as an indicator may cite it: its id and its Chinese name. */
export const ScoringRule = z.object({ id: RuleId, name: z.string() });
export type ScoringRule = z.infer<typeof ScoringRule>;

export function ruleCatalogue(): ScoringRule[] {
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
