import type { Principal } from "@gov/store";
import { beforeAll, describe, expect, it } from "vitest";
import {
  applicationDetail,
  applicationStatus,
  recordApplicationEvent,
  registerApplication,
  submitApplication,
} from "./applications.ts";
import { testDeps } from "./testing.ts";

let t: Awaited<ReturnType<typeof testDeps>>;
let dept: Principal;
let other: Principal;

const applicant = { type: "natural-person", name: "张三", phone: "13800000000" } as const;
const posted = (receivedOn: string) =>
  ({
    channel: "registered-post",
    receivedOn,
    applicant,
    description: "申请公开某项目的环评批复",
  }) as const;
const extend = {
  type: "extend",
  on: "2026-03-05",
  days: 10,
  approver: "办公室主任",
  applicantNotifiedOn: "2026-03-05",
} as const;

beforeAll(async () => {
  t = await testDeps(new Date("2026-03-02T02:00:00.000Z"));
  dept = await t.actor("000000801", ["editor"]);
  other = await t.actor("000000802", ["editor"]);
});

describe("applications without HTTP", () => {
  it("OGI Art. 33: an extension recorded on the clock's day moves the due date, with its audit entry", async () => {
    const registered = await registerApplication(t.deps, dept, posted("2026-02-27"));
    t.setNow(new Date("2026-03-05T03:00:00.000Z"));
    const extended = await recordApplicationEvent(t.deps, dept, { id: registered.id, event: extend });
    // 26 March (day 20, with 28 February a 调休 working day) plus 10 working days, 清明 off.
    expect(extended).toMatchObject({ state: "extended", dueOn: "2026-04-10", version: 2 });
    expect(extended.events.at(-1)).toMatchObject({
      type: "extend",
      at: "2026-03-05T03:00:00.000Z",
      by: dept.keyId,
    });
    expect((await t.store.applications.history(registered.id)).at(-1)).toEqual({
      entityType: "application",
      entityId: registered.id,
      action: "event:extend",
      version: 2,
      actorUnitCode: dept.unitCode,
      actorKeyId: dept.keyId,
      at: "2026-03-05T03:00:00.000Z",
      state: "extended",
    });
  });

  it("another unit's application is not found, and its event is refused with nothing written", async () => {
    const registered = await registerApplication(t.deps, dept, posted("2026-02-27"));
    await expect(
      recordApplicationEvent(t.deps, other, { id: registered.id, event: extend }),
    ).rejects.toMatchObject({ kind: "not-found" });
    await expect(applicationDetail(t.deps, other, registered.id)).rejects.toMatchObject({
      kind: "not-found",
    });
    expect(await t.store.applications.history(registered.id)).toHaveLength(1);
  });

  it("a stale expected version is precondition-failed and records no event", async () => {
    const registered = await registerApplication(t.deps, dept, posted("2026-02-27"));
    await expect(
      recordApplicationEvent(t.deps, dept, { id: registered.id, event: extend, expectedVersion: 7 }),
    ).rejects.toMatchObject({ kind: "precondition-failed" });
    expect((await applicationDetail(t.deps, dept, registered.id)).events).toHaveLength(0);
  });

  it("a unit registers only for itself", async () => {
    await expect(
      registerApplication(t.deps, dept, { ...posted("2026-02-27"), unitCode: other.unitCode }),
    ).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("OGI Art. 31(三): an online application is submitted on the Beijing day and received when confirmed", async () => {
    // 16:30 UTC on 2 March is 00:30 on 3 March in Beijing: the submission day is Beijing's, and
    // the automatic confirmation is the next working day, Wednesday 4 March. March 2026 has no
    // holiday, so its 20th working day after is 1 April (before 清明, 04-04..06 in the 2026 notice).
    t.setNow(new Date("2026-03-02T16:30:00.000Z"));
    const given: unknown[] = [];
    const { receipt, secret } = await submitApplication(
      t.deps,
      { unitCode: dept.unitCode, applicant, description: "申请公开某项目的环评批复" },
      {
        alsoWrite: (r) => {
          given.push(r);
          return [];
        },
      },
    );
    expect(receipt).toMatchObject({ receivedOn: "2026-03-03", dueOn: "2026-04-01", dueIsProvisional: false });
    expect(given).toEqual([receipt]);
    const status = await applicationStatus(t.deps, { trackingCode: receipt.trackingCode, secret });
    expect(status).toMatchObject({ state: "received", unitCode: dept.unitCode, overdue: false });
    await expect(
      applicationStatus(t.deps, { trackingCode: receipt.trackingCode, secret: `${secret}x` }),
    ).rejects.toMatchObject({ kind: "not-found" });
  });

  it("OGI Art. 31(三): submitted on a Saturday, the office confirms on Monday and the clock counts from Monday", async () => {
    // Saturday 2026-03-07; confirmed Monday 03-09, the 20th working day after is 7 April: 3 April
    // is the 19th, and 清明 (04-04..06 in the 2026 notice) is off.
    t.setNow(new Date("2026-03-07T02:00:00.000Z"));
    const { receipt } = await submitApplication(t.deps, {
      unitCode: dept.unitCode,
      applicant,
      description: "申请公开某项目的环评批复",
    });
    const [submitted] = (await t.store.applications.listOfUnit(dept.unitCode, { limit: 50 })).items.filter(
      (a) => a.trackingCode === receipt.trackingCode,
    );
    expect(submitted?.confirmation).toBe("auto");
    t.setNow(new Date("2026-03-09T02:00:00.000Z"));
    const confirmed = await recordApplicationEvent(t.deps, dept, {
      id: submitted?.id as string,
      event: { type: "confirm", on: "2026-03-09" },
    });
    expect(confirmed.dueOn).toBe("2026-04-07");
    const detail = await applicationDetail(t.deps, dept, confirmed.id);
    expect(detail.explanation[0]?.effect).toContain("条例第三十一条第三项");
  });
});
