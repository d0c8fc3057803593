import { z } from "zod";
import type { AssessmentView } from "./assessment.ts";
import { IndicatorLevel } from "./indicator-level.ts";
import { isOverdue, type RectificationTask } from "./rectification.ts";

const count = z.number().int();
export const TaskCounts = z.object({
  total: count,
  open: count,
  overdue: count,
  reopened: count,
  verified: count,
});
export type TaskCounts = z.infer<typeof TaskCounts>;

export const RankingRow = z.object({
  rank: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  assessmentId: z.string(),
  total: z.number(),
  maxTotal: z.number(),
  /** The score before rectification, when tasks were issued. */
  baselineTotal: z.number().nullable(),
  /** Share of the maximum, in percent with one decimal: comparable across sheets of one level. */
  rate: z.number(),
  tasks: TaskCounts,
});
export type RankingRow = z.infer<typeof RankingRow>;

export function taskCounts(tasks: readonly RectificationTask[], today: string): TaskCounts {
  return {
    total: tasks.length,
    open: tasks.filter((t) => t.state !== "verified").length,
    overdue: tasks.filter((t) => isOverdue(t, today)).length,
    // Reopened counts tasks ever sent back, so a later fix does not hide the first rejection.
    reopened: tasks.filter((t) => t.verifications.some((v) => !v.accepted)).length,
    verified: tasks.filter((t) => t.state === "verified").length,
  };
}

/**
 * Units of one level and year by score, highest first. Equal scores share a rank and the
 * next rank is skipped (1, 1, 3), as league tables in circulars do; ties list by unit code.
 */
export function rankAssessments(
  assessments: readonly AssessmentView[],
  unitNames: ReadonlyMap<string, string>,
  tasks: readonly RectificationTask[],
  today: string,
): RankingRow[] {
  const sorted = [...assessments].sort((a, b) => b.total - a.total || a.unitCode.localeCompare(b.unitCode));
  let previous: { total: number; rank: number } | undefined;
  return sorted.map((a, i) => {
    const rank = previous && previous.total === a.total ? previous.rank : i + 1;
    previous = { total: a.total, rank };
    return {
      rank,
      unitCode: a.unitCode,
      unitName: unitNames.get(a.unitCode) ?? a.unitCode,
      assessmentId: a.id,
      total: a.total,
      maxTotal: a.maxTotal,
      baselineTotal: a.baselineTotal,
      rate: a.maxTotal > 0 ? Math.round((a.total / a.maxTotal) * 1000) / 10 : 0,
      tasks: taskCounts(
        tasks.filter((t) => t.assessmentId === a.id),
        today,
      ),
    };
  });
}

export type LevelRanking = { level: IndicatorLevel; rows: RankingRow[] };

/** The rankings as the office reads them: each level under its Chinese name. */
export const Rankings = z.object({
  year: z.number().int(),
  levels: z.array(z.object({ level: IndicatorLevel, name: z.string(), items: z.array(RankingRow) })),
});
export type Rankings = z.infer<typeof Rankings>;
