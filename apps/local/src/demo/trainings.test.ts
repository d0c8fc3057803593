import { testDeps } from "@gov/core/testing";
import { createNoticesApp } from "@gov/notices";
import { createPublicApp } from "@gov/public";
import { beforeAll, describe, expect, it } from "vitest";
import { issueKeys, seedTrainings, seedUnits } from "../seed.ts";
import { demoTrainings } from "./trainings.ts";
import { officeUnitCode } from "./units.ts";

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON answers of many shapes
type Json = Record<string, any>;
let trainings: Json[];
let notices: Json[];
let report2019: Json;
let markdown2019: string;
let unitReport2019: Json;
let report2020: Json;

const peopleOf = (attendance: Record<string, number>) => Object.values(attendance).reduce((a, b) => a + b, 0);

beforeAll(async () => {
  const t = await testDeps(new Date("2019-01-02T02:00:00.000Z"));
  const units = await seedUnits(t.store, "demo");
  const credentials = await issueKeys(t.store, units, t.deps.clock());
  await seedTrainings(t.deps, credentials, (time, work) => {
    t.setNow(time);
    return work();
  });
  t.setNow(new Date("2026-03-02T02:00:00.000Z"));
  const office = credentials[officeUnitCode]?.keys.office as string;
  const notices_ = createNoticesApp(t.deps);
  const read = async (path: string) =>
    (await (await notices_.request(path, { headers: { authorization: `Bearer ${office}` } })).json()) as Json;
  trainings = (await read("/v1/trainings?limit=10")).items;
  notices = (await read("/v1/notices?limit=10")).items;
  const portal = createPublicApp(t.deps);
  report2019 = (await (await portal.request("/v1/reports/annual/2019")).json()) as Json;
  markdown2019 = await (await portal.request("/v1/reports/annual/2019?format=md")).text();
  unitReport2019 = (await (await portal.request("/v1/reports/annual/2019?unit=000014350")).json()) as Json;
  report2020 = (await (await portal.request("/v1/reports/annual/2020")).json()) as Json;
});

describe("the seed's three 2019 trainings, created through the notices API", () => {
  it("are there with the report's dates and titles, each with every unit's attendance", () => {
    expect(trainings.map((t) => [t.heldOn, t.title]).reverse()).toEqual([
      ["2019-04-29", "全市政务服务暨信息化建设专题调度会"],
      ["2019-11-15", "共青城市2019年政务公开工作培训会"],
      ["2019-11-28", "全市政务公开工作业务交流培训会"],
    ]);
    for (const training of trainings) {
      expect(
        training.invitations.every((i: Json) => i.attendance !== null),
        training.title,
      ).toBe(true);
    }
  });

  it("the 11-28 training had 53 attendees, the report's 50余人", () => {
    const exchange = trainings.find((t) => t.heldOn === "2019-11-28");
    expect(exchange?.attendance.people).toBe(53);
  });

  it("each training's notice was drafted from it and issued to the units it invited", () => {
    expect(notices).toHaveLength(3);
    for (const training of trainings) {
      const notice = notices.find((n) => n.title === `关于举办${training.title}的通知`);
      expect(notice, training.title).toMatchObject({
        kind: "training",
        unitCodes: training.invitedUnitCodes,
      });
    }
  });
});

describe("the annual report's training figure is counted from the training records", () => {
  const sessions = demoTrainings.length;
  const attendance = demoTrainings.reduce((sum, t) => sum + peopleOf(t.attendance), 0);

  it("2019: the figure in the JSON and in the text is the records' (3 trainings, 116 attendances)", () => {
    expect({ sessions, attendance }).toEqual({ sessions: 3, attendance: 116 });
    expect(report2019.training).toEqual({ sessions, attendance });
    expect(markdown2019).toContain(`全年开展政务公开业务培训${sessions}次，参训${attendance}人次`);
  });

  it("a unit's own report counts the trainings its people attended and how many of them came", () => {
    const own = demoTrainings.map((t) => t.attendance["000014350"] ?? 0);
    expect(unitReport2019.training).toEqual({
      sessions: own.filter((n) => n > 0).length,
      attendance: own.reduce((a, b) => a + b, 0),
    });
  });

  it("control: 2020 holds no training, so its figure is zero", () => {
    expect(report2020.training).toEqual({ sessions: 0, attendance: 0 });
  });
});
