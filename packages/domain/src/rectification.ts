import { z } from "zod";
import { type Assessment, lostIndicators } from "./assessment.ts";
import { IsoDate, shanghaiDate } from "./date.ts";
import { type FieldIssue, fail } from "./error.ts";
import { idSchema } from "./id.ts";
import type { IndicatorSystem } from "./indicator.ts";
import { ItemId, text } from "./item-kind.ts";
import type { IssueNoticeInput } from "./notice.ts";
import { Deduction } from "./scoring/deduction.ts";
import { UnitCode } from "./unit.ts";

export const RectificationTaskId = idSchema("rectificationTask");

/** open → in-progress → submitted → verified; a rejected submission is reopened with the reason. */
export const TaskState = z.enum(["open", "in-progress", "submitted", "verified", "reopened"]);
export type TaskState = z.infer<typeof TaskState>;

export const taskStateNames: Record<TaskState, string> = {
  open: "待整改",
  "in-progress": "整改中",
  submitted: "待核验",
  verified: "已核验",
  reopened: "退回重改",
};

const measures = text(2000);

export const CreateTaskInput = z.strictObject({
  unitCode: UnitCode,
  indicatorCode: z.string().min(1).max(30),
  problem: text(4000),
  measures,
  deadline: IsoDate,
  assessmentId: idSchema("assessment").optional(),
});
export type CreateTaskInput = z.infer<typeof CreateTaskInput>;

/** Tasks from an assessment's lost points: one per indicator, or grouped as the office says. */
export const GenerateTasksInput = z.strictObject({
  deadline: IsoDate,
  /** Also send the unit a 督办通知 listing its tasks (ADR 0046). */
  notify: z.boolean().optional(),
  measures: measures.optional(),
  groups: z
    .array(
      z.strictObject({
        indicatorCodes: z.array(z.string().min(1).max(30)).min(1).max(50),
        problem: text(4000).optional(),
        measures: measures.optional(),
      }),
    )
    .max(50)
    .optional(),
});
export type GenerateTasksInput = z.infer<typeof GenerateTasksInput>;

export const ProgressInput = z.strictObject({
  percent: z.number().int().min(0).max(100),
  note: text(2000),
  /** Published items that show the fix (the corrected document, the new column entry). */
  evidenceItemIds: z.array(ItemId).max(20).optional(),
});
export type ProgressInput = z.infer<typeof ProgressInput>;

export const CompleteInput = z.strictObject({ note: text(2000).optional() });
export const VerifyInput = z.strictObject({ accepted: z.boolean(), note: text(2000) });
export type VerifyInput = z.infer<typeof VerifyInput>;
export const UpdateTaskInput = z
  .strictObject({ deadline: IsoDate, measures })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "至少修改一个字段");
export type UpdateTaskInput = z.infer<typeof UpdateTaskInput>;

const ProgressReport = z.object({
  percent: z.number().int(),
  note: z.string(),
  evidenceItemIds: z.array(z.string()),
  at: z.string(),
  by: UnitCode,
});
const Verification = z.object({ accepted: z.boolean(), note: z.string(), at: z.string(), by: UnitCode });

