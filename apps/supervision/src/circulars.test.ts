import { submitTaskCompletion } from "@gov/core";
import { testDeps } from "@gov/core/testing";
import { jsonClient } from "@gov/http";
import { beforeAll, describe, expect, it } from "vitest";
import { createSupervisionApp } from "./app.ts";

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON answers of many shapes
type Json = Record<string, any>;
let t: Awaited<ReturnType<typeof testDeps>>;
let app: ReturnType<typeof createSupervisionApp>;
let office: string;
const dept = "000014351";
const hostileNote = "<script>alert(1)</script> 佐证|不足 & 待补";

const call = jsonClient<Json>((path, init) => app.request(`/v1${path}`, init));

/** The office's 2019 department sheet, one assessment that lost points, and its task sent back with `note`. */
beforeAll(async () => {
  t = await testDeps(new Date("2020-01-07T02:00:00.000Z"));
  app = createSupervisionApp(t.deps);
  office = await t.key("000014349", ["office"]);
  const unit = await t.actor(dept, ["editor", "reviewer"]);
  const system = await call("POST", "/indicator-systems", office, {
    year: 2019,
    level: "department",
    name: "市政府各部门2019年政务公开工作评估要点",
    indicators: [
      { code: "1", group: "决策公开", name: "重大决策征求意见", maxScore: 10, deduction: "每项扣2分" },
    ],
  });
  const assessment = await call("POST", "/assessments", office, {
    indicatorSystemId: system.body.id,
    unitCode: dept,
    assessor: "评估公司",
  });
  const scored = await call(
    "PUT",
    `/assessments/${assessment.body.id}/scores`,
    office,
    { scores: [{ indicatorCode: "1", score: 8 }] },
    { "if-match": assessment.headers.get("etag") as string },
  );
  expect(scored.status).toBe(200);
  const tasks = await call("POST", `/assessments/${assessment.body.id}/rectification-tasks`, office, {
    deadline: "2020-01-31",
  });
  const task = tasks.body.items[0] as Json;
  const done = await submitTaskCompletion(t.deps, unit, {
    id: task.id,
    expectedVersion: task.version,
    note: "已整改",
  });
  const verified = await call(
    "POST",
    `/rectification-tasks/${task.id}/verify`,
    office,
    { accepted: false, note: hostileNote },
    { "if-match": `"${done.version}"` },
  );
  expect(verified.status, JSON.stringify(verified.body)).toBe(200);
});

describe("the circular renders user text as text in every format", () => {
  it("issue 12 #13 raw HTML in the Markdown circular: a note's <script> and | are escaped in ?format=md", async () => {
    const md = await call("GET", "/circulars/2019?format=md", office);
    expect(md.status).toBe(200);
    expect(md.body).not.toContain("<script>");
    expect(md.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt; 佐证\\|不足 &amp; 待补");
    const html = await call("GET", "/circulars/2019?format=html", office);
    expect(html.body).not.toContain("<script>");
    expect(html.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt; 佐证|不足 &amp; 待补");
  });
});
