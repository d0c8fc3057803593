import { z } from "zod";
import type { IsoDate } from "../date.ts";
import { decimalStep } from "../number.ts";
import type { Deduction } from "./deduction.ts";
import type { AssessmentFacts, FactNeed } from "./facts.ts";

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

export type RuleDefinition<P = { deductionPerRecord: number }> = {
  id: RuleId;
  name: string;
  params: z.ZodType<P, unknown>;
  /** Facts read only for sheets that use the rule, so item-only sheets cost no more reads. */
  needs?: readonly FactNeed[];
  evaluate: (params: P, facts: AssessmentFacts, asOf: IsoDate) => Deduction[];
};

export const deductionPerRecord = decimalStep(0.5, "须为0.5的整数倍").positive().max(100).default(1);

/** The parameters of a rule that only counts offending records. */
export const simple = z.strictObject({ deductionPerRecord });
