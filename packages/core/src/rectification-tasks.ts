import {
  type CreateTaskInput,
  canSeeUnit,
  completeTask,
  fail,
  type GenerateTasksInput,
  hasRole,
  manualTask,
  type OwedNotice,
  owedNotice,
  type ProgressInput,
  planned,
  type RectificationTask,
  rectificationNotice,
  reportProgress,
  resolveTargets,
  type TaskState,
  type TaskView,
  tasksFromAssessment,
  taskView,
  type UpdateTaskInput,
  updateTask,
  type VerifyInput,
  verifyTask,
  withBaseline,
} from "@gov/domain";
import { newId, type Page, type Principal } from "@gov/store";
import { getAssessment } from "./assessments.ts";
import { auditOf } from "./audit.ts";
import { checkDates, nowIso, todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { settleSoon } from "./owed-notices.ts";
import { checkVersion } from "./version.ts";
import { alsoWritten, type CreateOptions } from "./writes.ts";

type Versioned = { id: string; expectedVersion?: number | undefined };

/**
 * One task per indicator that lost points (or per group the office names), each with the
 * deductions to fix; the assessment's scores are frozen as "before" in the same transaction.
 */
export async function issueTasksFromAssessment(
  deps: Deps,
  actor: Principal,
  input: GenerateTasksInput & { assessmentId: string; expectedVersion?: number | undefined },
  options: CreateOptions<TaskView[]> = {},
): Promise<TaskView[]> {
  const { store } = deps;
  const { assessmentId, expectedVersion, notify, ...generate } = input;
  checkDates(deps, [planned("deadline", generate.deadline)]);
  const { assessment, system } = await getAssessment(deps, actor, { id: assessmentId, expectedVersion });
  const now = nowIso(deps);
  const tasks = tasksFromAssessment(assessment, system, generate, () => newId("rectificationTask"), now);
  const next = withBaseline(assessment, now);
  const today = todayOf(deps);
  const views = tasks.map((task) => taskView(task, today));
  const owed = notify ? await owedTaskNotice(deps, actor, assessment.id, tasks, now) : null;
  await store.rectificationTasks.createMany(
    tasks.map((task) => ({ task, audit: auditOf("rectification-task", task, "create", actor) })),
    [
      ...store.assessments.updateWrites(next, assessment, auditOf("assessment", next, "issue-tasks", actor)),
      ...(owed ? [store.owedNotices.createWrite(owed)] : []),
      ...alsoWritten(options, views),
    ],
  );
  if (owed) await settleSoon(deps, owed);
  return views;
}

/**
 * The unit's 督办通知, promised in the tasks' own transaction and issued right after (ADR
 * 0046). Its targets are resolved now, so a notice that could not be issued is refused
 * before anything is written rather than owed for ever.
 */
async function owedTaskNotice(
  deps: Deps,
  actor: Principal,
  assessmentId: string,
  tasks: RectificationTask[],
  now: string,
): Promise<OwedNotice> {
  const units = await deps.store.units.list();
  const notice = rectificationNotice(tasks, units.find((u) => u.code === tasks[0]?.unitCode)?.name ?? "");
  resolveTargets(notice.targets, units);
  return owedNotice({ kind: "rectification-tasks", id: assessmentId }, notice, actor, now);
}

/** A task the office issues by hand; tied to an assessment, it carries that indicator's deductions. */
export async function issueTask(
  deps: Deps,
  actor: Principal,
  input: CreateTaskInput,
  options: CreateOptions<TaskView> = {},
): Promise<TaskView> {
  const { store } = deps;
  checkDates(deps, [planned("deadline", input.deadline)]);
  if (!(await store.units.get(input.unitCode))) {
    fail("unprocessable", "单位不存在", [{ path: "unitCode", message: "单位不存在" }]);
  }
  const task = manualTask(
    input,
    await assessmentOfTask(deps, input.assessmentId),
    newId("rectificationTask"),
    nowIso(deps),
  );
  const view = taskView(task, todayOf(deps));
  await store.rectificationTasks.create(
    task,
    auditOf("rectification-task", task, "create", actor),
    alsoWritten(options, view),
  );
  return view;
}

async function assessmentOfTask(deps: Deps, assessmentId: string | undefined) {
  if (!assessmentId) return { assessment: null, system: null };
  const assessment =
    (await deps.store.assessments.get(assessmentId)) ??
    fail("unprocessable", "考评不存在", [{ path: "assessmentId", message: "考评不存在" }]);
  return {
    assessment,
    system: (await deps.store.indicatorSystems.get(assessment.indicatorSystemId)) ?? null,
  };
}

/**
 * Tasks by deadline, earliest first; `overdue` lists those past their deadline today and still
 * with the unit (督办). The office lists any unit's; a unit its own, whichever it names.
 */
export async function listTasks(
  deps: Deps,
  actor: Principal,
  input: {
    unit?: string | undefined;
    state?: TaskState | undefined;
    overdue?: boolean | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<Page<TaskView>> {
  const { limit, cursor, ...filter } = input;
  const unit = hasRole(actor, "office") ? filter.unit : actor.unitCode;
  const today = todayOf(deps);
  const page = await deps.store.rectificationTasks.list({ ...filter, unit, today }, { limit, cursor });
  return { items: page.items.map((task) => taskView(task, today)), nextCursor: page.nextCursor };
}

/** The task as the actor may see it: another unit's is not found (404, never 403). */
async function visibleTask(deps: Deps, actor: Principal, input: Versioned): Promise<RectificationTask> {
  const task = await deps.store.rectificationTasks.get(input.id);
  if (!task || !canSeeUnit(actor, task.unitCode)) return fail("not-found", "整改任务不存在");
  checkVersion(task.version, input.expectedVersion);
  return task;
}

export async function getTask(deps: Deps, actor: Principal, input: Versioned): Promise<TaskView> {
  return taskView(await visibleTask(deps, actor, input), todayOf(deps));
}

/** Applies one step to the task as the actor sees it and writes it with its audit entry. */
async function changeTask(
  deps: Deps,
  actor: Principal,
  input: Versioned,
  action: string,
  step: (task: RectificationTask, now: string) => RectificationTask | Promise<RectificationTask>,
  note?: string,
): Promise<TaskView> {
  const task = await visibleTask(deps, actor, input);
  const next = await step(task, nowIso(deps));
  await deps.store.rectificationTasks.update(
    next,
    task,
    auditOf("rectification-task", next, action, actor, note),
  );
  return taskView(next, todayOf(deps));
}

/** The office moves the deadline (never into the past) or rewrites the measures. */
export async function editTask(
  deps: Deps,
  actor: Principal,
  input: Versioned & { changes: UpdateTaskInput },
): Promise<TaskView> {
  checkDates(deps, [planned("deadline", input.changes.deadline)]);
  return changeTask(deps, actor, input, "edit", (task, now) => updateTask(task, input.changes, now));
}

/** The unit reports progress; its evidence must be items the public can open. */
export async function reportTaskProgress(
  deps: Deps,
  actor: Principal,
  input: Versioned & ProgressInput,
): Promise<TaskView> {
  return changeTask(
    deps,
    actor,
    input,
    "progress",
    async (task, now) => {
      await checkEvidence(deps, input.evidenceItemIds ?? []);
      return reportProgress(task, input, actor.unitCode, now);
    },
    input.note,
  );
}

/** Evidence must be something the public can open: a published item. */
async function checkEvidence(deps: Deps, ids: string[]): Promise<void> {
  const found = await deps.store.items.getMany(ids);
  const issues = ids.flatMap((id, i) =>
    found.get(id)?.state === "published"
      ? []
      : [{ path: `evidenceItemIds.${i}`, message: "该信息不存在或未发布" }],
  );
  if (issues.length) fail("unprocessable", "佐证须为已发布的信息", issues);
}

/** The unit reports the task done and hands it to the office to verify. */
export async function submitTaskCompletion(
  deps: Deps,
  actor: Principal,
  input: Versioned & { note?: string | undefined },
): Promise<TaskView> {
  return changeTask(
    deps,
    actor,
    input,
    "complete",
    (task, now) => completeTask(task, input.note, actor.unitCode, now),
    input.note,
  );
}

/** The office accepts the rectification, or reopens the task with its reason. */
export async function verifyTaskCompletion(
  deps: Deps,
  actor: Principal,
  input: Versioned & VerifyInput,
): Promise<TaskView> {
  const { accepted, note } = input;
  return changeTask(
    deps,
    actor,
    input,
    accepted ? "verify" : "reopen",
    (task, now) => verifyTask(task, { accepted, note }, actor.unitCode, now),
    note,
  );
}
