import { jsonClient } from "@gov/http";
import type { LocalStack } from "@gov/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack } from "./stack.ts";

// biome-ignore lint/suspicious/noExplicitAny: the test reads JSON answers of many shapes
type Json = Record<string, any>;

let stack: LocalStack;
let office: string;
let assessor: string;
let editor: string;
let reviewer: string;
let otherEditor: string;
const finance = "000014351";
const clock = { now: new Date("2026-11-16T02:00:00.000Z") };

beforeAll(async () => {
  stack = await startStack({ dataDir: undefined, seed: "demo", demo: "supervision", clock: () => clock.now });
  const keysOf = (code: string) => stack.credentials[code]?.keys ?? {};
  office = keysOf("000014349").office as string;
  assessor = keysOf("000014349").assessor as string;
  editor = keysOf(finance).editor as string;
  reviewer = keysOf(finance).reviewer as string;
  otherEditor = keysOf("000014352").editor as string;
});
afterAll(() => stack?.stop());

const http = jsonClient<Json>((path, init) => fetch(`${stack.url}${path}`, init));

async function ok(
  method: string,
  path: string,
  key: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await http(method, path, key, body, headers);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res;
}

const clear = {
  review: { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false },
};
async function publish(draft: object, key = editor, approver = reviewer): Promise<Json> {
  const created = await ok("POST", "/publish/v1/items", key, draft);
  await ok("POST", `/publish/v1/items/${created.body.id}/submit`, key);
  return (await ok("POST", `/publish/v1/items/${created.body.id}/approve`, approver, clear)).body;
}

describe("the demo's 2019 round is seeded", () => {
  it("three sheets, scored units and tasks due 2020-01-06 with the records behind them", async () => {
    const systems = await ok("GET", "/supervision/v1/indicator-systems?year=2019", office);
    expect(systems.body.items.map((s: Json) => s.level).sort()).toEqual(["city", "department", "township"]);
    const tasks = await ok("GET", "/supervision/v1/rectification-tasks?limit=100", office);
    expect(tasks.body.items.length).toBeGreaterThan(0);
    expect(tasks.body.items.every((t: Json) => t.deadline === "2020-01-06")).toBe(true);
    const ranking = await ok("GET", "/supervision/v1/rankings?year=2019&level=department", office);
    expect(ranking.body.levels[0].items.length).toBe(2);
  });

  it("application indicators are scored from the seeded applications: all answered or within time, full marks (OGI Art. 30, 33)", async () => {
    const assessments = await ok("GET", "/supervision/v1/assessments?year=2019", office);
    expect(assessments.body.items.length).toBe(3);
    for (const { id } of assessments.body.items as Json[]) {
      const assessment = await ok("GET", `/supervision/v1/assessments/${id}`, office);
      const scored = (assessment.body.indicators as Json[]).filter((i) => i.group === "依申请公开");
      expect(scored.length).toBeGreaterThan(0);
      for (const indicator of scored) {
        expect(indicator, `${assessment.body.unitCode} ${indicator.code}`).toMatchObject({
          source: "auto",
          lost: 0,
        });
      }
    }
  });
});

