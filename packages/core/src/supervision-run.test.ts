import {
  addDays,
  CreateItemInput,
  CreateTaskInput,
  IssueNoticeInput,
  type SupervisionRun,
  shanghaiDate,
} from "@gov/domain";
import { forgetSupervisionClocks, publishedItem } from "@gov/store/testing";
import { describe, expect, it } from "vitest";
import { recordApplicationEvent, registerApplication } from "./applications.ts";
import { draftItem } from "./items.ts";
import { replyToLetter, submitLetter, transferLetter } from "./letters.ts";
import { acknowledgeNotice, issueNotice } from "./notices.ts";
import { approveItemRelease, submitDraft } from "./publishing.ts";
import { editTask, issueTask, submitTaskCompletion } from "./rectification-tasks.ts";
import { supervisionRun } from "./supervision-run.ts";
import { supervisionScan } from "./supervision-scan.ts";
import { dept, office, otherDept, supervisionDeps } from "./test-supervision.ts";

// Every date below is on the 2026 notice the built-in calendar carries: 中秋 25–27 September,
// National Day 1–7 October, make-up working days Sunday 20 September and Saturday 10 October.
// Defaults: due soon 5 working days ahead for a task, 3 for an application, 1 for a receipt;
// very overdue 10 working days after the deadline.

type T = Awaited<ReturnType<typeof supervisionDeps>>;
const at = (day: string) => new Date(`${day}T00:30:00.000Z`); // 08:30 in Shanghai

const task = (t: T, unitCode: string, problem: string, deadline: string) =>
  issueTask(
    t.deps,
    office,
    CreateTaskInput.parse({ unitCode, indicatorCode: "A1", problem, measures: "限期整改", deadline }),
  );

/** A run on `day` at 08:30, as the timer would make it (the as-of day is never after today). */
const runOn = (t: T, day: string, dryRun = false) => {
  t.setNow(at(day));
  return supervisionRun(t.deps, office, { asOf: day, dryRun });
};

/** What the runs told, one line per finding: day, unit, level and the record's title. */
async function toldBy(t: T, runs: SupervisionRun[]): Promise<string[]> {
  const lines: string[] = [];
  for (const run of runs) {
    for (const id of run.noticeIds) {
      const notice = await t.store.notices.get(id);
      if (!notice) throw new Error("an issued digest is stored");
      expect(notice).toMatchObject({ kind: "supervision", receipt: { required: false } });
      let level = "";
      for (const line of notice.body.split("\n")) {
        if (line.startsWith("## ")) level = line.slice(3, line.indexOf("（"));
        if (line.startsWith("- ")) {
          lines.push(
            `${run.asOf} ${notice.unitCodes.join()} ${level} ${line.slice(2, line.indexOf("（期限"))}`,
          );
        }
      }
    }
  }
  return lines;
}

const supervisionNotices = async (t: T) =>
  (await t.store.notices.list({ limit: 100 })).items.filter((n) => n.kind === "supervision");

