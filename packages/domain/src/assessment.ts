import { z } from "zod";
import { IsoDate } from "./date.ts";
import { type FieldIssue, fail } from "./error.ts";
import { idSchema } from "./id.ts";
import { findIndicator, type IndicatorSystem, IndicatorSystemId } from "./indicator.ts";
import { IndicatorLevel } from "./indicator-level.ts";
import { text } from "./item-kind.ts";
import { decimalStep } from "./number.ts";
import { Deduction } from "./scoring/deduction.ts";
import type { AssessmentFacts } from "./scoring/facts.ts";
import { factsNeeded, runRule } from "./scoring/registry.ts";
import { RuleId } from "./scoring/rule.ts";
import { UnitCode } from "./unit.ts";

export const AssessmentId = idSchema("assessment");

export const CreateAssessmentInput = z.strictObject({
  indicatorSystemId: IndicatorSystemId,
  unitCode: UnitCode,
  /** The evaluator: the third-party company or the office's own panel. */
  assessor: text(100),
  /**
   * The day the platform's data is judged as of (column freshness counts to it). Defaults to
   * the end of the system's year, or today if that is earlier.
   */
  asOf: IsoDate.optional(),
});
export type CreateAssessmentInput = z.infer<typeof CreateAssessmentInput>;

export const ScoreInput = z.strictObject({
  indicatorCode: z.string().min(1).max(30),
  score: decimalStep(0.5, "分值须为0.5的整数倍"),
  note: text(1000).optional(),
  /** Where the evaluator saw it: links, 索引号, screenshots' addresses. */
  evidence: z.array(text(500)).max(20).optional(),
});
export const ScoresInput = z.strictObject({ scores: z.array(ScoreInput).min(1).max(200) });
export type ScoresInput = z.infer<typeof ScoresInput>;

export const IndicatorScore = z.object({
  indicatorCode: z.string(),
  score: z.number(),
  maxScore: z.number(),
  source: z.enum(["manual", "auto"]),
  note: z.string().optional(),
  evidence: z.array(z.string()).optional(),
  deductions: z.array(Deduction),
  /** Automatic scores: the day the platform's data was judged as of. */
  asOf: IsoDate.optional(),
  scoredAt: z.string(),
  scoredBy: UnitCode,
});
export type IndicatorScore = z.infer<typeof IndicatorScore>;

