import { describe, expect, it } from "vitest";
import { builtInCalendar, isWorkingDay } from "./calendar.ts";
import type { DomainError } from "./error.ts";
import {
  acknowledge,
  IssueNoticeInput,
  type Notice,
  newNotice,
  noticeSize,
  pendingReceipts,
  type Receipt,
  receiptDeadline,
  receiptStatus,
  receiptsOverview,
  resolveTargets,
} from "./notice.ts";
import type { Unit } from "./unit.ts";

const calendar = builtInCalendar();
const office = "000014349";
const units: Unit[] = [
  { code: office, name: "共青城市人民政府办公室", kind: "office" },
  { code: "000014351", name: "共青城市财政局", kind: "department" },
  { code: "000014352", name: "共青城市教育局", kind: "department" },
  { code: "000014360", name: "江益镇", kind: "township" },
  { code: "000014361", name: "茶山街道", kind: "street" },
];

const input = (fields: Record<string, unknown> = {}) =>
  IssueNoticeInput.parse({
    kind: "training",
    title: "关于举办全市政务公开工作培训会的通知",
    body: "定于2019年11月15日举办全市政务公开工作培训会，请各单位分管领导及工作人员参加。",
    targets: { scope: "all" },
    receipt: { required: true, workingDays: 5 },
    ...fields,
  });

const issue = (fields: Record<string, unknown>, now: string): Notice =>
  newNotice(input(fields), ["000014351", "000014360"], {
    id: "ntc_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
    issuedBy: office,
    now,
  });

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error("expected a refusal");
};

describe("notice targets are resolved to units on the issue day", () => {
  it("departments are the departments; townships are townships and streets; all is both, never the office", () => {
    expect(resolveTargets({ scope: "departments" }, units)).toEqual(["000014351", "000014352"]);
    expect(resolveTargets({ scope: "townships" }, units)).toEqual(["000014360", "000014361"]);
    expect(resolveTargets({ scope: "all" }, units)).toEqual([
      "000014351",
      "000014352",
      "000014360",
      "000014361",
    ]);
  });

  it("listed units must exist and appear once; each refusal names its place in the list", () => {
    expect(resolveTargets({ scope: "units", unitCodes: ["000014360", "000014351"] }, units)).toEqual([
      "000014351",
      "000014360",
    ]);
    const error = failure(() =>
      resolveTargets({ scope: "units", unitCodes: ["000014351", "999999999", "000014351"] }, units),
    );
    expect(error.kind).toBe("validation");
    expect(error.issues).toEqual([
      { path: "targets.unitCodes.1", message: "单位不存在" },
      { path: "targets.unitCodes.2", message: "单位重复" },
    ]);
  });

  it("a level without units is refused rather than issued to nobody", () => {
    const error = failure(() => resolveTargets({ scope: "townships" }, units.slice(0, 3)));
    expect(error.issues).toEqual([{ path: "targets.scope", message: "该范围内没有单位" }]);
  });

  it("an empty list, or a list beside a level, is refused by the schema at targets.unitCodes", () => {
    for (const targets of [
      { scope: "units", unitCodes: [] },
      { scope: "units" },
      { scope: "all", unitCodes: [office] },
    ]) {
      const result = IssueNoticeInput.safeParse({ ...input(), targets });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["targets", "unitCodes"]);
    }
  });
});

describe("notice body is limited in UTF-8 bytes", () => {
  it(`a body of ${noticeSize.bodyBytes / 1024} KiB passes; one more Chinese character (3 bytes) is refused at body`, () => {
    const exactly = "政".repeat(Math.floor(noticeSize.bodyBytes / 3)) + "x".repeat(noticeSize.bodyBytes % 3);
    expect(IssueNoticeInput.safeParse({ ...input(), body: exactly }).success).toBe(true);
    const over = IssueNoticeInput.safeParse({ ...input(), body: `${exactly}政` });
    expect(over.error?.issues.map((i) => i.path)).toEqual([["body"]]);
  });
});