describe("督办 day by day across 中秋 and National Day 2026", () => {
  it("each clock's due-soon, overdue and very-overdue are told once each, on the right day, to the unit that owes it", async () => {
    const t = await supervisionDeps(at("2026-09-21"));
    await task(t, dept.unitCode, "政策解读栏目长期未更新", "2026-10-09");
    const application = await registerApplication(t.deps, otherDept, {
      channel: "registered-post",
      receivedOn: "2026-09-10",
      applicant: { type: "natural-person", name: "张三", phone: "13800000000" },
      description: "申请公开湿地保护项目的环评批复",
    });
    // OGI Art. 33: 20 working days from 10 September, with 20 September worked and 中秋, National Day off.
    expect(application.dueOn).toBe("2026-10-14");
    // Accepted at once, it owes no correction notice (Art. 30); its own window is tested below.
    await recordApplicationEvent(t.deps, otherDept, {
      id: application.id,
      event: { type: "accept", on: "2026-09-10" },
    });
    const notice = await issueNotice(
      t.deps,
      office,
      IssueNoticeInput.parse({
        kind: "training",
        title: "关于参加政务公开业务培训的通知",
        body: "请各单位报名。",
        targets: { scope: "units", unitCodes: [dept.unitCode, otherDept.unitCode] },
        receipt: { required: true, dueOn: "2026-10-08" },
      }),
    );

    const runs: SupervisionRun[] = [];
    for (let day = "2026-09-21"; day <= "2026-10-28"; day = addDays(day, 1)) {
      t.setNow(at(day));
      // The education bureau returns its receipt on the last day; the finance bureau never does.
      if (day === "2026-10-08") await acknowledgeNotice(t.deps, otherDept, { id: notice.id });
      const { run } = await supervisionScan(t.deps);
      if (run) runs.push(run);
    }

    const app = application.trackingCode;
    expect(await toldBy(t, runs)).toEqual([
      `2026-09-24 ${dept.unitCode} 即将到期 政策解读栏目长期未更新`,
      `2026-09-30 ${dept.unitCode} 即将到期 关于参加政务公开业务培训的通知`,
      `2026-09-30 ${otherDept.unitCode} 即将到期 关于参加政务公开业务培训的通知`,
      `2026-10-09 ${dept.unitCode} 已逾期 关于参加政务公开业务培训的通知`,
      `2026-10-10 ${dept.unitCode} 已逾期 政策解读栏目长期未更新`,
      `2026-10-10 ${otherDept.unitCode} 即将到期 ${app} 申请公开湿地保护项目的环评批复`,
      `2026-10-15 ${otherDept.unitCode} 已逾期 ${app} 申请公开湿地保护项目的环评批复`,
      `2026-10-21 ${dept.unitCode} 严重逾期 关于参加政务公开业务培训的通知`,
      `2026-10-21 ${office.unitCode} 严重逾期 【${dept.unitCode}】关于参加政务公开业务培训的通知`,
      `2026-10-22 ${dept.unitCode} 严重逾期 政策解读栏目长期未更新`,
      `2026-10-22 ${office.unitCode} 严重逾期 【${dept.unitCode}】政策解读栏目长期未更新`,
      `2026-10-28 ${otherDept.unitCode} 严重逾期 ${app} 申请公开湿地保护项目的环评批复`,
      `2026-10-28 ${office.unitCode} 严重逾期 【${otherDept.unitCode}】${app} 申请公开湿地保护项目的环评批复`,
    ]);
    // Days off are skipped on the loaded calendar; the make-up Saturday is a working day.
    const byDay = new Map(runs.map((r) => [r.asOf, r]));
    expect(byDay.get("2026-10-03")?.skipped).toBe("2026-10-03为休息日，不督办");
    expect(byDay.get("2026-09-26")?.skipped).not.toBeNull();
    expect(byDay.get("2026-10-10")?.skipped).toBeNull();
    // One digest per unit per run, however many findings it holds.
    expect(byDay.get("2026-09-30")?.noticesIssued).toBe(2);
    // Once its last level is told a clock leaves the due index: later runs do not read it.
    expect(byDay.get("2026-10-23")?.found).toEqual({ "application/overdue": 1 });
    expect(await t.store.supervision.runs({ limit: 100 })).toMatchObject({ items: { length: runs.length } });
  });
});

