import { describe, expect, it } from "vitest";
import type { Application } from "./application.ts";
import { builtInCalendar, withNotice } from "./calendar.ts";
import type { Item } from "./item.ts";
import type { Letter } from "./letter.ts";
import { defaultSettings } from "./settings.ts";
import {
  clockOfAnnualReport,
  clockOfColumn,
  clockOfCorrectionWindow,
  clockOfLetter,
  clockOfNotice,
  clockOfUnpublished,
  clockOfUnpublishedBudget,
  deadlineOf,
  levelOn,
  type SupervisionClock,
  watchUntil,
} from "./supervision-clock.ts";

// The 2026 notice (国办发明电〔2025〕7号): 中秋 25–27 September, National Day 1–7 October,
// make-up working days Sunday 20 September and Saturday 10 October.
const calendar = builtInCalendar();
const settings = defaultSettings; // due soon: task 5, application 3, receipt and letter 1, annual report 5; very overdue 10

const clock = (kind: SupervisionClock["kind"], dueOn: string, provisional = false): SupervisionClock => ({
  kind,
  id: "rec_1",
  unitCode: "000014351",
  title: "测试",
  deadline: { rule: "day", dueOn, provisional },
  basis: "测试依据",
  watchOn: dueOn,
});
const level = (c: SupervisionClock, asOf: string) => {
  const decision = levelOn(c, asOf, calendar, settings);
  return decision.decided ? decision.level : "undecided";
};

