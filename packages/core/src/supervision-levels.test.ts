import { addDays, type ClockKind, CreateItemInput, clockTitles } from "@gov/domain";
import { describe, expect, it } from "vitest";
import { registerApplication } from "./applications.ts";
import { draftItem } from "./items.ts";
import { submitLetter, transferLetter } from "./letters.ts";
import { approveItemRelease, submitDraft } from "./publishing.ts";
import { supervisionScan } from "./supervision-scan.ts";
import { dept, office, otherDept, supervisionDeps } from "./test-supervision.ts";

// Issue 14's done-when, clock by clock: the timer's scan runs every day at 08:30 on an injected
// clock (skipping days off), and each clock's due soon, overdue and very overdue is told once,
// on its day. The 2026 calendar: 中秋 25–27 September and National Day 1–7 October off,
// Sunday 20 September and Saturday 10 October worked; Spring Festival 15–23 February off,
// Saturdays 14 and 28 February worked. Very overdue: once 10 working days have passed.
// The rectification task, application answer and notice receipt run the same course in
// supervision-run.test.ts ("督办 day by day across 中秋 and National Day 2026").

type T = Awaited<ReturnType<typeof supervisionDeps>>;
const at = (day: string) => new Date(`${day}T00:30:00.000Z`);

/** The scheduled scan on every day of [from, to], as the timer makes it. */
async function everyDay(t: T, from: string, to: string): Promise<void> {
  for (let day = from; day <= to; day = addDays(day, 1)) {
    t.setNow(at(day));
    await supervisionScan(t.deps);
  }
}

/**
 * What every digest told about one clock, by day and unit: the as-of day (the notice's creation:
 * a run at 08:30 Shanghai is the same day), the unit and the level, from the digest's own text.
 * The office's lines are its escalations.
 */
async function toldOf(t: T, kind: ClockKind): Promise<string[]> {
  const notices = (await t.store.notices.list({ limit: 1000 })).items.filter((n) => n.kind === "supervision");
  const lines: string[] = [];
  for (const notice of notices) {
    let level = "";
    let clock = "";
    for (const line of notice.body.split("\n")) {
      if (line.startsWith("## ")) level = line.slice(3, line.indexOf("（"));
      if (line.startsWith("### ")) clock = line.slice(4);
      if (line.startsWith("- ") && clock === clockTitles[kind])
        lines.push(`${notice.createdAt.slice(0, 10)} ${notice.unitCodes.join()} ${level}`);
    }
  }
  return lines.sort();
}

const review = { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false };