describe("what is fixed, moved or not decidable", () => {
  it("a task handed in and an application answered produce nothing more; their clocks are gone", async () => {
    const t = await supervisionDeps(at("2026-10-08"));
    const handed = await task(t, dept.unitCode, "未按时公开财政预算", "2026-10-09");
    const application = await registerApplication(t.deps, otherDept, {
      channel: "registered-post",
      receivedOn: "2026-09-10",
      applicant: { type: "natural-person", name: "张三", phone: "13800000000" },
      description: "申请公开某项目的批复",
    });
    // The application owes its answer and, not yet accepted, its correction notice (Art. 30).
    expect((await t.store.supervision.due("2026-12-31")).map((c) => `${c.kind}#${c.id}`).sort()).toEqual(
      [
        `rectification-task#${handed.id}`,
        `application#${application.id}`,
        `application-correction#${application.id}`,
      ].sort(),
    );
    await submitTaskCompletion(t.deps, dept, { id: handed.id });
    await recordApplicationEvent(t.deps, otherDept, {
      id: application.id,
      event: { type: "respond", on: "2026-10-08", responseType: "disclosed" },
    });
    expect(await t.store.supervision.due("2026-12-31")).toEqual([]);
    const run = await runOn(t, "2026-10-30");
    expect(run).toMatchObject({ found: {}, noticesIssued: 0 });
    expect(await supervisionNotices(t)).toEqual([]);
  });

  it("OGI Art. 30: an application neither accepted nor sent back is pressed once its 7 working days pass; accepted, nothing more", async () => {
    const t = await supervisionDeps(at("2026-09-28"));
    const application = await registerApplication(t.deps, otherDept, {
      channel: "registered-post",
      receivedOn: "2026-09-28",
      applicant: { type: "natural-person", name: "张三", phone: "13800000000" },
      description: "申请公开某片区控制性详细规划",
    });
    const runs: SupervisionRun[] = [];
    for (let day = "2026-09-28"; day <= "2026-10-26"; day = addDays(day, 1)) {
      t.setNow(at(day));
      if (day === "2026-10-15")
        await recordApplicationEvent(t.deps, otherDept, {
          id: application.id,
          event: { type: "accept", on: day },
        });
      const { run } = await supervisionScan(t.deps);
      if (run) runs.push(run);
    }
    // 29, 30 September, 8, 9, 10 (调休上班), 12, 13 October: the window closes on the 13th, not
    // on 7 October as a Monday–Friday count would have it; due soon two working days ahead.
    const app = application.trackingCode;
    expect(await toldBy(t, runs)).toEqual([
      `2026-10-10 ${otherDept.unitCode} 即将到期 ${app} 申请公开某片区控制性详细规划`,
      `2026-10-14 ${otherDept.unitCode} 已逾期 ${app} 申请公开某片区控制性详细规划`,
    ]);
    const digest = await t.store.notices.get(runs.find((r) => r.asOf === "2026-10-14")?.noticeIds[0] ?? "");
    expect(digest?.body).toContain("### 依申请公开补正告知");
    expect(digest?.body).toContain("第三十条");
    // Accepted on the 15th: the correction clock is gone in that write; the answer's remains.
    expect((await t.store.supervision.due("2026-12-31")).map((c) => c.kind)).toEqual(["application"]);
  });

  it("栏目长期不更新: a 14-day column is pressed from its setting's day after the last publication; a new one moves the clock", async () => {
    const t = await supervisionDeps(at("2026-09-14"));
    const publish = async (title: string) => {
      const draft = await draftItem(
        t.deps,
        dept,
        CreateItemInput.parse({
          kind: "general",
          title,
          columnId: "environment-news",
          body: "<p>……</p>",
          generatedOn: shanghaiDate(t.deps.clock()),
        }),
      );
      await submitDraft(t.deps, dept, { id: draft.id });
      const review = {
        stateSecret: false,
        personalPrivacy: false,
        tradeSecret: false,
        otherSensitive: false,
      };
      await approveItemRelease(t.deps, dept, { id: draft.id, review });
    };
    await publish("市财政局开展预算绩效管理培训");
    const runs: SupervisionRun[] = [];
    for (let day = "2026-09-14"; day <= "2026-10-16"; day = addDays(day, 1)) {
      t.setNow(at(day));
      if (day === "2026-10-09") await publish("市财政局召开国庆后工作部署会");
      const { run } = await supervisionScan(t.deps);
      if (run) runs.push(run);
    }
    // Published 14 September: due 28 September. (20, 28] September holds 21–24 and 28: five
    // working days, 中秋 skipped, so the reminder comes on the make-up Sunday the 20th.
    // Republished 9 October: due 23 October, reminded on the 16th; 10 October's very overdue never comes.
    const column = "“政务动态”栏目";
    expect(await toldBy(t, runs)).toEqual([
      `2026-09-20 ${dept.unitCode} 即将到期 ${column}（最近发布：市财政局开展预算绩效管理培训）`,
      `2026-09-29 ${dept.unitCode} 已逾期 ${column}（最近发布：市财政局开展预算绩效管理培训）`,
      `2026-10-16 ${dept.unitCode} 即将到期 ${column}（最近发布：市财政局召开国庆后工作部署会）`,
    ]);
    const digest = await t.store.notices.get(runs.find((r) => r.asOf === "2026-09-29")?.noticeIds[0] ?? "");
    expect(digest?.body).toContain("### 栏目更新");
    expect(digest?.body).toContain("至少每14日更新一次");
  });

  it("OGI Art. 26: a draft not published within 20 working days of its formation is pressed; publishing it ends that", async () => {
    const t = await supervisionDeps(at("2026-09-14"));
    const draft = await draftItem(
      t.deps,
      dept,
      CreateItemInput.parse({
        kind: "general",
        title: "市财政局2026年政府采购意向",
        columnId: "fiscal",
        body: "<p>……</p>",
        generatedOn: "2026-09-14",
      }),
    );
    const runs: SupervisionRun[] = [];
    for (let day = "2026-09-14"; day <= "2026-11-06"; day = addDays(day, 1)) {
      t.setNow(at(day));
      if (day === "2026-10-20") {
        await submitDraft(t.deps, dept, { id: draft.id });
        const review = {
          stateSecret: false,
          personalPrivacy: false,
          tradeSecret: false,
          otherSensitive: false,
        };
        await approveItemRelease(t.deps, dept, { id: draft.id, review });
      }
      const { run } = await supervisionScan(t.deps);
      if (run) runs.push(run);
    }
    // Formed Monday 14 September: 20 working days, with 20 September and 10 October worked and
    // 中秋, National Day off, end on Friday 16 October (a Monday–Friday count: 12 October). The
    // first run after it is Monday the 19th; published on the 20th, 30 October's very overdue never comes.
    const title = "市财政局2026年政府采购意向（形成于2026-09-14，尚未公开）";
    expect(await toldBy(t, runs)).toEqual([
      `2026-10-10 ${dept.unitCode} 即将到期 ${title}`,
      `2026-10-19 ${dept.unitCode} 已逾期 ${title}`,
    ]);
    const digest = await t.store.notices.get(runs.find((r) => r.asOf === "2026-10-19")?.noticeIds[0] ?? "");
    expect(digest?.body).toContain("第二十六条");
    expect(await t.store.supervision.due("2026-12-31")).toEqual([]);
  });

  it("预算法 Art. 14: a budget not published within 20 days of approval is pressed; a last day in National Day moves to 8 October", async () => {
    const t = await supervisionDeps(at("2026-09-14"));
    const draft = await draftItem(
      t.deps,
      dept,
      CreateItemInput.parse({
        kind: "budget",
        title: "市财政局2026年部门预算调整",
        columnId: "fiscal-budget-departments",
        body: "<p>……</p>",
        generatedOn: "2026-09-11",
        fiscalYear: 2026,
        budgetType: "budget",
        approvedOn: "2026-09-11",
        includesThreePublic: true,
      }),
    );
    const runs: SupervisionRun[] = [];
    for (let day = "2026-09-14"; day <= "2026-10-09"; day = addDays(day, 1)) {
      t.setNow(at(day));
      const { run } = await supervisionScan(t.deps);
      if (run) runs.push(run);
    }
    // Approved 11 September: 20 calendar days end on 1 October, a day off, so (民法典 Art. 203,
    // ADR 0047) on 8 October; due soon on 23 September: (23 Sep, 8 Oct] holds 24, 28, 29, 30
    // September and 8 October, five working days. Its Art. 26 clock (formed 11 September) runs too.
    const told = await toldBy(t, runs);
    const budget = told.filter((line) => line.includes("批复于"));
    expect(budget).toEqual([
      `2026-09-23 ${dept.unitCode} 即将到期 市财政局2026年部门预算调整（批复于2026-09-11，尚未公开）`,
      `2026-10-09 ${dept.unitCode} 已逾期 市财政局2026年部门预算调整（批复于2026-09-11，尚未公开）`,
    ]);
    const digest = await t.store.notices.get(runs.find((r) => r.asOf === "2026-10-09")?.noticeIds[0] ?? "");
    expect(digest?.body).toContain("《预算法》第十四条");
    // Published, the budget owes nothing more: both its clocks go in the approval's transaction.
    await submitDraft(t.deps, dept, { id: draft.id });
    const review = { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false };
    await approveItemRelease(t.deps, dept, { id: draft.id, review });
    const kinds = (await t.store.supervision.due("2026-12-31")).map((c) => c.kind);
    expect(kinds).not.toContain("budget-disclosure");
    expect(kinds).not.toContain("proactive-disclosure");
  });

  it("a letter a unit holds past the mailbox setting is pressed once; once replied its clock is gone", async () => {
    const t = await supervisionDeps(at("2026-09-29"));
    const { receipt } = await submitLetter(t.deps, {
      subject: "关于老城区停车难的建议",
      body: "建议增设公共停车位。",
      writer: { name: "李四", phone: "13900000000" },
      consentToPublish: false,
    });
    await transferLetter(t.deps, office, { id: receipt.id, unitCode: dept.unitCode, reason: "属该局职能" });
    // Received 29 September: 5 working days end on 12 October (10 October worked).
    const late = await runOn(t, "2026-10-13");
    expect(late).toMatchObject({ found: { "letter/overdue": 1 }, noticesIssued: 1 });
    expect(await toldBy(t, [late])).toEqual([
      `2026-10-13 ${dept.unitCode} 已逾期 ${receipt.trackingCode} 关于老城区停车难的建议`,
    ]);
    t.setNow(at("2026-10-14"));
    await replyToLetter(t.deps, dept, { id: receipt.id, body: "已列入年度停车设施建设计划。" });
    expect(await t.store.supervision.due("2026-12-31")).toEqual([]);
    expect(await runOn(t, "2026-10-30")).toMatchObject({
      found: {},
      noticesIssued: 0,
    });
  });

  it("records written before clocks existed get theirs from the first run, once", async () => {
    const t = await supervisionDeps(at("2026-10-08"));
    await task(t, dept.unitCode, "政务公开指南未更新", "2026-10-09");
    await forgetSupervisionClocks(t.store);
    expect(await t.store.supervision.due("2026-12-31")).toEqual([]);
    const first = await runOn(t, "2026-10-12");
    expect(first).toMatchObject({ found: { "rectification-task/overdue": 1 }, noticesIssued: 1 });
    expect(await runOn(t, "2026-10-12")).toMatchObject({
      noticesIssued: 0,
      alreadyTold: 1,
    });
  });

  it("a notice every target has acknowledged tells nothing, and its clock goes at the next run", async () => {
    const t = await supervisionDeps(at("2026-10-08"));
    const notice = await issueNotice(
      t.deps,
      office,
      IssueNoticeInput.parse({
        kind: "assessment",
        title: "关于报送2026年政务公开自评报告的通知",
        body: "请按时报送。",
        targets: { scope: "units", unitCodes: [dept.unitCode] },
        receipt: { required: true, dueOn: "2026-10-09" },
      }),
    );
    await acknowledgeNotice(t.deps, dept, { id: notice.id });
    const run = await runOn(t, "2026-10-09");
    expect(run).toMatchObject({ found: {}, noticesIssued: 0 });
    expect(await t.store.supervision.due("2026-12-31")).toEqual([]);
    expect(await t.store.supervision.noticeClocksBefore("2026-12-31")).toEqual([]);
  });

  it("a moved deadline is a new deadline: its levels start again, the old one's are not repeated", async () => {
    const t = await supervisionDeps(at("2026-10-08"));
    const moved = await task(t, dept.unitCode, "依申请公开答复超期", "2026-10-09");
    const first = await runOn(t, "2026-10-10");
    expect(first.found).toEqual({ "rectification-task/overdue": 1 });
    t.setNow(at("2026-10-10"));
    await editTask(t.deps, office, { id: moved.id, expectedVersion: 1, changes: { deadline: "2026-10-20" } });
    // (12 Oct, 20 Oct] holds six working days; (13 Oct, 20 Oct] five.
    expect((await runOn(t, "2026-10-12")).found).toEqual({});
    const again = await runOn(t, "2026-10-13");
    expect(again).toMatchObject({ found: { "rectification-task/due-soon": 1 }, noticesIssued: 1 });
  });

  it("a deadline counted into a year whose holiday notice is not loaded is reported undecided, not guessed", async () => {
    const t = await supervisionDeps(at("2026-12-28"));
    const next = await task(t, dept.unitCode, "年度报告未按时发布", "2027-01-08");
    const run = await runOn(t, "2026-12-30");
    expect(run).toMatchObject({
      found: { "rectification-task/undecided": 1 },
      noticesIssued: 0,
      undecided: [
        { kind: "rectification-task", id: next.id, reason: "2027年节假日安排尚未载入，无法确定工作日" },
      ],
    });
  });
});