describe("an evaluation round over HTTP: system → scores → tasks → progress → verify → re-score → rank → circular", () => {
  it("runs end to end", async () => {
    // The office's sheet: one indicator scored by hand, two by rules over the platform's data.
    const system = await ok("POST", "/supervision/v1/indicator-systems", office, {
      year: 2026,
      level: "department",
      name: "市政府各部门2026年政务公开工作评估要点",
      indicators: [
        {
          code: "1",
          group: "决策公开",
          name: "重大决策征求意见及反馈",
          maxScore: 10,
          deduction: "每项扣3分",
        },
        {
          code: "2",
          group: "规范性文件",
          name: "规范性文件要素齐全",
          maxScore: 4,
          deduction: "每件扣2分",
          rule: { id: "normative-completeness", params: { deductionPerRecord: 2 } },
        },
        {
          code: "3",
          group: "平台建设",
          name: "无空白栏目",
          maxScore: 4,
          deduction: "每个扣4分",
          rule: {
            id: "empty-columns",
            params: { deductionPerRecord: 4, columnIds: ["fiscal-debt", "social-assistance"] },
          },
        },
      ],
    });

    // The finance bureau publishes a normative document without its interpretation.
    const doc = await publish({
      kind: "normative",
      title: "共青城市财政局关于规范政府采购意向公开的通知",
      columnId: "normative-documents",
      body: "<p>第一条 ……</p>",
      generatedOn: "2026-11-13",
      docNumber: "共财发〔2026〕9号",
      issuingOrgan: "共青城市财政局",
      effectiveOn: "2026-12-01",
    });

    const assessment = await ok("POST", "/supervision/v1/assessments", office, {
      indicatorSystemId: system.body.id,
      unitCode: finance,
      assessor: "第三方评估机构",
    });
    const id = assessment.body.id;
    expect(
      (
        await http("POST", `/supervision/v1/assessments/${id}/rectification-tasks`, assessor, {
          deadline: "2026-12-31",
        })
      ).status,
    ).toBe(403);
    const manual = await ok(
      "PUT",
      `/supervision/v1/assessments/${id}/scores`,
      assessor,
      { scores: [{ indicatorCode: "1", score: 7, note: "意见采纳情况未反馈1项" }] },
      { "if-match": assessment.etag },
    );
    const auto = await ok("POST", `/supervision/v1/assessments/${id}/auto-score`, assessor, undefined, {
      "if-match": manual.etag,
    });
    const results = Object.fromEntries(auto.body.results.map((r: Json) => [r.indicatorCode, r]));
    expect(results["2"]).toMatchObject({
      score: 2,
      deductions: [{ recordId: doc.id, reason: expect.stringContaining("关联解读") }],
    });
    expect(results["3"]).toMatchObject({ score: 0, deductions: [{ recordId: "social-assistance" }] });
    expect(auto.body.total).toBe(9);

    const issued = await ok("POST", `/supervision/v1/assessments/${id}/rectification-tasks`, office, {
      deadline: "2026-12-31",
    });
    expect(issued.body.items.map((t: Json) => t.indicatorCode).sort()).toEqual(["1", "2", "3"]);

    // The unit sees its own tasks, with the records to fix; another unit sees none of them.
    const mine = await ok("GET", "/publish/v1/rectification-tasks?limit=100", editor);
    const ours = mine.body.items.filter((t: Json) => t.assessmentId === id);
    expect(ours).toHaveLength(3);
    const byCode = Object.fromEntries(ours.map((t: Json) => [t.indicatorCode, t]));
    expect(byCode["2"].deductions[0].recordId).toBe(doc.id);
    expect((await http("GET", `/publish/v1/rectification-tasks/${byCode["2"].id}`, otherEditor)).status).toBe(
      404,
    );

    // It fixes them: the interpretation, a first item in the empty column, and reports with evidence.
    clock.now = new Date("2026-11-18T02:00:00.000Z");
    const interpretation = await publish({
      kind: "interpretation",
      title: "《关于规范政府采购意向公开的通知》政策解读",
      columnId: "interpretation",
      body: "<p>一、出台背景……</p>",
      generatedOn: "2026-11-17",
      interprets: doc.id,
    });
    const assistance = await publish({
      kind: "general",
      title: "2026年10月城乡低保资金发放情况",
      columnId: "social-assistance",
      body: "<p>……</p>",
      generatedOn: "2026-11-17",
    });
    for (const [code, evidence] of [
      ["1", [] as string[]],
      ["2", [interpretation.id]],
      ["3", [assistance.id]],
    ] as const) {
      const task = byCode[code];
      await ok("POST", `/publish/v1/rectification-tasks/${task.id}/progress`, editor, {
        percent: 80,
        note: "已整改",
        evidenceItemIds: evidence,
      });
      await ok("POST", `/publish/v1/rectification-tasks/${task.id}/complete`, editor, { note: "整改完成" });
    }

    // The office sends one back, then accepts all.
    const reopened = await ok(
      "POST",
      `/supervision/v1/rectification-tasks/${byCode["1"].id}/verify`,
      office,
      {
        accepted: false,
        note: "未见意见采纳情况的公开链接",
      },
    );
    expect(reopened.body).toMatchObject({ state: "reopened", reopenReason: "未见意见采纳情况的公开链接" });
    await ok("POST", `/publish/v1/rectification-tasks/${byCode["1"].id}/complete`, editor, {
      note: "已补充链接",
    });
    for (const code of ["1", "2", "3"]) {
      const verified = await ok(
        "POST",
        `/supervision/v1/rectification-tasks/${byCode[code].id}/verify`,
        office,
        {
          accepted: true,
          note: "核验通过",
        },
      );
      expect(verified.body.state).toBe("verified");
    }

    // Re-score: the rules now pass, the manual indicator is scored again; before and after shown.
    const current = await ok("GET", `/supervision/v1/assessments/${id}`, office);
    const rescored = await ok(
      "PUT",
      `/supervision/v1/assessments/${id}/scores`,
      assessor,
      { scores: [{ indicatorCode: "1", score: 10, note: "已整改到位" }] },
      { "if-match": current.etag },
    );
    const after = await ok("POST", `/supervision/v1/assessments/${id}/auto-score`, office, undefined, {
      "if-match": rescored.etag,
    });
    expect(after.body).toMatchObject({ baselineTotal: 9, total: 18, maxTotal: 18 });
    expect(after.body.indicators.map((i: Json) => [i.code, i.before, i.score])).toEqual([
      ["1", 7, 10],
      ["2", 2, 4],
      ["3", 0, 4],
    ]);

    const ranking = await ok("GET", "/supervision/v1/rankings?year=2026&level=department", office);
    expect(ranking.body.levels[0].items[0]).toMatchObject({
      rank: 1,
      unitCode: finance,
      total: 18,
      baselineTotal: 9,
      tasks: { total: 3, verified: 3, reopened: 1, overdue: 0 },
    });

    const md = await ok("GET", "/supervision/v1/circulars/2026?format=md", office);
    expect(md.body).toContain("# 关于2026年度政务公开工作考评结果的通报");
    expect(md.body).toContain("| 1 | 共青城市财政局 | 18 | 18 | 100% | 9 |");

    // The office publishes the circular in 监督保障 through the ordinary item workflow.
    const draft = await ok("POST", "/supervision/v1/circulars/2026/publication", office);
    const itemId = draft.body.item.id;
    await ok("POST", `/publish/v1/items/${itemId}/submit`, office);
    const published = await ok("POST", `/publish/v1/items/${itemId}/approve`, office, clear);
    expect(published.body).toMatchObject({ state: "published", columnId: "supervision" });
    const listed = await ok("GET", "/public/v1/items?column=supervision&limit=100", office);
    expect(listed.body.items.map((i: Json) => i.id)).toContain(itemId);
    const shown = await ok(
      "GET",
      `/public/v1/items/${encodeURIComponent(published.body.indexNumber)}`,
      office,
    );
    expect(shown.body.body).toContain("共青城市财政局");
  });
});

