import { testDeps } from "@gov/core/testing";
import {
  builtInCalendar,
  CreateItemInput,
  defaultSettings,
  type Item,
  newItem,
  timelinessOf,
} from "@gov/domain";
import { jsonClient } from "@gov/http";
import { newId } from "@gov/store";
import { beforeAll, describe, expect, it } from "vitest";
import { createSupervisionApp } from "./app.ts";

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON answers of many shapes
type Json = Record<string, any>;
type T = Awaited<ReturnType<typeof testDeps>>;
let t: T;
let app: ReturnType<typeof createSupervisionApp>;
let office: string;
let assessor: string;
let deptEditor: string;
const dept = "000014351";
const otherDept = "000014352";

const call = jsonClient<Json>((path, init) => app.request(`/v1${path}`, init));

const calendar = builtInCalendar();
/** A published item written through the store, with the timeliness facts approval records. */
async function published(
  fields: Record<string, unknown> & { columnId: string; generatedOn: string },
  publishedOn: string,
  unitCode = dept,
): Promise<Item> {
  const publishedAt = `${publishedOn}T02:00:00.000Z`;
  const input = CreateItemInput.parse({ kind: "general", title: "测试信息", body: "<p>正文</p>", ...fields });
  const base = newItem(input, unitCode, newId("item"), publishedAt);
  const item: Item = {
    ...base,
    state: "published",
    indexNumber: `${unitCode}/2019-${base.id.slice(-7)}`,
    edition: 1,
    publishedAt,
    firstPublishedAt: publishedAt,
    editionDates: [{ edition: 1, publishedAt }],
    timeliness: timelinessOf({
      kind: input.kind,
      generatedOn: input.generatedOn,
      publishedAt,
      ...("approvedOn" in input ? { approvedOn: input.approvedOn } : {}),
      calendar,
      settings: defaultSettings,
    }),
  };
  await t.store.items.create(item, {
    entityType: "item",
    entityId: item.id,
    action: "approve",
    version: 1,
    actorUnitCode: unitCode,
    actorKeyId: "key_test",
    at: publishedAt,
  });
  return item;
}

const system = {
  year: 2019,
  level: "department",
  name: "市政府各部门2019年政务公开工作评估要点",
  indicators: [
    { code: "1", group: "决策公开", name: "重大决策征求意见及反馈", maxScore: 10, deduction: "每项扣2分" },
    {
      code: "2",
      group: "主动公开",
      name: "20个工作日内公开",
      maxScore: 10,
      deduction: "每项扣5分",
      rule: { id: "proactive-timeliness", params: { deductionPerRecord: 5 } },
    },
    {
      code: "3",
      group: "规范性文件",
      name: "规范性文件要素齐全",
      maxScore: 6,
      deduction: "每件扣1分",
      rule: { id: "normative-completeness" },
    },
    {
      code: "4",
      group: "平台建设",
      name: "无空白栏目",
      maxScore: 4,
      deduction: "每个扣2分",
      rule: {
        id: "empty-columns",
        params: { deductionPerRecord: 2, columnIds: ["decision", "social-assistance"] },
      },
    },
  ],
};

let systemId: string;
let late: Item;
let doc: Item;

beforeAll(async () => {
  t = await testDeps(new Date("2019-12-20T02:00:00.000Z"));
  app = createSupervisionApp(t.deps);
  office = await t.key("000014349", ["office"]);
  assessor = await t.key("900000001", ["assessor"]);
  deptEditor = await t.key(dept, ["editor", "reviewer"]);
  await t.key(otherDept, ["editor"]);
  // 2019-03-01 + 20 working days is 03-29.
  await published({ columnId: "decision", generatedOn: "2019-03-01" }, "2019-03-29");
  late = await published({ columnId: "decision", generatedOn: "2019-03-01" }, "2019-04-01");
  doc = await published(
    {
      kind: "normative",
      columnId: "normative-documents",
      generatedOn: "2019-05-06",
      docNumber: "共财发〔2019〕5号",
      issuingOrgan: "共青城市财政局",
      effectiveOn: "2019-06-01",
    },
    "2019-05-08",
  );
  // Another unit's late item must not count against this one.
  await published({ columnId: "decision", generatedOn: "2019-03-01" }, "2019-06-03", otherDept);
  const created = await call("POST", "/indicator-systems", office, system);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  systemId = created.body.id;
});

