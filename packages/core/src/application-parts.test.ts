import type { Principal } from "@gov/store";
import { beforeAll, describe, expect, it } from "vitest";
import {
  applicationDetail,
  applicationStatus,
  recordApplicationEvent,
  routeApplication,
  submitApplication,
} from "./applications.ts";
import { overdueAcrossClocks } from "./overdue.ts";
import { applicationStatisticsOf } from "./statistics.ts";
import { testDeps } from "./testing.ts";

/**
 * One application, several units (ADR 0061). March 2026 has no holiday and 清明 is 4–6 April
 * in the 2026 notice, so the working days below can be counted on a wall calendar.
 */
let t: Awaited<ReturnType<typeof testDeps>>;
let office: Principal;
let first: Principal;
let second: Principal;
let third: Principal;

const applicant = { type: "natural-person", name: "张三", phone: "13800000000" } as const;
const description = "申请公开2025年城区道路改造工程的招标文件、环评批复和资金拨付情况";
const at = (day: string) => new Date(`${day}T02:00:00.000Z`);
const disclosed = (on: string) => ({ type: "respond", on, responseType: "disclosed" }) as const;

beforeAll(async () => {
  t = await testDeps(at("2026-03-02"));
  office = await t.actor("000000800", ["office"]);
  first = await t.actor("000000801", ["editor"]);
  second = await t.actor("000000802", ["editor"]);
  third = await t.actor("000000803", ["editor"]);
});

/** The part of `unit` among the parts of a tracking code, as staff see it. */
async function partOf(trackingCode: string, unit: Principal) {
  const { found } = await t.store.applications.getByTrackingCode(trackingCode);
  const part = found?.parts.find((p) => p.unitCode === unit.unitCode);
  if (!part) throw new Error(`no part of ${unit.unitCode}`);
  return applicationDetail(t.deps, unit, part.id);
}

