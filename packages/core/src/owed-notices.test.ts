import { beforeAll, describe, expect, it } from "vitest";
import { createAssessment, scoreAssessment } from "./assessments.ts";
import type { Deps } from "./deps.ts";
import { listNotices } from "./notices.ts";
import { settleOwedNotice, settleOwedNotices } from "./owed-notices.ts";
import { issueTasksFromAssessment } from "./rectification-tasks.ts";
import { supervisionScan } from "./supervision-scan.ts";
import { departmentSheet, dept, office, supervisionDeps } from "./test-supervision.ts";

let t: Awaited<ReturnType<typeof supervisionDeps>>;

/** A fresh sheet and the department's assessment on it, losing points on two indicators. */
async function lostPoints(): Promise<string> {
  const indicator = (code: string) => ({ code, name: `指标${code}`, maxScore: 10, deduction: "酌情扣分" });
  const system = await departmentSheet(t.deps, [indicator("1"), indicator("2"), indicator("3")]);
  const { assessment } = await createAssessment(t.deps, office, {
    indicatorSystemId: system.id,
    unitCode: dept.unitCode,
    assessor: "第三方评估机构",
  });
  await scoreAssessment(t.deps, office, {
    id: assessment.id,
    scores: [
      { indicatorCode: "1", score: 8, note: "意见反馈未公开1项" },
      { indicatorCode: "2", score: 10 },
      { indicatorCode: "3", score: 4 },
    ],
  });
  return assessment.id;
}

/** Deps whose notice writes fail, as when the database goes away right after the tasks commit. */
const noticesDown = (): Deps => ({
  ...t.deps,
  store: {
    ...t.store,
    notices: {
      ...t.store.notices,
      create: async () => {
        throw new Error("数据库暂时不可用");
      },
    },
  },
});

const noticeCount = async () => (await listNotices(t.deps, office, { limit: 100 })).items.length;
const source = (id: string) => ({ kind: "rectification-tasks" as const, id });

beforeAll(async () => {
  t = await supervisionDeps(new Date("2019-12-20T02:00:00.000Z"));
});

describe("rectification tasks with notify: true send their unit one 督办通知 through the notices core", () => {
  it("issues a supervision notice to the unit listing each task, receipt within 3 working days, and marks the promise kept", async () => {
    const assessmentId = await lostPoints();
    const tasks = await issueTasksFromAssessment(t.deps, office, {
      assessmentId,
      deadline: "2020-01-06",
      notify: true,
    });
    expect(tasks).toHaveLength(2);
    const owed = await t.store.owedNotices.get(source(assessmentId));
    expect(owed).toMatchObject({ state: "issued", requestedBy: { unitCode: office.unitCode } });
    const mine = await listNotices(t.deps, dept, { limit: 100 });
    const notice = mine.items.find((n) => n.id === owed?.noticeId);
    expect(notice).toMatchObject({
      kind: "supervision",
      title: "关于2019年度政务公开考评失分事项整改的督办通知",
      unitCodes: [dept.unitCode],
      issuedBy: office.unitCode,
      // Friday 2019-12-20 + 3 working days: Wednesday the 25th.
      receiptDeadline: { dueOn: "2019-12-25", provisional: false },
    });
    expect(notice?.body).toContain("市财政局：");
    expect(notice?.body).toContain("“指标1”失2分。");
    expect(notice?.body).toContain("“指标3”失6分。");
    expect(notice?.body).toContain("整改期限：2020-01-06");
  });

  it("control: without notify no notice is owed or issued", async () => {
    const before = await noticeCount();
    const assessmentId = await lostPoints();
    await issueTasksFromAssessment(t.deps, office, { assessmentId, deadline: "2020-01-06" });
    expect(await t.store.owedNotices.get(source(assessmentId))).toBeUndefined();
    expect(await noticeCount()).toBe(before);
  });
});

describe("a notice that cannot be issued at once is owed, not lost, and issued once later", () => {
  it("the tasks commit with the promise; the scan issues it; a second scan issues nothing", async () => {
    const before = await noticeCount();
    const assessmentId = await lostPoints();
    const tasks = await issueTasksFromAssessment(noticesDown(), office, {
      assessmentId,
      deadline: "2020-01-06",
      notify: true,
    });
    expect(tasks).toHaveLength(2);
    expect(await t.store.owedNotices.get(source(assessmentId))).toMatchObject({
      state: "owed",
      noticeId: null,
    });
    expect(await noticeCount()).toBe(before);

    const scan = await supervisionScan(t.deps);
    expect(scan.owedNotices).toEqual({ issued: 1, failed: 0 });
    const kept = await t.store.owedNotices.get(source(assessmentId));
    expect(kept?.state).toBe("issued");
    expect(await noticeCount()).toBe(before + 1);

    expect((await supervisionScan(t.deps)).owedNotices).toEqual({ issued: 0, failed: 0 });
    expect(await noticeCount()).toBe(before + 1);
  });

  it("a failing settle counts as failed and leaves it owed for the next one", async () => {
    const assessmentId = await lostPoints();
    await issueTasksFromAssessment(noticesDown(), office, {
      assessmentId,
      deadline: "2020-01-06",
      notify: true,
    });
    expect(await settleOwedNotices(noticesDown())).toMatchObject({ issued: 0 });
    expect((await t.store.owedNotices.get(source(assessmentId)))?.state).toBe("owed");
    expect((await settleOwedNotices(t.deps)).issued).toBe(1);
  });

  it("two settles of one promise at once, or a settle with a stale copy, issue exactly one notice", async () => {
    const before = await noticeCount();
    const assessmentId = await lostPoints();
    await issueTasksFromAssessment(noticesDown(), office, {
      assessmentId,
      deadline: "2020-01-06",
      notify: true,
    });
    const owed = await t.store.owedNotices.get(source(assessmentId));
    if (!owed) throw new Error("the promise must be recorded");
    await Promise.allSettled([settleOwedNotice(t.deps, owed), settleOwedNotice(t.deps, owed)]);
    // Should both have lost a transaction conflict, the next scan keeps the promise.
    await settleOwedNotices(t.deps);
    // A stale copy (still "owed") is refused by the condition on the stored one.
    const again = await settleOwedNotice(t.deps, owed);
    expect(again.issued).toBe(false);
    expect(await noticeCount()).toBe(before + 1);
    const kept = await t.store.owedNotices.get(source(assessmentId));
    expect(kept).toMatchObject({ state: "issued", noticeId: again.noticeId });
  });
});