describe("OGI Art. 49: annual reports", () => {
  it("every unit owes last year's report from January: pressed until it is in its 年度报告 column", async () => {
    const t = await supervisionDeps(at("2026-01-26"));
    // Five working days ahead: (26 Jan, 31 Jan] holds four, so the departments are reminded.
    const reminded = await runOn(t, "2026-01-26");
    expect(reminded.found).toEqual({ "annual-report/due-soon": 2 });
    expect(await toldBy(t, [reminded])).toEqual([
      `2026-01-26 ${dept.unitCode} 即将到期 2025年度政府信息公开工作年度报告`,
      `2026-01-26 ${otherDept.unitCode} 即将到期 2025年度政府信息公开工作年度报告`,
    ]);
    const report = publishedItem(
      {
        kind: "general",
        title: "市财政局2025年政府信息公开工作年度报告",
        columnId: "annual-reports",
        body: "<p>……</p>",
        generatedOn: "2026-01-26",
      },
      { unitCode: dept.unitCode, sequence: 1, publishedAt: "2026-01-27T02:00:00.000Z" },
    );
    await t.store.items.load([report]);
    // The finance bureau published; the education bureau is late; the government's is due 31 March.
    const late = await runOn(t, "2026-02-02");
    expect(late.found).toEqual({ "annual-report/overdue": 1 });
    expect((await t.store.supervision.due("2026-12-31")).map((c) => c.id).sort()).toEqual(
      [`2025-${office.unitCode}`, `2025-${otherDept.unitCode}`].sort(),
    );
    // 1 April: the government's report is overdue; the education bureau's very overdue
    // (ten working days after 31 January ended 13 February, before the Spring Festival).
    const april = await runOn(t, "2026-04-01");
    expect(april.found).toEqual({ "annual-report/overdue": 1, "annual-report/very-overdue": 1 });
    expect(await toldBy(t, [april])).toEqual([
      `2026-04-01 ${otherDept.unitCode} 严重逾期 2025年度政府信息公开工作年度报告`,
      `2026-04-01 ${office.unitCode} 已逾期 2025年度政府信息公开工作年度报告`,
      `2026-04-01 ${office.unitCode} 严重逾期 【${otherDept.unitCode}】2025年度政府信息公开工作年度报告`,
    ]);
  });
});