describe("one application, several units (ADR 0061)", () => {
  it("OGI Art. 33 per part: three units answer, two on time and one late; each clock, the applicant's view and table three count each part", async () => {
    // Monday 2 March: the applicant names two units; both parts are confirmed automatically on
    // Tuesday 3 March (Art. 31(三)), so both are due on the 20th working day after, 31 March.
    t.setNow(at("2026-03-02"));
    const { receipt, secret } = await submitApplication(t.deps, {
      unitCode: first.unitCode,
      otherUnitCodes: [second.unitCode],
      applicant,
      description,
    });
    expect(receipt).toMatchObject({ receivedOn: "2026-03-02", dueOn: "2026-03-31" });
    // Wednesday 4 March: the office routes it to a third unit, which receives it that day; its
    // 20 working days run from Thursday 5 March to 1 April.
    t.setNow(at("2026-03-04"));
    const [routed] = await routeApplication(t.deps, office, {
      id: (await partOf(receipt.trackingCode, first)).id,
      unitCodes: [third.unitCode],
    });
    expect(routed).toMatchObject({ unitCode: third.unitCode, receivedOn: "2026-03-04", dueOn: "2026-04-01" });

    t.setNow(at("2026-03-20"));
    await recordApplicationEvent(t.deps, first, {
      id: (await partOf(receipt.trackingCode, first)).id,
      event: disclosed("2026-03-20"),
    });
    t.setNow(at("2026-03-31"));
    await recordApplicationEvent(t.deps, second, {
      id: (await partOf(receipt.trackingCode, second)).id,
      event: disclosed("2026-03-31"),
    });

    // Thursday 2 April: the third unit's part is past due, on its own unit's overdue view only.
    t.setNow(at("2026-04-02"));
    // (Its Art. 30 correction window, 7 working days from 4 March, is its own clock beside it.)
    const overdueOfThird = await overdueAcrossClocks(t.deps, third, {});
    expect(overdueOfThird.items.find((i) => i.kind === "application")).toMatchObject({
      id: routed?.id,
      unitCode: third.unitCode,
      dueOn: "2026-04-01",
      level: "overdue",
    });
    expect(overdueOfThird.items.every((i) => i.id === routed?.id)).toBe(true);
    expect((await overdueAcrossClocks(t.deps, first, {})).items).toEqual([]);
    expect((await overdueAcrossClocks(t.deps, second, {})).items).toEqual([]);

    t.setNow(at("2026-04-03"));
    await recordApplicationEvent(t.deps, third, { id: routed?.id as string, event: disclosed("2026-04-03") });

    const status = await applicationStatus(t.deps, { trackingCode: receipt.trackingCode, secret });
    expect(status).toMatchObject({ unitCode: first.unitCode, state: "answered", dueOn: "2026-03-31" });
    expect(status.parts).toEqual([
      {
        unitCode: first.unitCode,
        unitName: `测试单位${first.unitCode}`,
        state: "answered",
        receivedOn: "2026-03-02",
        dueOn: "2026-03-31",
        dueIsProvisional: false,
        overdue: false,
        responseType: "disclosed",
        endedOn: "2026-03-20",
      },
      expect.objectContaining({
        unitCode: second.unitCode,
        dueOn: "2026-03-31",
        endedOn: "2026-03-31",
        overdue: false,
      }),
      expect.objectContaining({
        unitCode: third.unitCode,
        dueOn: "2026-04-01",
        endedOn: "2026-04-03",
        overdue: true,
      }),
    ]);

    // Each part is one request in its own unit's table three, and one in the city's total.
    t.setNow(at("2026-12-31"));
    for (const unit of [first, second, third]) {
      const figures = await applicationStatisticsOf(t.deps, { year: 2026, unit: unit.unitCode });
      expect(figures.tableThree.newThisYear.total).toBe(1);
      expect(figures.tableThree.results.disclosed?.["natural-person"]).toBe(1);
      expect(figures.overdue).toBe(unit === third ? 1 : 0);
    }
    const city = await applicationStatisticsOf(t.deps, { year: 2026 });
    expect(city.tableThree.newThisYear.total).toBe(3);
    expect(city.tableThree.resultsTotal.total).toBe(3);
    expect(city.tableThree.balanced).toBe(true);
    expect(city).toMatchObject({ answered: 3, answeredOnTime: 2, overdue: 1 });
  });

  it("a unit's key sees its own part only; another unit's part reads as not found", async () => {
    t.setNow(at("2026-03-02"));
    const { receipt } = await submitApplication(t.deps, {
      unitCode: first.unitCode,
      otherUnitCodes: [second.unitCode],
      applicant,
      description,
    });
    const own = await partOf(receipt.trackingCode, second);
    expect(own.applicant).toMatchObject({ name: "张三" });
    await expect(applicationDetail(t.deps, first, own.id)).rejects.toMatchObject({ kind: "not-found" });
    await expect(
      recordApplicationEvent(t.deps, first, { id: own.id, event: disclosed("2026-03-02") }),
    ).rejects.toMatchObject({ kind: "not-found" });
  });

  it("a part's staff detail lists every unit's part with its own clock, so the office follows them from any one", async () => {
    t.setNow(at("2026-03-02"));
    const { receipt } = await submitApplication(t.deps, {
      unitCode: first.unitCode,
      otherUnitCodes: [second.unitCode],
      applicant,
      description,
    });
    t.setNow(at("2026-03-04"));
    const own = await partOf(receipt.trackingCode, first);
    await routeApplication(t.deps, office, { id: own.id, unitCodes: [third.unitCode] });
    const seen = await partOf(receipt.trackingCode, second);
    expect(seen.parts.map((p) => [p.unitCode, p.receivedOn, p.dueOn])).toEqual([
      [first.unitCode, "2026-03-02", "2026-03-31"],
      [second.unitCode, "2026-03-02", "2026-03-31"],
      [third.unitCode, "2026-03-04", "2026-04-01"],
    ]);
    expect(seen.parts.find((p) => p.unitCode === second.unitCode)?.id).toBe(seen.id);
    // The summary is not the record: another unit's part still reads as not found.
    const other = seen.parts.find((p) => p.unitCode === third.unitCode);
    await expect(applicationDetail(t.deps, second, other?.id ?? "")).rejects.toMatchObject({
      kind: "not-found",
    });
    // Control: a one-unit application lists only itself.
    const { receipt: single } = await submitApplication(t.deps, {
      unitCode: first.unitCode,
      applicant,
      description: `${description}（单一单位）`,
    });
    expect((await partOf(single.trackingCode, first)).parts).toHaveLength(1);
  });

  it("OGI Art. 31: a routed part is received on the day routed, never before the application's receipt", async () => {
    t.setNow(at("2026-03-02"));
    const { receipt } = await submitApplication(t.deps, { unitCode: first.unitCode, applicant, description });
    const id = (await partOf(receipt.trackingCode, first)).id;
    t.setNow(at("2026-03-10"));
    await expect(
      routeApplication(t.deps, office, { id, unitCodes: [second.unitCode], on: "2026-03-01" }),
    ).rejects.toMatchObject({ kind: "unprocessable", issues: [{ path: "on" }] });
    // Control: the day routed, after receipt, is the part's receipt.
    const [routed] = await routeApplication(t.deps, office, {
      id,
      unitCodes: [second.unitCode],
      on: "2026-03-09",
      note: "资金拨付情况由该单位掌握",
    });
    expect(routed).toMatchObject({ receivedOn: "2026-03-09", partOf: id });
    expect(await t.store.applications.history(routed?.id as string)).toEqual([
      expect.objectContaining({
        action: "route",
        actorUnitCode: office.unitCode,
        note: `${id}：资金拨付情况由该单位掌握`,
      }),
    ]);
  });

  it("at most ten units answer one application: routing past ten is refused at unitCodes; units that do not exist are refused by their place", async () => {
    t.setNow(at("2026-03-02"));
    const { receipt } = await submitApplication(t.deps, {
      unitCode: first.unitCode,
      otherUnitCodes: [second.unitCode],
      applicant,
      description: `${description}（十个单位）`,
    });
    const id = (await partOf(receipt.trackingCode, first)).id;
    const codes = (n: number) => Array.from({ length: n }, (_, i) => `00000990${i}`);
    // 2 parts + 9 more = 11: over the limit, whatever the units are.
    await expect(routeApplication(t.deps, office, { id, unitCodes: codes(9) })).rejects.toMatchObject({
      kind: "unprocessable",
      issues: [{ path: "unitCodes" }],
    });
    // Control: 2 + 8 = 10 is within it; these units do not exist, and the first is named.
    await expect(routeApplication(t.deps, office, { id, unitCodes: codes(8) })).rejects.toMatchObject({
      kind: "unprocessable",
      issues: expect.arrayContaining([{ path: "unitCodes.0", message: expect.any(String) }]),
    });
    await expect(
      submitApplication(t.deps, {
        unitCode: first.unitCode,
        otherUnitCodes: ["000009999"],
        applicant,
        description,
      }),
    ).rejects.toMatchObject({ kind: "unprocessable", issues: [{ path: "otherUnitCodes.0" }] });
  });

  it("one part per unit: routing to a unit that has a part is refused, and two concurrent routings add one part", async () => {
    t.setNow(at("2026-03-02"));
    const { receipt, secret } = await submitApplication(t.deps, {
      unitCode: first.unitCode,
      applicant,
      description,
    });
    const id = (await partOf(receipt.trackingCode, first)).id;
    await expect(routeApplication(t.deps, office, { id, unitCodes: [first.unitCode] })).rejects.toMatchObject(
      {
        kind: "conflict",
        issues: [{ path: "unitCodes.0" }],
      },
    );
    const outcomes = await Promise.allSettled([
      routeApplication(t.deps, office, { id, unitCodes: [third.unitCode] }),
      routeApplication(t.deps, office, { id, unitCodes: [third.unitCode] }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { kind: "conflict" } });
    const status = await applicationStatus(t.deps, { trackingCode: receipt.trackingCode, secret });
    expect(status.parts.map((p) => p.unitCode)).toEqual([first.unitCode, third.unitCode]);
  });

  it("only the office routes an application, and only to units that exist", async () => {
    t.setNow(at("2026-03-02"));
    const { receipt } = await submitApplication(t.deps, { unitCode: first.unitCode, applicant, description });
    const id = (await partOf(receipt.trackingCode, first)).id;
    await expect(routeApplication(t.deps, first, { id, unitCodes: [second.unitCode] })).rejects.toMatchObject(
      {
        kind: "forbidden",
      },
    );
    await expect(routeApplication(t.deps, office, { id, unitCodes: ["000009999"] })).rejects.toMatchObject({
      kind: "unprocessable",
      issues: [{ path: "unitCodes.0" }],
    });
  });

  it("a one-unit application is the one-part case: the status lists its single part", async () => {
    t.setNow(at("2026-03-02"));
    const { receipt, secret } = await submitApplication(t.deps, {
      unitCode: first.unitCode,
      applicant,
      description,
    });
    const status = await applicationStatus(t.deps, { trackingCode: receipt.trackingCode, secret });
    expect(status.parts).toEqual([
      expect.objectContaining({ unitCode: first.unitCode, dueOn: status.dueOn, state: status.state }),
    ]);
  });
});