describe("indicator systems", () => {
  it("are created by the office with the rule defaults written in, and listed by year and level", async () => {
    const got = await call("GET", `/indicator-systems/${systemId}`, assessor);
    expect(got.body).toMatchObject({ year: 2019, level: "department", maxTotal: 30 });
    expect(got.body.indicators[2].rule).toEqual({
      id: "normative-completeness",
      params: { deductionPerRecord: 1 },
    });
    const list = await call("GET", "/indicator-systems?year=2019&level=department", office);
    expect(list.body.items.map((s: Json) => s.id)).toEqual([systemId]);
    expect((await call("GET", "/indicator-systems?year=2019&level=city", office)).body.items).toEqual([]);
  });

  it("annual-report-on-time (OGI Art. 49): the government's report published after 31 March is named with its delay", async () => {
    const report = await published(
      { columnId: "annual-reports", generatedOn: "2018-03-25", title: "2017年政府信息公开工作年度报告" },
      "2018-04-12",
      "000014349",
    );
    const sheet = await call("POST", "/indicator-systems", office, {
      ...system,
      // Another year, so this year's rankings and circular stay as the other tests expect.
      year: 2018,
      level: "city",
      name: "年度报告专项",
      indicators: [
        {
          code: "9",
          name: "年度报告按时公布",
          maxScore: 5,
          deduction: "逾期公布扣5分",
          rule: { id: "annual-report-on-time", params: { deductionPerRecord: 5 } },
        },
      ],
    });
    expect(sheet.status, JSON.stringify(sheet.body)).toBe(201);
    const assessment = await call("POST", "/assessments", office, {
      indicatorSystemId: sheet.body.id,
      unitCode: "000014349",
      assessor: "第三方评估机构",
    });
    const scored = await call("POST", `/assessments/${assessment.body.id}/auto-score`, assessor, {
      asOf: "2018-12-20",
    });
    expect(scored.status, JSON.stringify(scored.body)).toBe(200);
    expect(scored.body.results).toEqual([
      expect.objectContaining({
        indicatorCode: "9",
        score: 0,
        deductions: [
          expect.objectContaining({
            recordId: report.id,
            reason: expect.stringContaining("晚于2018-03-31的期限12天"),
          }),
        ],
      }),
    ]);
  });

  it("wrong rule parameters and duplicate codes are 400 with field paths", async () => {
    const body = {
      ...system,
      indicators: [
        system.indicators[0],
        { ...system.indicators[3], rule: { id: "empty-columns", params: { columnIds: [] } } },
      ],
    };
    expect((await call("POST", "/indicator-systems", office, body)).body.errors[0].path).toBe(
      "indicators.1.rule.params.columnIds",
    );
    const dup = { ...system, indicators: [system.indicators[0], system.indicators[0]] };
    const res = await call("POST", "/indicator-systems", office, dup);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe("indicators.1.code");
  });
});

describe("creates are idempotent", () => {
  it("a replayed Idempotency-Key answers the first response; the same key with another body is 422", async () => {
    const headers = { "idempotency-key": "office-sheet-2019-township" };
    const body = { ...system, level: "township", name: "乡镇（街道）2019年政务公开工作评估要点" };
    const first = await call("POST", "/indicator-systems", office, body, headers);
    const replay = await call("POST", "/indicator-systems", office, body, headers);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body.id).toBe(first.body.id);
    expect(
      (await call("POST", "/indicator-systems", office, { ...body, name: "另一套" }, headers)).status,
    ).toBe(422);
    const listed = await call("GET", "/indicator-systems?year=2019&level=township", office);
    expect(listed.body.items).toHaveLength(1);
  });
});

