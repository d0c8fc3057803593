import { describe, expect, it } from "vitest";
import { builtInCalendar, withNotice } from "./calendar.ts";
import { nextDay } from "./date.ts";
import {
  isLetterOverdue,
  type Letter,
  latestOverdueReceipt,
  letterDueDate,
  newLetter,
  publishedLetter,
  replyToLetter,
  SubmitLetterInput,
  transferLetter,
} from "./letter.ts";
import { defaultSettings, Settings } from "./settings.ts";

const calendar = builtInCalendar();
const office = { unitCode: "000014349", roles: ["office" as const] };
const finance = { unitCode: "000014351", roles: ["editor" as const] };
const justice = { unitCode: "000014352", roles: ["editor" as const] };

const input = SubmitLetterInput.parse({
  subject: "关于小区停车难的建议",
  body: "建议在城区增设公共停车位。",
  writer: { name: "王小明", phone: "13800000000" },
  consentToPublish: true,
});
const letter = (receivedOn = "2025-09-30"): Letter =>
  newLetter(
    input,
    { id: "let_01JD6Q3Z5K8X9V2M4N7P0R1S3T", trackingCode: "XJ7K2M9P4Q" },
    receivedOn,
    `${receivedOn}T02:00:00.000Z`,
  );

describe("mayor's mailbox reply deadline (setting mailboxReplyWorkingDays, default 5 working days)", () => {
  it("counts from the day after receipt across the National Day holiday and its 调休 Saturday (2025-10-11)", () => {
    // 30 Sep (Tue) received; 1–8 Oct off; 9, 10 Oct; Sat 11 Oct is a make-up working day; 13, 14 Oct.
    expect(letterDueDate(letter("2025-09-30"), calendar, defaultSettings)).toEqual({
      date: "2025-10-14",
      provisional: false,
    });
  });

  it("the deadline follows the setting", () => {
    const three = Settings.parse({ mailboxReplyWorkingDays: 3 });
    expect(letterDueDate(letter("2025-09-30"), calendar, three).date).toBe("2025-10-11");
  });

  it("a deadline in a year whose holidays are not loaded is provisional until the notice is loaded", () => {
    const due = letterDueDate(letter("2026-12-29"), calendar, defaultSettings);
    expect(due.provisional).toBe(true);
    const loaded = withNotice(calendar, {
      year: 2027,
      title: "国务院办公厅关于2027年部分节假日安排的通知",
      daysOff: ["2027-01-01", "2027-01-02", "2027-01-03"],
      workdays: [],
    });
    expect(letterDueDate(letter("2026-12-29"), loaded, defaultSettings)).toEqual({
      date: "2027-01-06",
      provisional: false,
    });
  });

  it("an open letter is overdue the day after its deadline, not on it; a replied one never is", () => {
    const open = letter("2025-09-30");
    expect(isLetterOverdue(open, calendar, defaultSettings, "2025-10-14")).toBe(false);
    expect(isLetterOverdue(open, calendar, defaultSettings, "2025-10-15")).toBe(true);
    const assigned = transferLetter(open, office, { unitCode: finance.unitCode, reason: "职能" }, "t");
    const replied = replyToLetter(
      assigned,
      finance,
      { body: "答复", unitName: "财政局" },
      new Date(),
      "2025-10-20",
    );
    expect(isLetterOverdue(replied, calendar, defaultSettings, "2025-10-21")).toBe(false);
  });

  it("the latest overdue receipt day is exactly the boundary of isLetterOverdue", () => {
    for (const today of ["2025-10-15", "2025-10-09", "2025-10-13", "2026-02-24"]) {
      const cutoff = latestOverdueReceipt(calendar, defaultSettings, today);
      expect(isLetterOverdue(letter(cutoff), calendar, defaultSettings, today), today).toBe(true);
      expect(isLetterOverdue(letter(nextDay(cutoff)), calendar, defaultSettings, today), today).toBe(false);
    }
  });
});

describe("assigning, transferring and replying", () => {
  it("the office assigns, the holding unit transfers on, and each move records from, to and reason", () => {
    const assigned = transferLetter(
      letter(),
      office,
      { unitCode: finance.unitCode, reason: "属财政职能" },
      "t1",
    );
    expect(assigned).toMatchObject({ state: "assigned", unitCode: finance.unitCode, version: 2 });
    const moved = transferLetter(
      assigned,
      finance,
      { unitCode: justice.unitCode, reason: "属司法职能" },
      "t2",
    );
    expect(moved.transfers).toEqual([
      { from: null, to: finance.unitCode, reason: "属财政职能", at: "t1", byUnitCode: office.unitCode },
      {
        from: finance.unitCode,
        to: justice.unitCode,
        reason: "属司法职能",
        at: "t2",
        byUnitCode: finance.unitCode,
      },
    ]);
  });

  it("a unit that does not hold the letter cannot move it and does not learn it exists", () => {
    expect(() => transferLetter(letter(), finance, { unitCode: finance.unitCode, reason: "x" }, "t")).toThrow(
      expect.objectContaining({ kind: "not-found" }),
    );
  });

  it("only the holding unit replies, once; the office is told to transfer first", () => {
    const assigned = transferLetter(letter(), office, { unitCode: finance.unitCode, reason: "x" }, "t");
    expect(() =>
      replyToLetter(assigned, justice, { body: "b", unitName: "n" }, new Date(), "2025-10-09"),
    ).toThrow(expect.objectContaining({ kind: "not-found" }));
    expect(() =>
      replyToLetter(assigned, office, { body: "b", unitName: "n" }, new Date(), "2025-10-09"),
    ).toThrow(expect.objectContaining({ kind: "conflict" }));
    const replied = replyToLetter(
      assigned,
      finance,
      { body: "已答复", unitName: "财政局" },
      new Date(),
      "2025-10-09",
    );
    expect(replied).toMatchObject({ state: "replied", repliedOn: "2025-10-09" });
    expect(() =>
      replyToLetter(replied, finance, { body: "b", unitName: "n" }, new Date(), "2025-10-10"),
    ).toThrow(expect.objectContaining({ kind: "conflict" }));
    expect(() => transferLetter(replied, office, { unitCode: justice.unitCode, reason: "x" }, "t")).toThrow(
      expect.objectContaining({ kind: "conflict" }),
    );
  });

  it("a published reply shows 受理日期, 答复日期, 答复部门, 答复内容 and never the writer; no consent, no publication", () => {
    const assigned = transferLetter(letter(), office, { unitCode: finance.unitCode, reason: "x" }, "t");
    const replied = replyToLetter(
      assigned,
      finance,
      { body: "已答复", unitName: "财政局" },
      new Date(),
      "2025-10-09",
    );
    const shown = publishedLetter(replied);
    expect(shown).toMatchObject({
      receivedOn: "2025-09-30",
      repliedOn: "2025-10-09",
      unitName: "财政局",
      reply: "已答复",
    });
    expect(JSON.stringify(shown)).not.toContain("王小明");
    expect(publishedLetter({ ...replied, consentToPublish: false })).toBeUndefined();
    expect(publishedLetter(assigned)).toBeUndefined();
  });
});
