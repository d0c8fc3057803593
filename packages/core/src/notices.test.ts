import { type DomainError, IssueNoticeInput } from "@gov/domain";
import type { Principal } from "@gov/store";
import { countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { acknowledgeNotice, issueNotice, listNotices, noticeDetail, receiptsOf } from "./notices.ts";
import { testDeps } from "./testing.ts";

let t: Awaited<ReturnType<typeof testDeps>>;
let office: Principal;
let finance: Principal;
let education: Principal;
let township: Principal;

const training = (fields: Record<string, unknown> = {}) =>
  IssueNoticeInput.parse({
    kind: "training",
    title: "关于举办全市政务公开工作培训会的通知",
    body: "定于2019年11月15日在市行政中心举办全市政务公开工作培训会，请于11月8日前回执。",
    targets: { scope: "departments" },
    receipt: { required: true, dueOn: "2019-11-08" },
    ...fields,
  });

const refusal = async (run: Promise<unknown>) =>
  run.then(
    () => expect.unreachable(),
    (e) => e as DomainError,
  );

beforeAll(async () => {
  t = await testDeps(new Date("2019-11-04T02:00:00.000Z"));
  office = await t.actor("000014349", ["office"]);
  finance = await t.actor("000014351", ["editor"]);
  education = await t.actor("000014352", ["editor"]);
  township = await t.actor("000014360", ["editor"]);
  // `actor` registers every non-office unit as a department; the township is put back as one.
  await t.store.units.put({ code: "000014360", name: "江益镇", kind: "township" });
});

describe("notices: issued by the office to the units their targets name that day", () => {
  it("departments get a pending receipt each; the township is not a target; only the office issues", async () => {
    const notice = await issueNotice(t.deps, office, training());
    expect(notice.unitCodes).toEqual(["000014351", "000014352"]);
    expect(notice.receiptDeadline).toEqual({ dueOn: "2019-11-08", provisional: false });
    const overview = await receiptsOf(t.deps, office, { id: notice.id });
    expect(overview.counts).toEqual({ total: 2, acknowledged: 0, pending: 2, late: 0 });
    expect((await refusal(issueNotice(t.deps, finance, training()))).kind).toBe("forbidden");
  });

  it("an unknown unit is refused at its place in the list and nothing is written", async () => {
    const before = await countTable(t.store);
    const error = await refusal(
      issueNotice(
        t.deps,
        office,
        training({ targets: { scope: "units", unitCodes: ["000014351", "999999999"] } }),
      ),
    );
    expect(error.kind).toBe("validation");
    expect(error.issues).toEqual([{ path: "targets.unitCodes.1", message: "单位不存在" }]);
    expect(await countTable(t.store)).toBe(before);
  });
});

describe("receipts: targets only, idempotent, late flagged for the office", () => {
  it("a unit sees its own notices; another unit gets not-found for the detail and for acknowledging", async () => {
    const notice = await issueNotice(
      t.deps,
      office,
      training({
        title: "关于报送政务公开工作要点落实情况的通知",
        targets: { scope: "units", unitCodes: ["000014360"] },
      }),
    );
    const mine = await listNotices(t.deps, township, { limit: 20 });
    expect(mine.items.map((n) => n.id)).toEqual([notice.id]);
    expect(mine.items[0]?.ownReceipt?.status).toBe("pending");
    expect((await noticeDetail(t.deps, township, { id: notice.id })).ownReceipt?.unitCode).toBe("000014360");
    expect((await refusal(noticeDetail(t.deps, finance, { id: notice.id }))).kind).toBe("not-found");
    expect((await refusal(acknowledgeNotice(t.deps, finance, { id: notice.id }))).kind).toBe("not-found");
    expect((await listNotices(t.deps, finance, { limit: 20 })).items.map((n) => n.id)).not.toContain(
      notice.id,
    );
  });

  it("acknowledging twice keeps the first time and note, and writes nothing the second time", async () => {
    const notice = await issueNotice(t.deps, office, training());
    const first = await acknowledgeNotice(t.deps, finance, {
      id: notice.id,
      note: "已安排2人参加",
      contact: "王敏 0792-4512345",
    });
    expect(first.ownReceipt).toMatchObject({ status: "acknowledged", note: "已安排2人参加", version: 2 });
    const before = await countTable(t.store);
    t.setNow(new Date("2019-11-06T02:00:00.000Z"));
    const second = await acknowledgeNotice(t.deps, finance, { id: notice.id, note: "再次确认" });
    expect(second.ownReceipt).toEqual(first.ownReceipt);
    expect(await countTable(t.store)).toBe(before);
  });

  it("the office sees who acknowledged, who has not, and who is late once the deadline has passed", async () => {
    t.setNow(new Date("2019-11-04T02:00:00.000Z"));
    const notice = await issueNotice(t.deps, office, training());
    await acknowledgeNotice(t.deps, finance, { id: notice.id });
    t.setNow(new Date("2019-11-11T02:00:00.000Z")); // after the 8 November deadline
    const overview = await receiptsOf(t.deps, office, { id: notice.id });
    expect(overview.receipts.map((r) => [r.unitCode, r.status])).toEqual([
      ["000014351", "acknowledged"],
      ["000014352", "late"],
    ]);
    const late = await acknowledgeNotice(t.deps, education, { id: notice.id });
    expect(late.ownReceipt?.status).toBe("late");
    expect((await receiptsOf(t.deps, office, { id: notice.id })).counts).toEqual({
      total: 2,
      acknowledged: 1,
      pending: 0,
      late: 1,
    });
    expect((await refusal(receiptsOf(t.deps, finance, { id: notice.id }))).kind).toBe("forbidden");
  });

  it("the office lists every notice, newest first", async () => {
    const page = await listNotices(t.deps, office, { limit: 100 });
    expect(page.items.length).toBe(4);
    const times = page.items.map((n) => n.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });
});
