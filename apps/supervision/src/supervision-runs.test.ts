import { testDeps } from "@gov/core/testing";
import { jsonClient } from "@gov/http";
import { countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createSupervisionApp } from "./app.ts";

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON answers of many shapes
type Json = Record<string, any>;
let t: Awaited<ReturnType<typeof testDeps>>;
let call: ReturnType<typeof jsonClient<Json>>;
let office: string;
let deptKey: string;
let taskId: string;
const dept = "000014351";

beforeAll(async () => {
  t = await testDeps(new Date("2026-10-08T02:00:00.000Z"));
  const app = createSupervisionApp(t.deps);
  call = jsonClient<Json>((path, init) => app.request(`/v1${path}`, init));
  office = await t.key("000014349", ["office"]);
  deptKey = await t.key(dept, ["editor"]);
  const task = await call("POST", "/rectification-tasks", office, {
    unitCode: dept,
    indicatorCode: "2.1",
    problem: "主动公开信息未在20个工作日内公开",
    measures: "补充公开并建立台账",
    deadline: "2026-10-09",
  });
  expect(task.status, JSON.stringify(task.body)).toBe(201);
  taskId = task.body.id;
  // Monday 12 October, 08:30 in Shanghai: the task is one working day late (10 October was worked).
  t.setNow(new Date("2026-10-12T00:30:00.000Z"));
});

describe("督办 over HTTP", () => {
  it("POST /runs with dryRun previews the digests and writes nothing (200)", async () => {
    const before = await countTable(t.store);
    const res = await call("POST", "/runs", office, { dryRun: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      asOf: "2026-10-12",
      dryRun: true,
      found: { "rectification-task/overdue": 1 },
      noticesIssued: 1,
      noticeIds: [],
    });
    expect(await countTable(t.store)).toBe(before);
  });

  it("a bad as-of day is a 400 naming the field, and nothing is written", async () => {
    const before = await countTable(t.store);
    const res = await call("POST", "/runs", office, { asOf: "2026-13-01" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    expect(res.body.errors[0].path).toBe("asOf");
    expect(await countTable(t.store)).toBe(before);
  });

  it("an as-of day after today is a 400 naming it: units are not pressed for what is not yet late", async () => {
    const before = await countTable(t.store);
    const res = await call("POST", "/runs", office, { asOf: "2026-10-13" });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({ path: "asOf", message: "不能晚于2026-10-12" });
    expect(await countTable(t.store)).toBe(before);
  });

  it("a unit's key may not run the scan or read the office's view (403)", async () => {
    expect((await call("POST", "/runs", deptKey, {})).status).toBe(403);
    expect((await call("GET", "/runs", deptKey)).status).toBe(403);
    expect((await call("GET", "/overdue", deptKey)).status).toBe(403);
  });

  it("POST /runs sends the digest once and records the run; GET /runs lists it, newest first", async () => {
    const first = await call("POST", "/runs", office, {});
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ trigger: "request", noticesIssued: 1, alreadyTold: 0, errors: [] });
    const again = await call("POST", "/runs", office, { asOf: "2026-10-12" });
    expect(again.body).toMatchObject({ noticesIssued: 0, alreadyTold: 1 });
    const runs = await call("GET", "/runs?limit=1", office);
    expect(runs.status).toBe(200);
    expect(runs.body.items.map((r: Json) => r.id)).toEqual([again.body.id]);
    expect(runs.body.nextCursor).toEqual(expect.any(String));
  });

  it("GET /overdue lists what is late across clocks, for one unit or all", async () => {
    const expected = {
      asOf: "2026-10-12",
      items: [
        {
          kind: "rectification-task",
          id: taskId,
          unitCode: dept,
          title: "主动公开信息未在20个工作日内公开",
          dueOn: "2026-10-09",
          level: "overdue",
          basis: expect.any(String),
        },
      ],
    };
    const ofUnit = await call("GET", `/overdue?unitCode=${dept}`, office);
    expect(ofUnit.status, JSON.stringify(ofUnit.body)).toBe(200);
    expect(ofUnit.body).toEqual(expected);
    expect((await call("GET", "/overdue", office)).body).toEqual(expected);
    expect((await call("GET", "/overdue?unitCode=000014352", office)).body).toEqual({
      asOf: "2026-10-12",
      items: [],
    });
  });
});
