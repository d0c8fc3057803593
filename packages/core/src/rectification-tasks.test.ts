import { CreateItemInput, type TaskView } from "@gov/domain";
import type { Principal } from "@gov/store";
import { publishedItem } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createAssessment, getAssessment, scoreAssessment } from "./assessments.ts";
import { draftItem } from "./items.ts";
import {
  issueTasksFromAssessment,
  listTasks,
  reportTaskProgress,
  submitTaskCompletion,
  verifyTaskCompletion,
} from "./rectification-tasks.ts";
import { departmentSheet, dept, office, otherDept, supervisionDeps } from "./test-supervision.ts";

let t: Awaited<ReturnType<typeof supervisionDeps>>;
let assessmentId: string;
let tasks: TaskView[];

beforeAll(async () => {
  t = await supervisionDeps(new Date("2019-12-20T02:00:00.000Z"));
  const indicator = (code: string, maxScore: number) => ({
    code,
    name: `指标${code}`,
    maxScore,
    deduction: "酌情扣分",
  });
  const system = await departmentSheet(t.deps, [indicator("1", 10), indicator("2", 10), indicator("3", 6)]);
  const { assessment } = await createAssessment(t.deps, office, {
    indicatorSystemId: system.id,
    unitCode: dept.unitCode,
    assessor: "第三方评估机构",
  });
  assessmentId = assessment.id;
  await scoreAssessment(t.deps, office, {
    id: assessmentId,
    scores: [
      { indicatorCode: "1", score: 8, note: "意见反馈未公开1项" },
      { indicatorCode: "2", score: 10 },
      { indicatorCode: "3", score: 3 },
    ],
  });
});

describe("rectification tasks", () => {
  it("issuing from lost points: one task per indicator that lost points, and the scores before frozen with them, once", async () => {
    tasks = await issueTasksFromAssessment(t.deps, office, { assessmentId, deadline: "2020-01-06" });
    expect(tasks.map((x) => [x.indicatorCode, x.lostPoints, x.unitCode, x.state])).toEqual([
      ["1", 2, dept.unitCode, "open"],
      ["3", 3, dept.unitCode, "open"],
    ]);
    expect(tasks[0]?.problem).toContain("意见反馈未公开1项");
    const { assessment } = await getAssessment(t.deps, office, { id: assessmentId });
    expect(assessment.baseline?.scores).toEqual([
      { indicatorCode: "1", score: 8 },
      { indicatorCode: "2", score: 10 },
      { indicatorCode: "3", score: 3 },
    ]);
    await expect(
      issueTasksFromAssessment(t.deps, office, { assessmentId, deadline: "2020-01-06" }),
    ).rejects.toMatchObject({ kind: "conflict" });
  });

  it("another unit reporting progress on a unit's task finds nothing (not-found, never forbidden)", async () => {
    const task = tasks[0] as TaskView;
    const report = { id: task.id, percent: 50, note: "已补发意见反馈" };
    await expect(reportTaskProgress(t.deps, otherDept, report)).rejects.toMatchObject({ kind: "not-found" });
    const next = await reportTaskProgress(t.deps, dept, report);
    expect(next).toMatchObject({ state: "in-progress", percent: 50, version: 2 });
  });

  it("progress evidence must be published: a draft is refused with its path", async () => {
    const draft = await draftItem(
      t.deps,
      dept,
      CreateItemInput.parse({
        kind: "general",
        title: "意见反馈情况",
        columnId: "decision-feedback",
        body: "<p>正文</p>",
        generatedOn: "2019-12-20",
      }),
    );
    const evidence = publishedItem(
      {
        kind: "general",
        title: "意见反馈",
        columnId: "decision-feedback",
        body: "<p>正文</p>",
        generatedOn: "2019-12-20",
      },
      { unitCode: dept.unitCode, sequence: 1, publishedAt: "2019-12-20T02:00:00.000Z" },
    );
    await t.store.items.load([evidence]);
    const task = tasks[0] as TaskView;
    await expect(
      reportTaskProgress(t.deps, dept, {
        id: task.id,
        percent: 80,
        note: "已发布",
        evidenceItemIds: [evidence.item.id, draft.id],
      }),
    ).rejects.toMatchObject({ kind: "unprocessable", issues: [{ path: "evidenceItemIds.1" }] });
  });

  it("a stale expectedVersion is precondition-failed; the current one goes through", async () => {
    const task = tasks[0] as TaskView;
    await expect(
      submitTaskCompletion(t.deps, dept, { id: task.id, expectedVersion: 1, note: "已整改" }),
    ).rejects.toMatchObject({ kind: "precondition-failed" });
    const submitted = await submitTaskCompletion(t.deps, dept, {
      id: task.id,
      expectedVersion: 2,
      note: "已整改",
    });
    expect(submitted).toMatchObject({ state: "submitted", version: 3 });
    const verified = await verifyTaskCompletion(t.deps, office, {
      id: task.id,
      accepted: true,
      note: "核验通过",
    });
    expect(verified).toMatchObject({
      state: "verified",
      verifications: [{ accepted: true, note: "核验通过" }],
    });
  });

  it("overdue (督办) counts from the day after the deadline by the clock the caller sets; a unit lists only its own", async () => {
    const overdue = async (actor: Principal, unit?: string) =>
      (await listTasks(t.deps, actor, { overdue: true, limit: 20, unit })).items.map((x) => x.id);
    t.setNow(new Date("2020-01-06T15:00:00.000Z"));
    expect(await overdue(office)).toEqual([]);
    t.setNow(new Date("2020-01-07T02:00:00.000Z"));
    // The verified task is done; the other one is past its deadline and still with the unit.
    expect(await overdue(office)).toEqual([tasks[1]?.id]);
    expect(await overdue(dept)).toEqual([tasks[1]?.id]);
    expect(await overdue(otherDept, dept.unitCode)).toEqual([]);
  });
});