describe("督办 levels on the loaded calendar", () => {
  const application = clock("application", "2026-10-09");

  it("due soon: at most N working days left, counted over 中秋 and National Day, not over calendar days", () => {
    // (29 Sep, 9 Oct] holds 30 Sep, 8 Oct, 9 Oct: three working days; a Monday–Friday count gives eight.
    expect(level(application, "2026-09-29")).toBe("due-soon");
    expect(level(application, "2026-09-28")).toBeNull();
    expect(level(application, "2026-10-05")).toBe("due-soon");
  });

  it("the deadline day itself is on time; overdue from the first day after it", () => {
    expect(level(application, "2026-10-09")).toBe("due-soon");
    expect(level(application, "2026-10-10")).toBe("overdue");
  });

  it("very overdue once M working days have passed, a make-up Saturday counting as one", () => {
    // 10 Oct (调休上班), 12–16, 19–22 October: the tenth working day after 9 October is the 22nd.
    expect(level(application, "2026-10-21")).toBe("overdue");
    expect(level(application, "2026-10-22")).toBe("very-overdue");
  });

  it("the due-soon window is a setting per clock: a task is reminded five working days ahead", () => {
    const task = clock("rectification-task", "2026-10-09");
    // (24 Sep, 9 Oct] = 28, 29, 30 Sep, 8, 9 Oct: five; 25–27 September are 中秋.
    expect(level(task, "2026-09-24")).toBe("due-soon");
    expect(level(task, "2026-09-23")).toBeNull();
    const shorter = {
      ...settings,
      dueSoonWorkingDays: { ...settings.dueSoonWorkingDays, "rectification-task": 1 },
    };
    expect(levelOn(task, "2026-09-24", calendar, shorter)).toMatchObject({ decided: true, level: null });
  });

  it("a count into a year whose holiday notice is not loaded decides nothing, and says so", () => {
    const task = clock("rectification-task", "2027-01-08");
    expect(levelOn(task, "2026-12-30", calendar, settings)).toEqual({
      decided: false,
      dueOn: "2027-01-08",
      reason: "2027年节假日安排尚未载入，无法确定工作日",
    });
    // Loaded (a hypothetical 2027 notice with 元旦 1–3 January), the same day is decided.
    const loaded = withNotice(calendar, {
      year: 2027,
      title: "国务院办公厅关于2027年部分节假日安排的通知",
      daysOff: ["2027-01-01", "2027-01-02", "2027-01-03"],
      workdays: [],
    });
    expect(levelOn(task, "2027-01-04", loaded, settings)).toMatchObject({ decided: true, level: "due-soon" });
  });

  it("overdue needs no calendar, very overdue does: past a deadline into an unloaded year it stays overdue", () => {
    const task = clock("rectification-task", "2026-12-31");
    expect(level(task, "2027-01-01")).toBe("overdue");
    expect(level(task, "2027-02-01")).toBe("overdue");
  });

  it("a provisional due date (an application counted into an unloaded year) decides nothing", () => {
    expect(level(clock("application", "2027-01-15", true), "2027-01-20")).toBe("undecided");
  });

  it("a receipt deadline is counted on the calendar in force; the index sorts it no later", () => {
    const notice = clockOfNotice({
      id: "notice_1",
      kind: "training",
      title: "关于参加政务公开培训的通知",
      body: "……",
      attachments: [],
      targets: { scope: "all" },
      unitCodes: ["000014351"],
      receipt: { required: true, workingDays: 1, dueOn: null },
      issuedOn: "2026-09-30",
      issuedBy: "000014349",
      version: 1,
      createdAt: "2026-09-30T02:00:00.000Z",
      updatedAt: "2026-09-30T02:00:00.000Z",
    });
    if (!notice) throw new Error("a required receipt is watched");
    expect(deadlineOf(notice, calendar, settings)).toEqual({ dueOn: "2026-10-08", provisional: false });
    expect(notice.watchOn <= "2026-10-08").toBe(true);
    expect(level(notice, "2026-10-08")).toBe("due-soon");
    expect(level(notice, "2026-10-09")).toBe("overdue");
  });

  it("the scan reads the due index up to the last deadline that can be due soon", () => {
    // The widest window is five working days: from 29 Sep that reaches 12 Oct (30 Sep, 8, 9, 10, 12 Oct).
    expect(watchUntil("2026-09-29", calendar, settings)).toBe("2026-10-12");
    expect(level(clock("rectification-task", "2026-10-12"), "2026-09-29")).toBe("due-soon");
    expect(level(clock("rectification-task", "2026-10-13"), "2026-09-29")).toBeNull();
  });

  it("a letter a unit holds is due on the mailbox setting (5 working days) counted at every scan; replied or unassigned, none", () => {
    const letter: Letter = {
      id: "let_1",
      trackingCode: "XX2026-ABCDEFGH",
      state: "assigned",
      subject: "关于老城区停车难的建议",
      body: "……",
      consentToPublish: false,
      unitCode: "000014351",
      suggestedUnitCode: null,
      receivedOn: "2026-09-29",
      repliedOn: null,
      transfers: [],
      reply: null,
      version: 2,
      createdAt: "2026-09-29T02:00:00.000Z",
      updatedAt: "2026-09-29T03:00:00.000Z",
    };
    const watched = clockOfLetter(letter);
    if (!watched) throw new Error("an assigned letter is watched");
    // 30 Sep, 8, 9, 10 (调休), 12 October.
    expect(deadlineOf(watched, calendar, settings)).toEqual({ dueOn: "2026-10-12", provisional: false });
    expect(level(watched, "2026-10-09")).toBeNull();
    expect(level(watched, "2026-10-10")).toBe("due-soon");
    expect(level(watched, "2026-10-13")).toBe("overdue");
    const three = { ...settings, mailboxReplyWorkingDays: 3 };
    expect(levelOn(watched, "2026-10-10", calendar, three)).toMatchObject({
      level: "overdue",
      dueOn: "2026-10-09",
    });
    expect(clockOfLetter({ ...letter, state: "replied" })).toBeNull();
    expect(clockOfLetter({ ...letter, state: "received", unitCode: null })).toBeNull();
  });

  it("near an unloaded year the scan reads far enough to report what it cannot decide", () => {
    // Six guessed working days from 30 December end on 7 January; nine days more for a holiday block.
    expect(watchUntil("2026-12-30", calendar, settings)).toBe("2027-01-16");
  });

  it("OGI Art. 49: a department's, township's or street's report is due 31 January, the government's 31 March", () => {
    const street = clockOfAnnualReport({ code: "000014390", name: "茶山街道", kind: "street" }, 2025);
    expect(street).toMatchObject({
      id: "2025-000014390",
      deadline: { dueOn: "2026-01-31" },
      watchOn: "2026-01-31",
    });
    const government = clockOfAnnualReport({ code: "000014349", name: "市政务公开办", kind: "office" }, 2025);
    expect(government.deadline).toEqual({ rule: "day", dueOn: "2026-03-31", provisional: false });
    // 31 January 2026 is a Saturday: the deadline day is still on time, overdue from 1 February.
    expect(level(street, "2026-01-31")).toBe("due-soon");
    expect(level(street, "2026-02-01")).toBe("overdue");
  });
});

