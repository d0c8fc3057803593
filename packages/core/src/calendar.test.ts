import type { Principal } from "@gov/store";
import { beforeAll, describe, expect, it } from "vitest";
import { applicationDetail, recordApplicationEvent, registerApplication } from "./applications.ts";
import { loadHolidayNotice } from "./calendar.ts";
import { testDeps } from "./testing.ts";

let t: Awaited<ReturnType<typeof testDeps>>;
let office: Principal;
let dept: Principal;

const notice2027 = {
  year: 2027,
  title: "国务院办公厅关于2027年部分节假日安排的通知（测试数据）",
  daysOff: ["2027-01-01", "2027-01-02", "2027-01-03"],
  workdays: [],
};
const posted = (receivedOn: string) =>
  ({
    channel: "in-person",
    receivedOn,
    applicant: { type: "natural-person", name: "李四", phone: "13900000000" },
    description: "申请公开某道路的养护合同",
  }) as const;

beforeAll(async () => {
  t = await testDeps(new Date("2026-12-10T02:00:00.000Z"));
  office = await t.actor("000014349", ["office"]);
  dept = await t.actor("000000801", ["editor"]);
});

describe("holiday notices without HTTP", () => {
  it("a loaded notice makes a provisional due date exact and says why in the open application's log", async () => {
    const open = await registerApplication(t.deps, dept, posted("2026-12-10"));
    const answered = await registerApplication(t.deps, dept, posted("2026-12-10"));
    const respond = { type: "respond", on: "2026-12-10", responseType: "does-not-exist" } as const;
    await recordApplicationEvent(t.deps, dept, { id: answered.id, event: respond });
    // 1 January 2027 counts as a working day until 2027 is loaded.
    expect(open).toMatchObject({ dueOn: "2027-01-07", dueIsProvisional: true });

    t.setNow(new Date("2026-12-11T02:00:00.000Z"));
    const loaded = await loadHolidayNotice(t.deps, office, { notice: notice2027 });
    expect(loaded).toMatchObject({ year: 2027, version: 1, recomputedApplications: 1 });

    const after = await applicationDetail(t.deps, dept, open.id);
    expect(after).toMatchObject({ dueOn: "2027-01-08", dueIsProvisional: false, version: 2 });
    expect(after.events.at(-1)).toMatchObject({
      type: "calendar-changed",
      on: "2026-12-11",
      noticeYear: 2027,
    });
    expect((await t.store.applications.history(open.id)).at(-1)).toMatchObject({
      action: "calendar-changed",
      actorKeyId: office.keyId,
      at: "2026-12-11T02:00:00.000Z",
      note: "载入2027年节假日安排：2027-01-07 → 2027-01-08",
    });
    expect((await applicationDetail(t.deps, dept, answered.id)).events.map((e) => e.type)).toEqual([
      "respond",
    ]);
  });

  it("a loaded year is replaced only at the version read: none is 428, a stale one 412", async () => {
    const notice = { ...notice2027, year: 2028, daysOff: ["2028-01-01"] };
    await loadHolidayNotice(t.deps, office, { notice });
    await expect(loadHolidayNotice(t.deps, office, { notice })).rejects.toMatchObject({
      kind: "precondition-required",
    });
    await expect(loadHolidayNotice(t.deps, office, { notice, expectedVersion: 3 })).rejects.toMatchObject({
      kind: "precondition-failed",
    });
    expect(await loadHolidayNotice(t.deps, office, { notice, expectedVersion: 1 })).toMatchObject({
      version: 2,
    });
  });
});