describe("督办 over HTTP on the demo (issue 14)", () => {
  it("the 2019 round's unfinished work is very overdue: one digest per unit, the office told, nothing twice", async () => {
    clock.now = new Date("2026-11-18T00:30:00.000Z"); // a Wednesday, 08:30 in Shanghai
    const preview = await http("POST", "/supervision/v1/runs", office, { dryRun: true });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.noticesIssued).toBeGreaterThan(1);

    const run = await http("POST", "/supervision/v1/runs", office, {});
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    expect(run.body).toMatchObject({
      asOf: "2026-11-18",
      errors: [],
      noticesIssued: preview.body.noticesIssued,
    });

    // Each digest reaches its unit among the notices it lists; the office has the escalation.
    const digests = await Promise.all(
      run.body.noticeIds.map(
        async (id: string) => (await ok("GET", `/notices/v1/notices/${id}`, office)).body,
      ),
    );
    expect(digests.every((d: Json) => d.kind === "supervision" && d.unitCodes.length === 1)).toBe(true);
    expect(digests.some((d: Json) => d.title.startsWith("督办升级"))).toBe(true);
    const toUnit = digests.find((d: Json) => d.title.startsWith("督办提醒")) as Json;
    expect(toUnit.body).toContain("## 严重逾期");
    const unitKey = stack.credentials[toUnit.unitCodes[0]]?.keys.editor as string;
    const listed = await ok("GET", "/notices/v1/notices?limit=100", unitKey);
    expect(listed.body.items.map((n: Json) => n.id)).toContain(toUnit.id);

    const overdue = await ok("GET", `/supervision/v1/overdue?unitCode=${toUnit.unitCodes[0]}`, office);
    expect(overdue.body.items.length).toBeGreaterThan(0);

    const again = await ok("POST", "/supervision/v1/runs", office, {});
    expect(again.body).toMatchObject({ noticesIssued: 0, errors: [] });
    // Told very overdue, those clocks left the due index: the second run does not even read them.
    expect(again.body.found["rectification-task/very-overdue"]).toBeUndefined();
    const runs = await ok("GET", "/supervision/v1/runs?limit=2", office);
    expect(runs.body.items.map((r: Json) => r.id)).toEqual([again.body.id, run.body.id]);
  });
});