describe("OGI Art. 30: the correction window as a clock", () => {
  const received = (over: Partial<Application> = {}): Application => ({
    id: "app_1",
    trackingCode: "YSQ2026-TEST",
    unitCode: "000014351",
    channel: "registered-post",
    receivedOn: "2026-09-28",
    applicantKind: "natural-person",
    description: "申请公开某项目的批复",
    events: [],
    state: "received",
    dueOn: "2026-10-28",
    dueIsProvisional: false,
    calendarVersion: calendar.version,
    version: 1,
    createdAt: "2026-09-28T02:00:00.000Z",
    updatedAt: "2026-09-28T02:00:00.000Z",
    ...over,
  });
  const event = (type: "accept" | "confirm" | "request-correction", on: string) =>
    ({ type, on, at: `${on}T02:00:00.000Z`, by: "editor" }) as Application["events"][number];

  it("OGI Art. 30: a correction is due within 7 working days of receipt, counted over National Day and the make-up Saturday", () => {
    const window = clockOfCorrectionWindow(received()) as SupervisionClock;
    // 29, 30 September, 8, 9, 10 (调休上班), 12, 13 October; a Monday–Friday count would say 7 October.
    expect(deadlineOf(window, calendar, settings)).toEqual({ dueOn: "2026-10-13", provisional: false });
    expect(window.watchOn <= "2026-10-13").toBe(true);
    expect(window.basis).toContain("第三十条");
    // (10, 13] October holds two working days, the correction window's due-soon setting (2).
    expect(level(window, "2026-10-10")).toBe("due-soon");
    expect(level(window, "2026-10-09")).toBeNull();
    expect(level(window, "2026-10-13")).toBe("due-soon");
    expect(level(window, "2026-10-14")).toBe("overdue");
  });

  it("OGI Art. 31(三): online, receipt is the confirmation day; auto-confirmed, the first working day after submission", () => {
    // Submitted Thursday 24 September; 中秋 25–27 September; auto-confirmed Monday 28 September.
    const auto = clockOfCorrectionWindow(
      received({ channel: "online", confirmation: "auto", receivedOn: "2026-09-24" }),
    ) as SupervisionClock;
    expect(deadlineOf(auto, calendar, settings).dueOn).toBe("2026-10-13");
    const confirmed = clockOfCorrectionWindow(
      received({ channel: "online", confirmation: "by-office", events: [event("confirm", "2026-09-29")] }),
    ) as SupervisionClock;
    expect(deadlineOf(confirmed, calendar, settings).dueOn).toBe("2026-10-14");
    // Until the office confirms it the application is not received: nothing is owed yet.
    expect(clockOfCorrectionWindow(received({ channel: "online", confirmation: "by-office" }))).toBeNull();
  });

  it("OGI Art. 30: accepted, sent back for correction or no longer open, the window owes nothing", () => {
    expect(clockOfCorrectionWindow(received({ events: [event("accept", "2026-09-29")] }))).toBeNull();
    const asked = received({
      state: "awaiting-correction",
      events: [event("request-correction", "2026-09-29")],
    });
    expect(clockOfCorrectionWindow(asked)).toBeNull();
    expect(clockOfCorrectionWindow(received({ state: "answered" }))).toBeNull();
  });

  it("counted into a year whose holiday notice is not loaded, the window decides nothing", () => {
    const window = clockOfCorrectionWindow(received({ receivedOn: "2027-12-27" })) as SupervisionClock;
    const decision = levelOn(window, "2027-12-30", calendar, settings);
    expect(decision).toMatchObject({ decided: false, reason: expect.stringContaining("尚未载入") });
  });
});

