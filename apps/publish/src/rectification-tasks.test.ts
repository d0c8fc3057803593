import { type RectificationTask, RectificationTask as TaskSchema } from "@gov/domain";
import { newId } from "@gov/store";
import { beforeAll, describe, expect, it } from "vitest";
import { general, publishHarness } from "./test-client.ts";

type H = Awaited<ReturnType<typeof publishHarness>>;
let h: H;
let dept: Awaited<ReturnType<H["unit"]>>;
let other: Awaited<ReturnType<H["unit"]>>;
let assessorOnly: string;

/** A task as the office issues it in the supervision API, written through the store. */
async function issue(unitCode: string, deadline = "2026-03-31"): Promise<RectificationTask> {
  const now = "2026-03-02T02:00:00.000Z";
  const task = TaskSchema.parse({
    id: newId("rectificationTask"),
    unitCode,
    indicatorCode: "2.1",
    indicatorCodes: ["2.1"],
    assessmentId: null,
    year: 2025,
    problem: "“意见反馈”栏目未公开征求意见采纳情况",
    measures: "补充公开采纳情况",
    deductions: [{ recordId: "decision-feedback", reason: "空白栏目" }],
    lostPoints: 2,
    deadline,
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
  });
  await h.store.rectificationTasks.create(task, {
    entityType: "rectification-task",
    entityId: task.id,
    action: "create",
    version: 1,
    actorUnitCode: "000014349",
    actorKeyId: "key_test",
    at: now,
  });
  return task;
}

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  dept = await h.unit("000000501");
  other = await h.unit("000000502");
  assessorOnly = await h.key("900000001", ["assessor"]);
});

describe("a unit's own rectification tasks", () => {
  it("a unit lists only its own tasks; another unit's task is 404, never 403", async () => {
    const mine = await issue(dept.code);
    const theirs = await issue(other.code);
    const list = await h.call("GET", "/rectification-tasks", dept.editor);
    expect((list.body.items as { id: string }[]).map((t) => t.id)).toEqual([mine.id]);
    expect((await h.call("GET", `/rectification-tasks/${theirs.id}`, dept.editor)).status).toBe(404);
    const progress = { percent: 10, note: "开始整改" };
    expect(
      (await h.call("POST", `/rectification-tasks/${theirs.id}/progress`, dept.editor, progress)).status,
    ).toBe(404);
    expect((await h.call("POST", `/rectification-tasks/${theirs.id}/complete`, dept.reviewer)).status).toBe(
      404,
    );
    expect((await h.call("GET", "/rectification-tasks", assessorOnly)).status).toBe(403);
  });

  it("progress carries published items as evidence; drafts and unknown ids are refused (422)", async () => {
    const task = await issue(dept.code);
    const draft = await dept.draft(general("关于2025年重大决策意见采纳情况的说明"));
    const refused = await h.call("POST", `/rectification-tasks/${task.id}/progress`, dept.editor, {
      percent: 50,
      note: "已起草",
      evidenceItemIds: [draft.id, "itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T"],
    });
    expect(refused.status).toBe(422);
    expect((refused.body.errors as { path: string }[]).map((e) => e.path)).toEqual([
      "evidenceItemIds.0",
      "evidenceItemIds.1",
    ]);
    expect((await h.call("GET", `/rectification-tasks/${task.id}`, dept.editor)).body.state).toBe("open");

    await dept.submit(draft.id);
    await dept.approve(draft.id);
    const ok = await h.call("POST", `/rectification-tasks/${task.id}/progress`, dept.editor, {
      percent: 60,
      note: "已补发采纳情况说明",
      evidenceItemIds: [draft.id],
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      state: "in-progress",
      percent: 60,
      progress: [{ evidenceItemIds: [draft.id] }],
    });
    expect(ok.headers.get("etag")).toBe('"2"');

    const done = await h.call("POST", `/rectification-tasks/${task.id}/complete`, dept.editor, {
      note: "整改完成",
    });
    expect(done.body).toMatchObject({ state: "submitted", percent: 100 });
    const late = await h.call("POST", `/rectification-tasks/${task.id}/progress`, dept.editor, {
      percent: 100,
      note: "x",
    });
    expect(late.status).toBe(409);
  });

  it("a stale If-Match is 412; overdue tasks are flagged and filterable", async () => {
    const task = await issue(dept.code, "2026-03-01");
    const stale = await h.call(
      "POST",
      `/rectification-tasks/${task.id}/progress`,
      dept.editor,
      { percent: 5, note: "x" },
      { "if-match": '"7"' },
    );
    expect(stale.status).toBe(412);
    const overdue = await h.call("GET", "/rectification-tasks?overdue=true", dept.editor);
    expect(overdue.body.items).toEqual([expect.objectContaining({ id: task.id, overdue: true })]);
  });
});
