import { listNotices, supervisionScan } from "@gov/core";
import { testDeps } from "@gov/core/testing";
import { jsonClient } from "@gov/http";
import { beforeAll, describe, expect, it } from "vitest";
import { createSupervisionApp } from "./app.ts";
import { examples } from "./examples.ts";

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON answers of many shapes
type Json = Record<string, any>;
let t: Awaited<ReturnType<typeof testDeps>>;
let call: ReturnType<typeof jsonClient<Json>>;
let office: string;
const dept = "000014351";

const noticesOfDept = async () =>
  (await listNotices(t.deps, { unitCode: dept, roles: ["editor"], keyId: "key_test" }, { limit: 100 })).items;

/** The app over a store whose notice writes fail, as when the database goes away after the tasks commit. */
const appWithNoticesDown = () =>
  createSupervisionApp({
    ...t.deps,
    store: {
      ...t.store,
      notices: {
        ...t.store.notices,
        create: async () => {
          throw new Error("数据库暂时不可用");
        },
      },
    },
  });

/** The department's assessment on a fresh sheet, losing points on 1.1; returns its id and ETag. */
async function lostPoints(): Promise<{ id: string; etag: string }> {
  const system = await call("POST", "/indicator-systems", office, examples.system);
  const created = await call("POST", "/assessments", office, {
    indicatorSystemId: system.body.id,
    unitCode: dept,
    assessor: "市政务公开办",
  });
  const scored = await call(
    "PUT",
    `/assessments/${created.body.id}/scores`,
    office,
    { scores: [{ indicatorCode: "1.1", score: 3, note: "意见反馈未公开2项" }] },
    { "if-match": created.headers.get("etag") as string },
  );
  expect(scored.status, JSON.stringify(scored.body)).toBe(200);
  return { id: created.body.id, etag: scored.headers.get("etag") as string };
}

beforeAll(async () => {
  t = await testDeps(new Date("2019-12-20T02:00:00.000Z"));
  const app = createSupervisionApp(t.deps);
  call = jsonClient<Json>((path, init) => app.request(`/v1${path}`, init));
  office = await t.key("000014349", ["office"]);
  await t.key(dept, ["editor"]);
});

describe("POST /assessments/{id}/rectification-tasks with notify: true", () => {
  it("the unit receives one 督办通知 naming its lost points; without notify it receives none", async () => {
    const before = (await noticesOfDept()).length;
    const quiet = await lostPoints();
    const withoutNotice = await call(
      "POST",
      `/assessments/${quiet.id}/rectification-tasks`,
      office,
      { deadline: "2020-01-06" },
      { "if-match": quiet.etag },
    );
    expect(withoutNotice.status, JSON.stringify(withoutNotice.body)).toBe(201);
    expect((await noticesOfDept()).length).toBe(before);

    const told = await lostPoints();
    const res = await call("POST", `/assessments/${told.id}/rectification-tasks`, office, examples.generate, {
      "if-match": told.etag,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const notices = await noticesOfDept();
    expect(notices.length).toBe(before + 1);
    expect(notices[0]).toMatchObject({ kind: "supervision", unitCodes: [dept] });
    expect(notices[0]?.body).toContain("整改期限：2020-01-06");
  });
});

describe("GET /owed-notices: a notice that could not be issued at once is visible until the scan issues it", () => {
  it("the tasks answer 201, the owed notice is listed for the office, and after the scan it is issued and gone from the list", async () => {
    const before = (await noticesOfDept()).length;
    const { id, etag } = await lostPoints();
    const down = jsonClient<Json>((path, init) => appWithNoticesDown().request(`/v1${path}`, init));
    const res = await down("POST", `/assessments/${id}/rectification-tasks`, office, examples.generate, {
      "if-match": etag,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await noticesOfDept()).length).toBe(before);
    const owed = await call("GET", "/owed-notices", office);
    expect(owed.status).toBe(200);
    expect(owed.body.items.map((o: Json) => [o.source, o.state])).toEqual([
      [{ kind: "rectification-tasks", id }, "owed"],
    ]);
    expect((await supervisionScan(t.deps)).owedNotices).toEqual({ issued: 1, failed: 0 });
    expect((await call("GET", "/owed-notices", office)).body.items).toEqual([]);
    expect((await noticesOfDept()).length).toBe(before + 1);
  });

  it("a unit's key cannot read them (403)", async () => {
    const key = await t.key("000014352", ["editor"]);
    expect((await call("GET", "/owed-notices", key)).status).toBe(403);
  });
});