describe("栏目长期不更新: a column's update setting as a clock", () => {
  const item = (over: Partial<Item>) =>
    ({
      id: "item_1",
      unitCode: "000014351",
      title: "市财政局开展预算绩效管理培训",
      columnId: "environment-news",
      state: "published",
      publishedAt: "2026-09-14T02:00:00.000Z",
      ...over,
    }) as Item;

  it("due the setting's number of calendar days after the latest publication (Shanghai's day), one clock per unit and column", () => {
    // 16:30 UTC on 13 September is 00:30 on the 14th in Shanghai.
    const clock = clockOfColumn(item({ publishedAt: "2026-09-13T16:30:00.000Z" })) as SupervisionClock;
    expect(clock).toMatchObject({
      id: "000014351-environment-news",
      unitCode: "000014351",
      watchOn: "2026-09-28",
    });
    expect(deadlineOf(clock, calendar, settings).dueOn).toBe("2026-09-28");
    expect(clock.basis).toContain("至少每14日更新一次");
  });

  it("a draft, or a column the checks do not time (no setting), has no clock", () => {
    expect(clockOfColumn(item({ state: "draft", publishedAt: null }))).toBeNull();
    expect(clockOfColumn(item({ columnId: "annual-reports" }))).toBeNull();
  });
});

describe("OGI Art. 26: an unpublished draft as a clock", () => {
  const draft = (over: Partial<Item>) =>
    ({
      id: "item_2",
      unitCode: "000014351",
      title: "市财政局2026年政府采购意向",
      columnId: "fiscal",
      generatedOn: "2026-09-14",
      state: "draft",
      publishedAt: null,
      firstPublishedAt: null,
      ...over,
    }) as Item;

  it("OGI Art. 26: due 20 working days after formation, counted over 中秋, National Day and both make-up days", () => {
    const clock = clockOfUnpublished(draft({})) as SupervisionClock;
    expect(deadlineOf(clock, calendar, settings)).toEqual({ dueOn: "2026-10-16", provisional: false });
    expect(clock.watchOn <= "2026-10-16").toBe(true);
    expect(clockOfUnpublished(draft({ state: "submitted" }))).not.toBeNull();
  });

  it("published, or a new edition of an item already published once, owes nothing here", () => {
    expect(
      clockOfUnpublished(draft({ state: "published", publishedAt: "2026-09-20T02:00:00.000Z" })),
    ).toBeNull();
    expect(clockOfUnpublished(draft({ firstPublishedAt: "2026-09-20T02:00:00.000Z" }))).toBeNull();
  });
});

describe("预算法 Art. 14: an unpublished budget as a clock", () => {
  const budget = (over: Partial<Item>) =>
    ({
      id: "item_3",
      unitCode: "000014351",
      kind: "budget",
      title: "市财政局2026年部门预算调整",
      columnId: "fiscal-budget-departments",
      generatedOn: "2026-09-11",
      approvedOn: "2026-09-11",
      state: "submitted",
      publishedAt: null,
      firstPublishedAt: null,
      ...over,
    }) as Item;

  it("预算法 Art. 14: 20 calendar days from approval; a last day off (1 October) moves to the first working day, unless the setting is off", () => {
    const clock = clockOfUnpublishedBudget(budget({})) as SupervisionClock;
    expect(deadlineOf(clock, calendar, settings).dueOn).toBe("2026-10-08");
    const plain = { ...settings, budgetPeriodEndsAfterDayOff: false };
    expect(deadlineOf(clock, calendar, plain).dueOn).toBe("2026-10-01");
    expect(clock.watchOn <= "2026-10-01").toBe(true);
  });

  it("published, or not a budget, has no budget clock", () => {
    expect(
      clockOfUnpublishedBudget(budget({ state: "published", firstPublishedAt: "2026-09-20T02:00:00.000Z" })),
    ).toBeNull();
    expect(clockOfUnpublishedBudget(budget({ kind: "general" }))).toBeNull();
  });
});