describe("authorization: assessors only score, units are refused, the office does everything", () => {
  it("an assessor may not create systems, assessments or tasks, nor rank (403)", async () => {
    expect((await call("POST", "/indicator-systems", assessor, system)).status).toBe(403);
    expect(
      (
        await call("POST", "/assessments", assessor, {
          indicatorSystemId: systemId,
          unitCode: dept,
          assessor: "x",
        })
      ).status,
    ).toBe(403);
    expect((await call("GET", "/rectification-tasks", assessor)).status).toBe(403);
    expect((await call("GET", "/rankings?year=2019", assessor)).status).toBe(403);
    expect((await call("GET", "/circulars/2019", assessor)).status).toBe(403);
  });

  it("a department's key is refused everywhere in supervision (403)", async () => {
    expect((await call("GET", `/indicator-systems/${systemId}`, deptEditor)).status).toBe(403);
    expect((await call("GET", "/assessments?year=2019", deptEditor)).status).toBe(403);
    expect((await call("GET", "/rectification-tasks", deptEditor)).status).toBe(403);
  });
});

describe("an assessment from scores to circular", () => {
  let id: string;
  let etag: string;
  let tasks: Json[];

  it("one per unit and system, and only for a unit of the sheet's level", async () => {
    const res = await call("POST", "/assessments", office, {
      indicatorSystemId: systemId,
      unitCode: dept,
      assessor: "江西某评估公司",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ asOf: "2019-12-20", total: 0, maxTotal: 30, scoredCount: 0 });
    id = res.body.id;
    etag = res.headers.get("etag") as string;
    const again = await call("POST", "/assessments", office, {
      indicatorSystemId: systemId,
      unitCode: dept,
      assessor: "x",
    });
    expect(again.status).toBe(409);
    const officeUnit = await call("POST", "/assessments", office, {
      indicatorSystemId: systemId,
      unitCode: "000014349",
      assessor: "x",
    });
    expect(officeUnit.status).toBe(422);
    expect(officeUnit.body.errors[0].path).toBe("unitCode");
  });

  it("manual scores need If-Match and stay within 0..maximum", async () => {
    const scores = {
      scores: [
        {
          indicatorCode: "1",
          score: 8,
          note: "意见反馈未公开1项",
          evidence: ["/public/v1/items?column=decision"],
        },
      ],
    };
    expect((await call("PUT", `/assessments/${id}/scores`, assessor, scores)).status).toBe(428);
    const over = await call(
      "PUT",
      `/assessments/${id}/scores`,
      assessor,
      { scores: [{ indicatorCode: "1", score: 11 }] },
      { "if-match": etag },
    );
    expect(over.status).toBe(422);
    expect(over.body.errors[0].path).toBe("scores.0.score");
    const ok = await call("PUT", `/assessments/${id}/scores`, assessor, scores, { "if-match": etag });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ total: 8, scoredCount: 1 });
    expect(
      (await call("PUT", `/assessments/${id}/scores`, assessor, scores, { "if-match": etag })).status,
    ).toBe(412);
  });

  it("auto-score lists exactly the offending records of this unit for each rule", async () => {
    const res = await call("POST", `/assessments/${id}/auto-score`, assessor);
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(res.body.results.map((r: Json) => [r.indicatorCode, r]));
    expect(byCode["2"]).toMatchObject({ score: 5, deductions: [{ recordId: late.id }] });
    expect(byCode["3"]).toMatchObject({
      score: 5,
      deductions: [{ recordId: doc.id, reason: expect.stringContaining("关联解读") }],
    });
    expect(byCode["4"]).toMatchObject({ score: 2, deductions: [{ recordId: "social-assistance" }] });
    expect(res.body).toMatchObject({ scoredAsOf: "2019-12-20", total: 20, scoredCount: 4 });
  });

  it("issues one task per indicator that lost points, once, with the seed's deadline", async () => {
    const res = await call("POST", `/assessments/${id}/rectification-tasks`, office, {
      deadline: "2020-01-06",
    });
    expect(res.status).toBe(201);
    tasks = res.body.items;
    expect(tasks.map((x) => x.indicatorCode).sort()).toEqual(["1", "2", "3", "4"]);
    expect(tasks.every((x) => x.unitCode === dept && x.state === "open" && x.deadline === "2020-01-06")).toBe(
      true,
    );
    expect(tasks.find((x) => x.indicatorCode === "2")?.deductions).toEqual([
      expect.objectContaining({ recordId: late.id }),
    ]);
    expect(
      (await call("POST", `/assessments/${id}/rectification-tasks`, office, { deadline: "2020-01-06" }))
        .status,
    ).toBe(409);
  });

  it("the office lists tasks by unit, state and overdue; overdue counts from the day after the deadline", async () => {
    expect((await call("GET", `/rectification-tasks?unit=${dept}`, office)).body.items).toHaveLength(4);
    expect((await call("GET", `/rectification-tasks?unit=${otherDept}`, office)).body.items).toHaveLength(0);
    expect((await call("GET", "/rectification-tasks?overdue=true", office)).body.items).toHaveLength(0);
    t.setNow(new Date("2020-01-07T02:00:00.000Z"));
    const overdue = await call("GET", "/rectification-tasks?overdue=true&limit=2", office);
    expect(overdue.body.items).toHaveLength(2);
    expect(overdue.body.items.every((x: Json) => x.overdue)).toBe(true);
    const rest = await call(
      "GET",
      `/rectification-tasks?overdue=true&limit=2&cursor=${overdue.body.nextCursor}`,
      office,
    );
    expect(rest.body.items).toHaveLength(2);
    expect(
      (await call("GET", "/rectification-tasks?overdue=true&state=submitted", office)).body.items,
    ).toEqual([]);
  });

  it("the deadline can be moved (If-Match), not into the past", async () => {
    const task = tasks[0] as Json;
    const past = await call(
      "PATCH",
      `/rectification-tasks/${task.id}`,
      office,
      { deadline: "2020-01-06" },
      { "if-match": '"1"' },
    );
    expect(past.status).toBe(422);
    const moved = await call(
      "PATCH",
      `/rectification-tasks/${task.id}`,
      office,
      { deadline: "2020-01-31" },
      { "if-match": '"1"' },
    );
    expect(moved.body).toMatchObject({ deadline: "2020-01-31", overdue: false, version: 2 });
    const listed = await call("GET", "/rectification-tasks?overdue=true", office);
    expect(listed.body.items.map((x: Json) => x.id)).not.toContain(task.id);
  });

  it("verify: only a submitted task; a rejection reopens it with the reason", async () => {
    const task = tasks.find((x) => x.indicatorCode === "3") as Json;
    expect(
      (await call("POST", `/rectification-tasks/${task.id}/verify`, office, { accepted: true, note: "x" }))
        .status,
    ).toBe(409);
    expect(
      (await call("POST", `/rectification-tasks/${task.id}/verify`, assessor, { accepted: true, note: "x" }))
        .status,
    ).toBe(403);
  });

  it("after rectification a re-score judges today's data and shows before and after; rankings and the circular follow", async () => {
    // The unit publishes the missing interpretation and fills the empty column.
    await published(
      { kind: "interpretation", columnId: "interpretation", generatedOn: "2020-01-08", interprets: doc.id },
      "2020-01-08",
    );
    await published({ columnId: "social-assistance", generatedOn: "2020-01-08" }, "2020-01-08");
    t.setNow(new Date("2020-01-09T02:00:00.000Z"));
    const res = await call("POST", `/assessments/${id}/auto-score`, office, { note: "整改核验后复评" });
    expect(res.body.scoredAsOf).toBe("2020-01-09");
    expect(res.body.scores.find((x: Json) => x.indicatorCode === "3")).toMatchObject({
      note: "整改核验后复评",
      asOf: "2020-01-09",
    });
    const view = res.body;
    expect(view).toMatchObject({ baselineTotal: 20, total: 23 });
    const three = view.indicators.find((i: Json) => i.code === "3");
    expect(three).toMatchObject({ before: 5, score: 6, deductions: [] });
    // Proactive timeliness is a fact of 2019: the late item stays late.
    expect(view.indicators.find((i: Json) => i.code === "2")).toMatchObject({ before: 5, score: 5 });

    const other = await call("POST", "/assessments", office, {
      indicatorSystemId: systemId,
      unitCode: otherDept,
      assessor: "x",
    });
    const otherEtag = other.headers.get("etag") as string;
    await call(
      "PUT",
      `/assessments/${other.body.id}/scores`,
      office,
      { scores: [{ indicatorCode: "1", score: 10 }] },
      { "if-match": otherEtag },
    );
    const ranking = await call("GET", "/rankings?year=2019&level=department", office);
    expect(ranking.body.levels[0].items.map((r: Json) => [r.rank, r.unitCode, r.total])).toEqual([
      [1, dept, 23],
      [2, otherDept, 10],
    ]);
    expect(ranking.body.levels[0].items[0].tasks).toMatchObject({ total: 4, overdue: 3 });

    const md = await call("GET", "/circulars/2019?format=md", office);
    expect(md.headers.get("content-type")).toContain("text/markdown");
    expect(md.body).toContain("# 关于2019年度政务公开工作考评结果的通报");
    expect(md.body).toContain(`| 1 | 测试单位${dept} | 23 | 30 |`);
    expect(md.body).toContain("逾期未完成");
    const html = await call("GET", "/circulars/2019?format=html", office);
    expect(html.headers.get("content-type")).toContain("text/html");
    expect(html.body).toContain("<table>");
    const json = await call("GET", "/circulars/2019", office);
    expect(json.body.summary).toMatchObject({ assessed: 2, tasks: 4, overdue: 3 });

    const draft = await call("POST", "/circulars/2019/publication", office);
    expect(draft.status).toBe(201);
    expect(draft.body.item).toMatchObject({
      state: "draft",
      columnId: "supervision",
      unitCode: "000014349",
      kind: "general",
    });
    expect(draft.body.item.body).toContain("<table>");
    expect(draft.body.next.submit).toBe(`/publish/v1/items/${draft.body.item.id}/submit`);
  });
});

