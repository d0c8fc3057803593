import type { Principal } from "@gov/store";
import { beforeAll, describe, expect, it } from "vitest";
import { recordApplicationEvent, registerApplication } from "./applications.ts";
import { overdueAcrossClocks } from "./overdue.ts";
import { testDeps } from "./testing.ts";
import { applicationTimelinessByUnit } from "./timeliness-by-unit.ts";

let t: Awaited<ReturnType<typeof testDeps>>;
let office: Principal;
let dept: Principal;
let other: Principal;

const posted = (receivedOn: string) =>
  ({
    channel: "registered-post",
    receivedOn,
    applicant: { type: "natural-person", name: "张三", phone: "13800000000" },
    description: "申请公开某项目的环评批复",
  }) as const;

beforeAll(async () => {
  t = await testDeps(new Date("2026-03-02T02:00:00.000Z"));
  office = await t.actor("000000800", ["office"]);
  dept = await t.actor("000000801", ["editor"]);
  other = await t.actor("000000802", ["editor"]);
  // Received Friday 27 February; due 26 March (20 working days, OGI Art. 33).
  const answered = await registerApplication(t.deps, dept, posted("2026-02-27"));
  const extended = await registerApplication(t.deps, dept, posted("2026-02-27"));
  await registerApplication(t.deps, other, posted("2026-02-27"));
  t.setNow(new Date("2026-03-05T03:00:00.000Z"));
  await recordApplicationEvent(t.deps, dept, {
    id: answered.id,
    event: { type: "respond", on: "2026-03-05", responseType: "disclosed" },
  });
  await recordApplicationEvent(t.deps, dept, {
    id: extended.id,
    event: {
      type: "extend",
      on: "2026-03-05",
      days: 10,
      approver: "办公室主任",
      applicantNotifiedOn: "2026-03-05",
    },
  });
  // 1 April: past 26 March, before the extended 10 April.
  t.setNow(new Date("2026-04-01T03:00:00.000Z"));
});

describe("the console's timeliness per unit (OGI Art. 33, counted as the annual statistics count)", () => {
  it("per unit: answered in time, extended, and past the due date unanswered", async () => {
    const view = await applicationTimelinessByUnit(t.deps, office, { year: 2026 });
    expect(view.asOf).toBe("2026-04-01");
    expect(view.units.find((u) => u.unitCode === dept.unitCode)).toMatchObject({
      onTime: 1,
      extended: 1,
      overdue: 0,
    });
    expect(view.units.find((u) => u.unitCode === other.unitCode)).toMatchObject({
      onTime: 0,
      extended: 0,
      overdue: 1,
    });
    // The office's own unit has no application: no empty row in the chart.
    expect(view.units.some((u) => u.unitCode === office.unitCode)).toBe(false);
  });

  it("a unit's key counts its own unit only", async () => {
    const view = await applicationTimelinessByUnit(t.deps, dept, { year: 2026 });
    expect(view.units.map((u) => u.unitCode)).toEqual([dept.unitCode]);
  });
});

describe("overdue across clocks as a unit's key sees it (the console)", () => {
  it("its own unit's late work only; another unit named is not found (404, never 403)", async () => {
    const own = await overdueAcrossClocks(t.deps, other, {});
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((i) => i.unitCode === other.unitCode)).toBe(true);
    expect((await overdueAcrossClocks(t.deps, dept, {})).items).toEqual([]);
    await expect(overdueAcrossClocks(t.deps, dept, { unitCode: other.unitCode })).rejects.toMatchObject({
      kind: "not-found",
    });
    const all = await overdueAcrossClocks(t.deps, office, {});
    expect(all.items.map((i) => i.unitCode)).toContain(other.unitCode);
  });
});
