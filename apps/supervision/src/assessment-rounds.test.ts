import { listNotices } from "@gov/core";
import { testDeps } from "@gov/core/testing";
import { jsonClient } from "@gov/http";
import { countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createSupervisionApp } from "./app.ts";
import { examples } from "./examples.ts";

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON answers of many shapes
type Json = Record<string, any>;
let t: Awaited<ReturnType<typeof testDeps>>;
let call: ReturnType<typeof jsonClient<Json>>;
let office: string;
let finance: string;
const departments = ["000014351", "000014352", "000014353"];
const township = "000014372";

/** Monday 2019-12-02: the self-assessment is due Friday the 13th. */
const round = (systemId: string, fields: Json = {}) => ({
  ...examples.round,
  indicatorSystemId: systemId,
  ...fields,
});

async function sheet(): Promise<string> {
  const res = await call("POST", "/indicator-systems", office, examples.system);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/** A unit's notices as its key would list them (`t.actor` would re-register the unit as a department). */
const noticesOf = async (unitCode: string) =>
  (await listNotices(t.deps, { unitCode, roles: ["editor"], keyId: "key_test" }, { limit: 100 })).items;

beforeAll(async () => {
  t = await testDeps(new Date("2019-12-02T02:00:00.000Z"));
  const app = createSupervisionApp(t.deps);
  call = jsonClient<Json>((path, init) => app.request(`/v1${path}`, init));
  office = await t.key("000014349", ["office"]);
  finance = await t.key(departments[0] as string, ["editor"]);
  for (const code of departments.slice(1)) await t.key(code, ["editor"]);
  await t.store.units.put({ code: township, name: "江益镇", kind: "township" });
});

describe("POST /assessment-rounds: a sheet's assessments for its units at once", () => {
  it("with notify, opens one assessment per department and issues them its 考评通知 through the notices core, receipt due on the self-assessment day", async () => {
    const systemId = await sheet();
    const res = await call("POST", "/assessment-rounds", office, round(systemId), {
      "idempotency-key": "round-1",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.unitCodes).toEqual(departments);
    expect(res.body.assessmentIds).toHaveLength(3);
    expect(res.body.notice).toMatchObject({ state: "issued" });
    const assessment = await call("GET", `/assessments/${res.body.assessmentIds[0]}`, office);
    expect(assessment.body).toMatchObject({ unitCode: departments[0], indicatorSystemId: systemId });

    const [notice] = (await noticesOf(departments[1] as string)).filter(
      (n) => n.id === res.body.notice.noticeId,
    );
    expect(notice).toMatchObject({
      kind: "assessment",
      title: "关于开展2019年度市政府各部门政务公开工作考评的通知",
      unitCodes: departments,
      receiptDeadline: { dueOn: "2019-12-13", provisional: false },
    });
    expect(notice?.body).toContain("2019年12月13日");
    expect(await noticesOf(township)).toEqual([]);

    const read = await call("GET", `/assessment-rounds/${res.body.id}`, office);
    expect(read.body.notice).toEqual(res.body.notice);
    const replay = await call("POST", "/assessment-rounds", office, round(systemId), {
      "idempotency-key": "round-1",
    });
    expect(replay.body.id).toBe(res.body.id);
  });

  it("control: without notify the round opens and no notice is owed or issued", async () => {
    const systemId = await sheet();
    const before = (await noticesOf(departments[0] as string)).length;
    const res = await call("POST", "/assessment-rounds", office, round(systemId, { notify: false }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.notice).toBeNull();
    expect((await noticesOf(departments[0] as string)).length).toBe(before);
  });

  it("a unit already assessed on the sheet refuses the whole round (409), and nothing is written", async () => {
    const systemId = await sheet();
    const one = await call("POST", "/assessments", office, {
      indicatorSystemId: systemId,
      unitCode: departments[2],
      assessor: "市政务公开办",
    });
    expect(one.status).toBe(201);
    const before = await countTable(t.store);
    const res = await call("POST", "/assessment-rounds", office, round(systemId));
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(await countTable(t.store)).toBe(before);
  });

  it("a unit's key cannot open a round (403)", async () => {
    expect((await call("POST", "/assessment-rounds", finance, round(await sheet()))).status).toBe(403);
  });

  const badInputs: [string, Json, string][] = [
    ["an unknown unit", { unitCodes: ["000014351", "999999999"] }, "unitCodes.1"],
    ["a township on the departments' sheet", { unitCodes: [township] }, "unitCodes.0"],
    ["a unit listed twice", { unitCodes: ["000014351", "000014351"] }, "unitCodes.1"],
    ["a self-assessment due before today", { selfAssessmentDueOn: "2019-11-29" }, "selfAssessmentDueOn"],
    ["no self-assessment day", { selfAssessmentDueOn: undefined }, "selfAssessmentDueOn"],
  ];
  for (const [n, [what, fields, path]] of badInputs.entries()) {
    it(`${what} is a 400 problem+json naming ${path}, and nothing is written`, async () => {
      const systemId = await sheet();
      const before = await countTable(t.store);
      const res = await call("POST", "/assessment-rounds", office, round(systemId, fields), {
        "idempotency-key": `bad-round-${n}`,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.errors.map((e: Json) => e.path)).toContain(path);
      expect(await countTable(t.store)).toBe(before);
    });
  }
});