describe("malformed requests are 400 problems, never 5xx", () => {
  const bodies = ["{", "[]", '{"unexpected":1}', '{"scores":"x","accepted":"yes","deadline":"2020-13-40"}'];
  const routes = (ids: { assessment: string; task: string }) =>
    [
      ["POST", "/indicator-systems"],
      ["POST", "/assessments"],
      ["PUT", `/assessments/${ids.assessment}/scores`],
      ["POST", `/assessments/${ids.assessment}/rectification-tasks`],
      ["POST", "/rectification-tasks"],
      ["PATCH", `/rectification-tasks/${ids.task}`],
      ["POST", `/rectification-tasks/${ids.task}/verify`],
    ] as const;

  it("each write route refuses broken JSON, wrong shapes and unknown fields with field paths", async () => {
    const assessments = await call("GET", "/assessments?year=2019", office);
    const tasks = await call("GET", "/rectification-tasks", office);
    const ids = { assessment: assessments.body.items[0].id, task: tasks.body.items[0].id };
    for (const [method, path] of routes(ids)) {
      for (const text of bodies) {
        const res = await app.request(`/v1${path}`, {
          method,
          headers: {
            authorization: `Bearer ${office}`,
            "content-type": "application/json",
            "if-match": '"1"',
          },
          body: text,
        });
        expect(res.status, `${method} ${path} ${text}`).toBe(400);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
      }
    }
    const badQuery = await call("GET", "/rectification-tasks?state=done&overdue=maybe", office);
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors.map((e: Json) => e.path).sort()).toEqual(["query.overdue", "query.state"]);
  });
});