export const RectificationTask = z.object({
  id: RectificationTaskId,
  unitCode: UnitCode,
  indicatorCode: z.string(),
  /** Every indicator the task covers (the first is `indicatorCode`) when the office grouped them. */
  indicatorCodes: z.array(z.string()),
  assessmentId: z.string().nullable(),
  year: z.number().int().nullable(),
  problem: z.string(),
  measures: z.string(),
  /** The records that lost the points, so the unit sees exactly what to fix. */
  deductions: z.array(Deduction),
  lostPoints: z.number().nullable(),
  deadline: IsoDate,
  state: TaskState,
  percent: z.number().int(),
  progress: z.array(ProgressReport),
  reopenReason: z.string().nullable(),
  verifications: z.array(Verification),
  submittedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RectificationTask = z.infer<typeof RectificationTask>;

const today = (now: string) => shanghaiDate(new Date(now));

function checkDeadline(deadline: string, now: string, path = "deadline"): void {
  // A deadline in the past would make the task overdue the moment it is issued.
  if (deadline < today(now))
    fail("unprocessable", "整改期限不能早于今天", [{ path, message: `不能早于${today(now)}` }]);
}

type TaskSeed = Pick<
  RectificationTask,
  | "unitCode"
  | "indicatorCode"
  | "indicatorCodes"
  | "assessmentId"
  | "year"
  | "problem"
  | "measures"
  | "deductions"
  | "lostPoints"
  | "deadline"
>;

function newTask(seed: TaskSeed, id: string, now: string): RectificationTask {
  return {
    id,
    ...seed,
    state: "open",
    percent: 0,
    progress: [],
    reopenReason: null,
    verifications: [],
    submittedAt: null,
    verifiedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** A task the office issues by hand (from an inspection, a complaint, a notice from above). */
export function manualTask(
  input: CreateTaskInput,
  context: { assessment: Assessment | null; system: IndicatorSystem | null },
  id: string,
  now: string,
): RectificationTask {
  checkDeadline(input.deadline, now);
  const { assessment, system } = context;
  if (assessment && assessment.unitCode !== input.unitCode) {
    fail("unprocessable", "整改单位与考评对象不一致", [
      { path: "unitCode", message: `考评对象为${assessment.unitCode}` },
    ]);
  }
  if (system && !system.indicators.some((i) => i.code === input.indicatorCode)) {
    fail("unprocessable", "指标体系中没有该指标", [
      { path: "indicatorCode", message: "指标体系中没有该指标" },
    ]);
  }
  const score = assessment?.scores.find((s) => s.indicatorCode === input.indicatorCode);
  return newTask(
    {
      unitCode: input.unitCode,
      indicatorCode: input.indicatorCode,
      indicatorCodes: [input.indicatorCode],
      assessmentId: assessment?.id ?? null,
      year: assessment?.year ?? null,
      problem: input.problem,
      measures: input.measures,
      deductions: score?.deductions ?? [],
      lostPoints: score ? score.maxScore - score.score : null,
      deadline: input.deadline,
    },
    id,
    now,
  );
}

const defaultMeasures =
  "对照扣分原因逐项整改：补齐缺失要素、补发或更新相关信息，并将整改后发布的信息作为佐证上报。";

/** What went wrong, in the sheet's words and the records' own. */
function describeLoss(name: string, lost: number, deductions: Deduction[], note: string | undefined): string {
  const records = deductions.slice(0, 20).map((d) => `${d.title ?? d.recordId}：${d.reason}`);
  const more = deductions.length > 20 ? [`等共${deductions.length}条`] : [];
  return [`“${name}”失${lost}分。`, ...(note ? [note] : []), ...records, ...more].join("\n");
}

/**
 * One task per indicator that lost points, or one per group the office names (each code in
 * at most one group, and only indicators that lost points). Ids come from the caller.
 */
export function tasksFromAssessment(
  assessment: Assessment,
  system: IndicatorSystem,
  input: GenerateTasksInput,
  newId: () => string,
  now: string,
): RectificationTask[] {
  checkDeadline(input.deadline, now);
  // The first issue freezes the "before" scores; a second one would compare against itself.
  if (assessment.baseline) fail("conflict", "该考评已下达整改任务；补充任务请单独下达");
  const lost = lostIndicators(assessment, system);
  if (lost.length === 0) fail("conflict", "该考评没有失分指标，无需整改");
  const byCode = new Map(lost.map((l) => [l.indicator.code, l]));
  const issues: FieldIssue[] = [];
  const grouped = new Set<string>();
  for (const [g, group] of (input.groups ?? []).entries()) {
    for (const [i, code] of group.indicatorCodes.entries()) {
      const path = `groups.${g}.indicatorCodes.${i}`;
      if (!byCode.has(code)) issues.push({ path, message: "该指标没有失分" });
      else if (grouped.has(code)) issues.push({ path, message: "一个指标只能归入一个分组" });
      grouped.add(code);
    }
  }
  if (issues.length) fail("unprocessable", "整改分组不符合考评结果", issues);

  const groups = [
    ...(input.groups ?? []),
    ...lost
      .filter((l) => !grouped.has(l.indicator.code))
      .map((l) => ({ indicatorCodes: [l.indicator.code] })),
  ] as { indicatorCodes: string[]; problem?: string; measures?: string }[];
  return groups.map((group) => {
    const parts = group.indicatorCodes.map((code) => byCode.get(code) as (typeof lost)[number]);
    const [first] = parts as [(typeof lost)[number]];
    return newTask(
      {
        unitCode: assessment.unitCode,
        indicatorCode: first.indicator.code,
        indicatorCodes: group.indicatorCodes,
        assessmentId: assessment.id,
        year: assessment.year,
        problem:
          group.problem ??
          parts
            .map((p) => describeLoss(p.indicator.name, p.lost, p.score.deductions, p.score.note))
            .join("\n\n"),
        measures: group.measures ?? input.measures ?? defaultMeasures,
        deductions: parts.flatMap((p) => p.score.deductions),
        lostPoints: parts.reduce((s, p) => s + p.lost, 0),
        deadline: input.deadline,
      },
      newId(),
      now,
    );
  });
}

const bump = (task: RectificationTask, now: string) => ({ version: task.version + 1, updatedAt: now });

function requireState(task: RectificationTask, allowed: TaskState[], action: string): void {
  if (!allowed.includes(task.state))
    fail("conflict", `任务当前为“${taskStateNames[task.state]}”，不能${action}`);
}

/** A progress report moves the task into progress; the percentage never goes back. */
export function reportProgress(
  task: RectificationTask,
  input: ProgressInput,
  by: string,
  now: string,
): RectificationTask {
  requireState(task, ["open", "in-progress", "reopened"], "报告进展");
  if (input.percent < task.percent && task.state !== "reopened") {
    fail("unprocessable", `完成比例不能低于上次报告的${task.percent}%`, [
      { path: "percent", message: `不能低于${task.percent}` },
    ]);
  }
  const report = {
    percent: input.percent,
    note: input.note,
    evidenceItemIds: input.evidenceItemIds ?? [],
    at: now,
    by,
  };
  return {
    ...task,
    state: "in-progress",
    percent: input.percent,
    progress: [...task.progress, report],
    ...bump(task, now),
  };
}

/** The unit reports the task done; the office verifies it. */
export function completeTask(
  task: RectificationTask,
  note: string | undefined,
  by: string,
  now: string,
): RectificationTask {
  requireState(task, ["open", "in-progress", "reopened"], "提交核验");
  const report = { percent: 100, note: note ?? "整改完成，提请核验", evidenceItemIds: [], at: now, by };
  return {
    ...task,
    state: "submitted",
    percent: 100,
    progress: [...task.progress, report],
    submittedAt: now,
    ...bump(task, now),
  };
}

/** Accepted: verified. Rejected: reopened with the office's reason, for the unit to fix again. */
export function verifyTask(
  task: RectificationTask,
  input: VerifyInput,
  by: string,
  now: string,
): RectificationTask {
  requireState(task, ["submitted"], "核验");
  const verifications = [...task.verifications, { ...input, at: now, by }];
  return input.accepted
    ? { ...task, state: "verified", verifications, verifiedAt: now, reopenReason: null, ...bump(task, now) }
    : { ...task, state: "reopened", verifications, reopenReason: input.note, ...bump(task, now) };
}

export function updateTask(task: RectificationTask, input: UpdateTaskInput, now: string): RectificationTask {
  requireState(task, ["open", "in-progress", "reopened", "submitted"], "修改");
  if (input.deadline) checkDeadline(input.deadline, now);
  const { deadline = task.deadline, measures = task.measures } = input;
  return { ...task, deadline, measures, ...bump(task, now) };
}

/** Overdue (督办): past its deadline and still with the unit. A submitted task waits on the office. */
export function isOverdue(task: Pick<RectificationTask, "state" | "deadline">, today: string): boolean {
  return (
    (task.state === "open" || task.state === "in-progress" || task.state === "reopened") &&
    task.deadline < today
  );
}

export const openStates: TaskState[] = ["open", "in-progress", "reopened"];

/**
 * A task as every reader is shown it: with whether it is overdue today. Today is the caller's
 * clock, so the flag and the overdue filter of a list always agree.
 */
export const TaskView = RectificationTask.extend({ overdue: z.boolean() });
export type TaskView = z.infer<typeof TaskView>;

export function taskView(task: RectificationTask, today: string): TaskView {
  return { ...task, overdue: isOverdue(task, today) };
}

/** Working days the unit has to acknowledge a rectification notice (it has until each task's deadline to fix). */
export const rectificationReceiptWorkingDays = 3;

/**
 * The 督办通知 telling a unit of the tasks issued from its lost points: one line a task (the
 * loss as the sheet words it and the measures, cut short: the task itself holds the records),
 * to that unit only, with a receipt within three working days.
 */
export function rectificationNotice(tasks: readonly RectificationTask[], unitName: string): IssueNoticeInput {
  const [first] = tasks;
  if (!first) return fail("conflict", "没有整改任务，无需通知");
  const year = first.year === null ? "" : `${first.year}年度`;
  const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}……` : text);
  // At most 40 lines of at most ~520 characters: the body stays far inside a notice's 64 KiB.
  const listed = tasks.slice(0, 40);
  const lines = listed.map(
    (t, i) =>
      `${i + 1}. ${cut(t.problem.split("\n")[0] ?? "", 200)}整改期限：${t.deadline}。整改措施：${cut(t.measures, 300)}`,
  );
  if (tasks.length > listed.length) lines.push(`等共${tasks.length}项，详见平台整改任务。`);
  return {
    kind: "supervision",
    title: `关于${year}政务公开考评失分事项整改的督办通知`,
    body: [
      `${unitName}：`,
      `根据${year}政务公开考评结果，你单位有以下${tasks.length}项失分事项须按期整改，整改进展和佐证请在平台整改任务中报送：`,
      lines.join("\n"),
    ].join("\n\n"),
    targets: { scope: "units", unitCodes: [first.unitCode] },
    receipt: { required: true, workingDays: rectificationReceiptWorkingDays },
  };
}