describe("each clock's three levels, once each, on the right day across holidays", () => {
  it("OGI Art. 30 correction window: due soon 10 Oct (worked Saturday), overdue 14 Oct, very overdue 27 Oct", async () => {
    const t = await supervisionDeps(at("2026-09-28"));
    await registerApplication(t.deps, otherDept, {
      channel: "registered-post",
      receivedOn: "2026-09-28",
      applicant: { type: "natural-person", name: "张三", phone: "13800000000" },
      description: "申请公开某片区控制性详细规划",
    });
    await everyDay(t, "2026-09-28", "2026-10-30");
    // 7 working days from 28 September end on 13 October; two ahead (12, 13) is the 10th;
    // 14, 15, 16, 19, 20, 21, 22, 23, 26, 27 October are the ten after.
    expect(await toldOf(t, "application-correction")).toEqual([
      `2026-10-10 ${otherDept.unitCode} 即将到期`,
      `2026-10-14 ${otherDept.unitCode} 已逾期`,
      `2026-10-27 ${office.unitCode} 严重逾期`,
      `2026-10-27 ${otherDept.unitCode} 严重逾期`,
    ]);
  });

  it("letter past the mailbox setting: due soon 10 Oct, overdue 13 Oct, very overdue 26 Oct", async () => {
    const t = await supervisionDeps(at("2026-09-29"));
    const { receipt } = await submitLetter(t.deps, {
      subject: "关于老城区停车难的建议",
      body: "建议增设公共停车位。",
      writer: { name: "李四", phone: "13900000000" },
      consentToPublish: false,
    });
    await transferLetter(t.deps, office, { id: receipt.id, unitCode: dept.unitCode, reason: "属该局职能" });
    await everyDay(t, "2026-09-29", "2026-10-28");
    // 5 working days from 29 September: 30 Sep, 8, 9, 10 (worked), 12 October; one ahead is the 10th.
    expect(await toldOf(t, "letter")).toEqual([
      `2026-10-10 ${dept.unitCode} 即将到期`,
      `2026-10-13 ${dept.unitCode} 已逾期`,
      `2026-10-26 ${office.unitCode} 严重逾期`,
      `2026-10-26 ${dept.unitCode} 严重逾期`,
    ]);
  });

  it("栏目长期不更新: due soon 20 Sep (make-up Sunday), overdue 29 Sep, very overdue 16 Oct", async () => {
    const t = await supervisionDeps(at("2026-09-14"));
    const draft = await draftItem(
      t.deps,
      dept,
      CreateItemInput.parse({
        kind: "general",
        title: "市财政局开展预算绩效管理培训",
        columnId: "environment-news",
        body: "<p>……</p>",
        generatedOn: "2026-09-14",
      }),
    );
    await submitDraft(t.deps, dept, { id: draft.id });
    await approveItemRelease(t.deps, dept, { id: draft.id, review });
    await everyDay(t, "2026-09-14", "2026-10-20");
    // 14 days after 14 September: 28 September. 29, 30 Sep, 8, 9, 10, 12–16 Oct are the ten after.
    expect(await toldOf(t, "column-freshness")).toEqual([
      `2026-09-20 ${dept.unitCode} 即将到期`,
      `2026-09-29 ${dept.unitCode} 已逾期`,
      `2026-10-16 ${office.unitCode} 严重逾期`,
      `2026-10-16 ${dept.unitCode} 严重逾期`,
    ]);
  });

  it("OGI Art. 26 proactive disclosure: due soon 10 Oct, overdue 19 Oct (after a weekend), very overdue 30 Oct", async () => {
    const t = await supervisionDeps(at("2026-09-14"));
    await draftItem(
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
    await everyDay(t, "2026-09-14", "2026-11-03");
    // 20 working days from 14 September end on Friday 16 October; 19–23, 26–30 October the ten after.
    expect(await toldOf(t, "proactive-disclosure")).toEqual([
      `2026-10-10 ${dept.unitCode} 即将到期`,
      `2026-10-19 ${dept.unitCode} 已逾期`,
      `2026-10-30 ${office.unitCode} 严重逾期`,
      `2026-10-30 ${dept.unitCode} 严重逾期`,
    ]);
  });

  it("预算法 Art. 14 budget: due soon 23 Sep, overdue 9 Oct (deadline moved out of National Day), very overdue 21 Oct", async () => {
    const t = await supervisionDeps(at("2026-09-14"));
    await draftItem(
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
    await everyDay(t, "2026-09-14", "2026-10-23");
    // 20 days from 11 September: 1 October, a day off, so 8 October; 9, 10, 12–16, 19–21 the ten after.
    expect(await toldOf(t, "budget-disclosure")).toEqual([
      `2026-09-23 ${dept.unitCode} 即将到期`,
      `2026-10-09 ${dept.unitCode} 已逾期`,
      `2026-10-21 ${office.unitCode} 严重逾期`,
      `2026-10-21 ${dept.unitCode} 严重逾期`,
    ]);
  });

  it("OGI Art. 49 annual report: due soon 23 Jan, overdue 2 Feb (after a weekend), very overdue 13 Feb before the Spring Festival", async () => {
    const t = await supervisionDeps(at("2026-01-19"));
    await everyDay(t, "2026-01-19", "2026-02-27");
    // 31 January is a Saturday: (23 Jan, 31 Jan] holds 26–30, five working days; 2–6, 9–13
    // February the ten after. The government's own report is due 31 March, later than this.
    const departments = [dept.unitCode, otherDept.unitCode].sort();
    expect(await toldOf(t, "annual-report")).toEqual([
      ...departments.map((u) => `2026-01-23 ${u} 即将到期`),
      ...departments.map((u) => `2026-02-02 ${u} 已逾期`),
      `2026-02-13 ${office.unitCode} 严重逾期`,
      `2026-02-13 ${office.unitCode} 严重逾期`,
      ...departments.map((u) => `2026-02-13 ${u} 严重逾期`),
    ]);
  });
});