describe("exactly once", () => {
  async function twoLateUnits() {
    const t = await supervisionDeps(at("2026-10-08"));
    await task(t, dept.unitCode, "政务公开指南未更新", "2026-10-09");
    await task(t, dept.unitCode, "政策文件未配发解读", "2026-10-09");
    await task(t, otherDept.unitCode, "年报数据前后矛盾", "2026-10-09");
    t.setNow(at("2026-10-10"));
    return t;
  }

  it("two runs at once issue each unit's digest once, and a third finds everything told", async () => {
    const t = await twoLateUnits();
    const input = { asOf: "2026-10-10", dryRun: false };
    const [a, b] = await Promise.all([
      supervisionRun(t.deps, office, input),
      supervisionRun(t.deps, office, input),
    ]);
    expect(a.noticesIssued + b.noticesIssued).toBe(2);
    expect([...a.errors, ...b.errors]).toEqual([]);
    expect((await supervisionNotices(t)).map((n) => n.unitCodes.join()).sort()).toEqual(
      [dept.unitCode, otherDept.unitCode].sort(),
    );
    const third = await supervisionRun(t.deps, office, input);
    expect(third).toMatchObject({
      noticesIssued: 0,
      alreadyTold: 3,
      found: { "rectification-task/overdue": 3 },
    });
  });

  it("a run that fails halfway, run again with the same as-of day, issues only what is missing", async () => {
    const t = await twoLateUnits();
    const create = t.store.notices.create;
    let calls = 0;
    t.store.notices.create = async (...args) => {
      calls += 1;
      if (calls === 2) throw new Error("进程在督办中途中断（测试）");
      return create(...args);
    };
    const crashed = await runOn(t, "2026-10-10");
    t.store.notices.create = create;
    expect(crashed).toMatchObject({ noticesIssued: 1, errors: [{ message: "进程在督办中途中断（测试）" }] });
    const again = await runOn(t, "2026-10-10");
    // The finance bureau's digest (its two tasks) went out before the crash; only the other is sent.
    expect(again).toMatchObject({ noticesIssued: 1, alreadyTold: 2, errors: [] });
    expect((await supervisionNotices(t)).map((n) => n.unitCodes.join()).sort()).toEqual(
      [dept.unitCode, otherDept.unitCode].sort(),
    );
  });

  it("a dry run previews the digests and writes nothing", async () => {
    const t = await twoLateUnits();
    const preview = await runOn(t, "2026-10-10", true);
    expect(preview).toMatchObject({
      dryRun: true,
      noticesIssued: 2,
      found: { "rectification-task/overdue": 3 },
    });
    expect(await supervisionNotices(t)).toEqual([]);
    expect((await t.store.supervision.runs({ limit: 10 })).items).toEqual([]);
  });

  it("only the office runs the scan (403 for a unit's key)", async () => {
    const t = await supervisionDeps(at("2026-10-08"));
    await expect(supervisionRun(t.deps, dept, { asOf: "2026-10-10", dryRun: false })).rejects.toMatchObject({
      kind: "forbidden",
    });
  });
});
