import { clearReview, normative, publishHarness } from "@gov/publish/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublicApp } from "./app.ts";

let h: Awaited<ReturnType<typeof publishHarness>>;
let publicApp: ReturnType<typeof createPublicApp>;
let dept: Awaited<ReturnType<typeof h.unit>>;
let office: string;

const get = async (path: string) => {
  const res = await publicApp.request(`/v1${path}`);
  const text = await res.text();
  return {
    res,
    text,
    json: res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : undefined,
  };
};

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  publicApp = createPublicApp(h.deps);
  office = await h.key("000014349", ["office", "editor"]);
  dept = await h.unit("000000961");
  const other = await h.unit("000000962");
  await dept.publish(normative("共财发〔2026〕1号"));
  await dept.publish(normative("共财发〔2026〕2号"));
  await other.publish(normative("共民发〔2026〕1号"));
  const online = await publicApp.request("/v1/applications", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      unitCode: dept.code,
      applicant: { type: "natural-person", name: "年报测试人", phone: "13900000001" },
      description: "申请公开2025年部门预算执行情况",
    }),
  });
  expect(online.status).toBe(201);
  const paper = await h.call("POST", "/applications", dept.editor, {
    channel: "registered-post",
    receivedOn: "2026-02-27",
    applicant: { type: "legal-person", orgKind: "research", name: "某研究院", phone: "0792-2" },
    description: "申请公开某项目的可行性研究报告",
  });
  await h.call("POST", `/applications/${paper.body.id}/events`, dept.editor, {
    type: "respond",
    on: "2026-03-02",
    responseType: "disclosed",
  });
});