describe("receipt deadline", () => {
  it("5 working days from 2019-09-30 over the 2019 National Day holiday lands on Saturday 2019-10-12, a make-up working day", () => {
    // 国办发明电〔2018〕15号: 10月1日至7日放假调休，9月29日（星期日）、10月12日（星期六）上班.
    expect(isWorkingDay(calendar, "2019-10-07").working).toBe(false);
    expect(isWorkingDay(calendar, "2019-10-12").working).toBe(true);
    const notice = issue({}, "2019-09-30T02:00:00.000Z");
    expect(receiptDeadline(notice, calendar)).toEqual({ dueOn: "2019-10-12", provisional: false });
  });

  it("control: 5 working days from a plain week (2019-11-11, Monday) land on the next Monday", () => {
    const notice = issue({}, "2019-11-11T02:00:00.000Z");
    expect(receiptDeadline(notice, calendar)).toEqual({ dueOn: "2019-11-18", provisional: false });
  });

  it("the issue day is the Asia/Shanghai day: 2019-09-29T17:00Z is already 30 September", () => {
    expect(issue({}, "2019-09-29T17:00:00.000Z").issuedOn).toBe("2019-09-30");
  });

  it("a count reaching a year whose holiday notice is not loaded (2027) is provisional, never a silent guess", () => {
    const notice = issue({}, "2026-12-28T02:00:00.000Z");
    expect(receiptDeadline(notice, calendar)?.provisional).toBe(true);
  });

  it("a fixed date is the deadline as given; one before the issue day is refused at receipt.dueOn", () => {
    const notice = issue({ receipt: { required: true, dueOn: "2019-11-12" } }, "2019-11-01T02:00:00.000Z");
    expect(receiptDeadline(notice, calendar)).toEqual({ dueOn: "2019-11-12", provisional: false });
    const error = failure(() =>
      issue({ receipt: { required: true, dueOn: "2019-10-31" } }, "2019-11-01T02:00:00.000Z"),
    );
    expect(error.issues[0]?.path).toBe("receipt.dueOn");
  });

  it("no receipt asked: no deadline; asking for one needs exactly one of working days or a date", () => {
    expect(
      receiptDeadline(issue({ receipt: { required: false } }, "2019-11-01T02:00:00.000Z"), calendar),
    ).toBeNull();
    const both = IssueNoticeInput.safeParse({
      ...input(),
      receipt: { required: true, workingDays: 3, dueOn: "2019-11-12" },
    });
    expect(both.error?.issues[0]?.path).toEqual(["receipt", "workingDays"]);
    const neither = IssueNoticeInput.safeParse({ ...input(), receipt: { required: true } });
    expect(neither.success).toBe(false);
  });
});

describe("receipts", () => {
  const notice = issue({}, "2019-09-30T02:00:00.000Z"); // due 2019-10-12
  const deadline = receiptDeadline(notice, calendar);
  const [pending] = pendingReceipts(notice) as [Receipt];

  it("acknowledging twice is harmless: the second keeps the first time, key and note", () => {
    const first = acknowledge(pending, { note: "已安排专人参加" }, "key_a", "2019-10-08T01:00:00.000Z");
    expect(first.changed).toBe(true);
    const second = acknowledge(first.receipt, { note: "再次确认" }, "key_b", "2019-10-20T01:00:00.000Z");
    expect(second).toEqual({ receipt: first.receipt, changed: false });
    expect(receiptStatus(second.receipt, deadline, "2019-10-20")).toBe("acknowledged");
  });

  it("late: acknowledged on a day after the deadline; the deadline day itself (Shanghai) is on time", () => {
    // 2019-10-12T15:59Z is 23:59 on the 12th in Shanghai; a minute later it is the 13th.
    const onTime = acknowledge(pending, {}, "key_a", "2019-10-12T15:59:00.000Z").receipt;
    const late = acknowledge(pending, {}, "key_a", "2019-10-12T16:00:00.000Z").receipt;
    expect(receiptStatus(onTime, deadline, "2019-10-20")).toBe("acknowledged");
    expect(receiptStatus(late, deadline, "2019-10-20")).toBe("late");
  });

  it("late: still pending once the deadline has passed; pending on the deadline day", () => {
    expect(receiptStatus(pending, deadline, "2019-10-12")).toBe("pending");
    expect(receiptStatus(pending, deadline, "2019-10-13")).toBe("late");
    expect(receiptStatus(pending, null, "2029-01-01")).toBe("pending");
  });

  it("the office's overview counts each status", () => {
    const [a, b] = pendingReceipts(notice) as [Receipt, Receipt];
    const acked = acknowledge(a, {}, "key_a", "2019-10-09T01:00:00.000Z").receipt;
    const overview = receiptsOverview(notice, [acked, b], calendar, "2019-10-14");
    expect(overview.counts).toEqual({ total: 2, acknowledged: 1, pending: 0, late: 1 });
    expect(overview.receipts.map((r) => [r.unitCode, r.status])).toEqual([
      ["000014351", "acknowledged"],
      ["000014360", "late"],
    ]);
  });
});