export const Assessment = z.object({
  id: AssessmentId,
  indicatorSystemId: IndicatorSystemId,
  unitCode: UnitCode,
  assessor: z.string(),
  year: z.number().int(),
  level: IndicatorLevel,
  asOf: IsoDate,
  /** The current score of each indicator scored so far. */
  scores: z.array(IndicatorScore),
  /**
   * The scores when rectification tasks were issued: "before". Re-scoring after the tasks are
   * verified changes `scores` only, so the assessment shows before and after.
   */
  baseline: z
    .object({ at: z.string(), scores: z.array(z.object({ indicatorCode: z.string(), score: z.number() })) })
    .nullable(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Assessment = z.infer<typeof Assessment>;

export function newAssessment(
  input: CreateAssessmentInput,
  system: IndicatorSystem,
  id: string,
  now: string,
  today: string,
): Assessment {
  const yearEnd = `${system.year}-12-31`;
  return {
    id,
    indicatorSystemId: system.id,
    unitCode: input.unitCode,
    assessor: input.assessor,
    year: system.year,
    level: system.level,
    asOf: input.asOf ?? (today < yearEnd ? today : yearEnd),
    scores: [],
    baseline: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

function withScores(assessment: Assessment, scores: IndicatorScore[], now: string): Assessment {
  const byCode = new Map(assessment.scores.map((s) => [s.indicatorCode, s]));
  for (const score of scores) byCode.set(score.indicatorCode, score);
  return { ...assessment, scores: [...byCode.values()], version: assessment.version + 1, updatedAt: now };
}

/** Manual scores: each names an indicator of the system and stays within 0..its maximum. */
export function scoreManually(
  assessment: Assessment,
  system: IndicatorSystem,
  input: ScoresInput,
  by: string,
  now: string,
): Assessment {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const scores = input.scores.map((s, i) => {
    const indicator = findIndicator(system, s.indicatorCode);
    if (!indicator) issues.push({ path: `scores.${i}.indicatorCode`, message: "指标体系中没有该指标" });
    else if (s.score < 0 || s.score > indicator.maxScore)
      issues.push({ path: `scores.${i}.score`, message: `得分须在0至${indicator.maxScore}之间` });
    if (seen.has(s.indicatorCode))
      issues.push({ path: `scores.${i}.indicatorCode`, message: "同一指标重复打分" });
    seen.add(s.indicatorCode);
    return {
      indicatorCode: s.indicatorCode,
      score: s.score,
      maxScore: indicator?.maxScore ?? 0,
      source: "manual" as const,
      ...(s.note ? { note: s.note } : {}),
      ...(s.evidence ? { evidence: s.evidence } : {}),
      deductions: [],
      scoredAt: now,
      scoredBy: by,
    };
  });
  if (issues.length) fail("unprocessable", "评分不符合指标体系", issues);
  return withScores(assessment, scores, now);
}

/**
 * The day an automatic score judges the data as of: the assessment's day the first time; once
 * tasks were issued, a re-score judges the rectified data as it is today. Either may be named.
 */
export const AutoScoreInput = z.strictObject({
  asOf: IsoDate.optional(),
  /** Why this round, e.g. 整改核验后复评; kept on each automatic score. */
  note: text(500).optional(),
});

export function autoScoreDay(assessment: Assessment, requested: string | undefined, today: string): string {
  return requested ?? (assessment.baseline ? today : assessment.asOf);
}

/** The facts beyond the unit's items that auto-scoring the sheet reads (none for item-only sheets). */
export function factsNeededBy(system: IndicatorSystem) {
  return factsNeeded(system.indicators.flatMap((indicator) => (indicator.rule ? [indicator.rule] : [])));
}

export const AutoScoreResult = z.object({
  indicatorCode: z.string(),
  score: z.number(),
  deductions: z.array(Deduction),
});
export type AutoScoreResult = z.infer<typeof AutoScoreResult>;

/** Every indicator with an automatic rule, scored from the platform's own data. */
export function autoScore(system: IndicatorSystem, facts: AssessmentFacts, asOf: string): AutoScoreResult[] {
  return system.indicators.flatMap((indicator) =>
    indicator.rule
      ? [
          {
            indicatorCode: indicator.code,
            ...runRule(indicator.rule, indicator.maxScore, { ...facts, level: system.level }, asOf),
          },
        ]
      : [],
  );
}

export function applyAutoScores(
  assessment: Assessment,
  system: IndicatorSystem,
  results: AutoScoreResult[],
  round: { asOf: string; note?: string | undefined },
  by: string,
  now: string,
): Assessment {
  const scores = results.map((r) => ({
    ...r,
    asOf: round.asOf,
    ...(round.note ? { note: round.note } : {}),
    maxScore: findIndicator(system, r.indicatorCode)?.maxScore ?? 0,
    source: "auto" as const,
    scoredAt: now,
    scoredBy: by,
  }));
  return withScores(assessment, scores, now);
}

/** Freezes the current scores as "before" (once: later rounds compare with the first). */
export function withBaseline(assessment: Assessment, now: string): Assessment {
  if (assessment.baseline) return assessment;
  return {
    ...assessment,
    baseline: {
      at: now,
      scores: assessment.scores.map(({ indicatorCode, score }) => ({ indicatorCode, score })),
    },
    version: assessment.version + 1,
    updatedAt: now,
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The assessment as the office reads it: each indicator with its score, its score before
 * rectification, and the points lost; totals before and after. An indicator not yet scored
 * counts nothing, and is listed as such.
 */
/** One indicator of the sheet as scored: null where it is not scored yet. */
export const ScoredIndicator = z.object({
  code: z.string(),
  name: z.string(),
  group: z.string().nullable(),
  maxScore: z.number(),
  deduction: z.string(),
  rule: RuleId.nullable(),
  score: z.number().nullable(),
  before: z.number().nullable(),
  lost: z.number().nullable(),
  source: IndicatorScore.shape.source.nullable(),
  note: z.string().nullable(),
  evidence: z.array(z.string()),
  deductions: z.array(Deduction),
});

export const AssessmentView = Assessment.extend({
  systemName: z.string(),
  total: z.number(),
  maxTotal: z.number(),
  baselineTotal: z.number().nullable(),
  scoredCount: z.number().int(),
  indicatorCount: z.number().int(),
  indicators: z.array(ScoredIndicator),
});
export type AssessmentView = z.infer<typeof AssessmentView>;

/** An automatic round's answer: the day judged as of, each rule's result, and the assessment. */
export const AutoScoredAssessment = AssessmentView.extend({
  scoredAsOf: IsoDate,
  results: z.array(AutoScoreResult),
});

export function assessmentView(assessment: Assessment, system: IndicatorSystem): AssessmentView {
  const current = new Map(assessment.scores.map((s) => [s.indicatorCode, s]));
  const before = new Map(assessment.baseline?.scores.map((s) => [s.indicatorCode, s.score]) ?? []);
  const indicators = system.indicators.map((indicator) => {
    const score = current.get(indicator.code);
    return {
      code: indicator.code,
      name: indicator.name,
      group: indicator.group ?? null,
      maxScore: indicator.maxScore,
      deduction: indicator.deduction,
      rule: indicator.rule?.id ?? null,
      score: score?.score ?? null,
      before: before.get(indicator.code) ?? null,
      lost: score ? indicator.maxScore - score.score : null,
      source: score?.source ?? null,
      note: score?.note ?? null,
      evidence: score?.evidence ?? [],
      deductions: score?.deductions ?? [],
    };
  });
  return {
    ...assessment,
    systemName: system.name,
    total: sum(assessment.scores.map((s) => s.score)),
    maxTotal: system.maxTotal,
    baselineTotal: assessment.baseline ? sum(assessment.baseline.scores.map((s) => s.score)) : null,
    scoredCount: assessment.scores.length,
    indicatorCount: system.indicators.length,
    indicators,
  };
}

/** The indicators that lost points, with what was lost and why. */
export function lostIndicators(assessment: Assessment, system: IndicatorSystem) {
  return assessment.scores.flatMap((s) => {
    const indicator = findIndicator(system, s.indicatorCode);
    return indicator && s.score < indicator.maxScore
      ? [{ indicator, score: s, lost: indicator.maxScore - s.score }]
      : [];
  });
}