describe("the annual report (OGI Art. 50; 国办公开办函〔2021〕30号 format)", () => {
  it("its figures are the platform's own: table 二 agrees with the normative catalogue, table 三 with the statistics", async () => {
    const report = await get("/reports/annual/2026");
    expect(report.res.status).toBe(200);
    const documents = await get("/documents?year=2026");
    const stats = await get("/stats/applications?year=2026");
    const { issued, repealed, valid } = documents.json.catalogue;
    expect(report.json.normative).toEqual({ issued, repealed, valid });
    expect(issued).toBe(3);
    expect(report.json.applications).toEqual(stats.json.tableThree);
    expect(report.json.applications.newThisYear.total).toBe(2);
    expect(report.json.applications.balanced).toBe(true);
    expect(report.json.title).toMatch(/2026年政府信息公开工作年度报告$/);
  });

  it("a unit's report counts only its own documents and applications", async () => {
    const report = await get(`/reports/annual/2026?unit=${dept.code}`);
    expect(report.json.normative.issued).toBe(2);
    expect(report.json.applications.resultsTotal.total).toBe(1);
    expect(report.json.applications.results.disclosed.research).toBe(1);
    expect(report.json.unit).toBe(dept.code);
  });

  it("OGI Art. 49–50: the office's code names the government's report, which covers every unit", async () => {
    const byOffice = await get(`/reports/annual/2026?unit=${"000014349"}`);
    const government = await get("/reports/annual/2026");
    expect(byOffice.json.normative.issued).toBe(3);
    expect({ ...byOffice.json, unit: null }).toEqual(government.json);
  });

  it("says which parts the platform does not record, and marks a year not yet over as provisional", async () => {
    const report = await get("/reports/annual/2026");
    expect(report.json.provisional).toBe(true);
    expect(report.json.asOf).toBe("2026-03-02");
    expect(report.json.notRecorded.join("")).toContain("行政复议、行政诉讼");
  });

  it("renders the same report as Markdown and as an HTML page, without any applicant's data", async () => {
    const md = await get("/reports/annual/2026?format=md");
    expect(md.res.headers.get("content-type")).toContain("text/markdown");
    expect(md.text).toContain("## 三、收到和处理政府信息公开申请情况");
    expect(md.text).toMatch(/\| 一、本年新收政府信息公开申请数量 \| 1 \| 0 \| 1 \| 0 \| 0 \| 0 \| 2 \|/);
    expect(md.text).toContain("| 行政规范性文件 | 3 | 0 | 3 |");
    const html = await get("/reports/annual/2026?format=html");
    expect(html.res.headers.get("content-type")).toContain("text/html");
    expect(html.text).toMatch(/^<!doctype html>/);
    expect(html.text).toContain("<h2>三、收到和处理政府信息公开申请情况</h2>");
    for (const text of [md.text, html.text]) {
      expect(text).not.toContain("年报测试人");
      expect(text).not.toContain("某研究院");
    }
  });

  it("an unknown unit or a year not begun is 404; a bad format is 400", async () => {
    expect((await get("/reports/annual/2026?unit=999999999")).res.status).toBe(404);
    expect((await get("/reports/annual/2027")).res.status).toBe(404);
    expect((await get("/reports/annual/2026?format=pdf")).res.status).toBe(400);
  });

  it("issue 12 hostile-input property: the annual report draft refuses a body it would ignore, and writes nothing", async () => {
    h.setNow(new Date("2027-01-10T02:00:00.000Z"));
    const before = (await h.store.items.listOfUnit(dept.code, { limit: 100 })).items.length;
    const extra = await h.call("POST", "/reports/annual/2026/draft", dept.editor, { year: 2025 });
    expect(extra.status).toBe(400);
    expect(JSON.stringify(extra.body)).toContain('"path":"year"');
    expect((await h.call("POST", "/reports/annual/2026/draft", dept.editor, [])).status).toBe(400);
    expect((await h.store.items.listOfUnit(dept.code, { limit: 100 })).items.length).toBe(before);
    h.setNow(new Date("2026-03-02T02:00:00.000Z"));
  });

  it("a finished year's report is drafted into the 年度报告 column: the government's by the office, a department's own by it", async () => {
    expect((await h.call("POST", "/reports/annual/2026/draft", office)).status).toBe(422);
    h.setNow(new Date("2027-01-10T02:00:00.000Z"));
    const city = await h.call("POST", "/reports/annual/2026/draft", office);
    expect(city.status, JSON.stringify(city.body)).toBe(201);
    expect(city.body).toMatchObject({ state: "draft", columnId: "annual-reports", unitCode: "000014349" });
    expect(String(city.body.title)).toMatch(/2026年政府信息公开工作年度报告$/);
    expect(String(city.body.body)).toContain("<td>行政规范性文件</td><td>3</td>");
    expect(String(city.body.summary)).toContain("发布前须补充");
    const own = await h.call("POST", "/reports/annual/2026/draft", dept.editor);
    expect(String(own.body.body)).toContain("<td>行政规范性文件</td><td>2</td>");
    expect(own.body.unitCode).toBe(dept.code);
    const published = await dept.approve((await dept.submit(own.body.id)).id);
    expect(published.state).toBe("published");
    h.setNow(new Date("2026-03-02T02:00:00.000Z"));
  });

  it("OGI Art. 50 and the confidentiality review: what the office entered reaches the portal only with the published report", async () => {
    h.setNow(new Date("2027-01-10T02:00:00.000Z"));
    const read = await h.call("GET", "/reports/annual/2026", office);
    const licences = { value: 1280, source: "市行政审批局行政许可台账", on: "2027-01-05" };
    const entered = await h.call(
      "PUT",
      "/reports/annual/2026/figures",
      office,
      { licences },
      { "if-match": read.etag },
    );
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    const before = await get("/reports/annual/2026");
    expect(before.json.entered).toEqual({});
    expect(before.json.notRecorded.join("")).toContain("行政许可");
    const draft = await h.call("POST", "/reports/annual/2026/draft", office);
    const reviewer = await h.key("000014349", ["office", "reviewer"]);
    await h.call("POST", `/items/${draft.body.id}/submit`, office);
    const approved = await h.call("POST", `/items/${draft.body.id}/approve`, reviewer, clearReview);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const after = await get("/reports/annual/2026?format=md");
    expect(after.text).toContain("| 行政许可 | 1280 |");
    expect((await get("/reports/annual/2026")).json.entered.licences).toEqual(licences);
    h.setNow(new Date("2026-03-02T02:00:00.000Z"));
  });
});
