import type { AnnualReport } from "@gov/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { clearReview, normative, publishHarness } from "./test-client.ts";

let h: Awaited<ReturnType<typeof publishHarness>>;
let dept: Awaited<ReturnType<typeof h.unit>>;
let office: { editor: string; reviewer: string };

const officeCode = "000014349";
const sourced = <T>(value: T, source = "市行政审批局行政许可台账") => ({ value, source, on: "2027-01-05" });
const outcomes = (upheld: number, corrected: number, other: number, pending: number) => ({
  upheld,
  corrected,
  other,
  pending,
  total: upheld + corrected + other + pending,
});
const figures = {
  licences: sourced(1280),
  penalties: sourced(56),
  coercion: sourced(3),
  fees: sourced(12.5, "市财政局非税收入台账"),
  reviewAndLitigation: sourced(
    {
      reconsideration: outcomes(1, 0, 0, 1),
      directSuit: outcomes(0, 1, 0, 0),
      suitAfterReconsideration: outcomes(0, 0, 0, 0),
    },
    "市司法局行政复议、行政应诉案件台账",
  ),
};

const view = async (key: string, year = 2026) => {
  const res = await h.call("GET", `/reports/annual/${year}`, key);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as unknown as {
    report: Omit<AnnualReport, "blocks">;
    issues: { path: string; message: string }[];
    mismatches: { cell: string; published: number; now: number }[];
    published: { itemId: string } | null;
  };
};

/** A change of the sheet, sending back the version just read (ADR 0004). */
const change = async (method: string, path: string, key: string, body: unknown) => {
  const read = await h.call("GET", "/reports/annual/2026", key);
  return h.call(method, path, key, body, { "if-match": read.etag });
};

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  office = {
    editor: await h.key(officeCode, ["office", "editor"]),
    reviewer: await h.key(officeCode, ["office", "reviewer"]),
  };
  dept = await h.unit("000000961");
  const other = await h.unit("000000962");
  await dept.publish(normative("共财发〔2026〕1号"));
  await other.publish(normative("共民发〔2026〕1号"));
  const paper = await h.call("POST", "/applications", dept.editor, {
    channel: "registered-post",
    receivedOn: "2026-02-27",
    applicant: { type: "natural-person", name: "年报填报测试人", phone: "13900000002" },
    description: "申请公开2025年部门决算",
  });
  await h.call("POST", `/applications/${paper.body.id}/events`, dept.editor, {
    type: "respond",
    on: "2026-03-02",
    responseType: "disclosed",
  });
  h.setNow(new Date("2027-01-10T02:00:00.000Z"));
});

describe("OGI Art. 50: the figures the platform does not hold, entered with their source and date", () => {
  it("are saved, printed in tables 二 and 四 of the draft with their sources, and leave the not-entered list", async () => {
    const saved = await h.call("PUT", "/reports/annual/2026/figures", dept.editor, figures);
    expect(saved.etag).toBe('"1"');
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const { report } = await view(dept.editor);
    expect(report.entered.licences).toEqual(figures.licences);
    expect(report.notRecorded.join("")).not.toContain("行政许可");
    expect(report.notRecorded.join("")).not.toContain("四、");
    const draft = await h.call("POST", "/reports/annual/2026/draft", dept.editor);
    const body = String(draft.body.body);
    expect(body).toContain("<td>行政许可</td><td>1280</td>");
    expect(body).toContain("<td>行政事业性收费</td><td>12.5</td>");
    expect(body).toContain("市司法局行政复议、行政应诉案件台账");
    expect(body).toContain('<th colspan="5">未经复议直接起诉</th>');
  });

  it("table 四: a 总计 that is not 维持 + 纠正 + 其他 + 尚未审结 is a 400 naming the cell, and nothing is written", async () => {
    const before = (await view(dept.editor)).report.entered;
    const wrong = structuredClone(figures);
    wrong.reviewAndLitigation.value.directSuit.total = 3;
    const res = await change("PUT", "/reports/annual/2026/figures", dept.editor, wrong);
    expect(res.status).toBe(400);
    const text = JSON.stringify(res.body);
    expect(text).toContain('"path":"reviewAndLitigation.value.directSuit.total"');
    expect(text).toContain("未经复议直接起诉");
    expect((await view(dept.editor)).report.entered).toEqual(before);
  });

  it("counts are non-negative integers and each figure needs its source: 400 with the field path", async () => {
    for (const [body, path] of [
      [{ penalties: sourced(-1) }, "penalties.value"],
      [{ coercion: sourced(2.5) }, "coercion.value"],
      [{ licences: { value: 3, on: "2027-01-05" } }, "licences.source"],
    ] as const) {
      const res = await change("PUT", "/reports/annual/2026/figures", dept.editor, body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(`"path":"${path}"`);
    }
  });
});

describe("ADR 0004: a sheet somebody may have changed is changed only at the version read", () => {
  it("without If-Match a change of an existing sheet is 428; with a stale one 412; nothing is written", async () => {
    const before = await view(dept.editor);
    const blind = await h.call("PUT", "/reports/annual/2026/figures", dept.editor, { penalties: sourced(1) });
    expect(blind.status).toBe(428);
    const stale = await h.call(
      "PATCH",
      "/reports/annual/2026/sections",
      dept.editor,
      { overview: "旧版本的改写" },
      {
        "if-match": '"0"',
      },
    );
    expect(stale.status).toBe(412);
    expect(await view(dept.editor)).toEqual(before);
  });
});

describe("OGI Art. 50(一)(五): overview and problems drafted from the year's records, editable before publication", () => {
  it("the drafted overview states the year's applications and the mailbox; an edit replaces it, null restores it", async () => {
    const drafted = (await view(dept.editor)).report;
    expect(drafted.overview).toContain("本年新收政府信息公开申请1件");
    expect(drafted.overview).toContain("市长信箱收到来信0件");
    expect(drafted.problems).toBe("年度考评未形成整改任务。");
    const edited = await change("PATCH", "/reports/annual/2026/sections", dept.editor, {
      problems: "主动公开栏目更新不够及时，已建立每周巡查制度。",
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const draft = await h.call("POST", "/reports/annual/2026/draft", dept.editor);
    expect(String(draft.body.body)).toContain("<p>主动公开栏目更新不够及时，已建立每周巡查制度。</p>");
    expect(String(draft.body.body)).toContain(drafted.overview.slice(0, 20));
    await change("PATCH", "/reports/annual/2026/sections", dept.editor, { problems: null });
    expect((await view(dept.editor)).report.problems).toBe(drafted.problems);
    expect((await change("PATCH", "/reports/annual/2026/sections", dept.editor, {})).status).toBe(400);
  });
});

describe("国办公开办函〔2021〕30号: a report that does not add up cannot be published", () => {
  it("one wrong cell in the drafted table three: the approval is refused naming that cell, and the item stays unpublished", async () => {
    const draft = await h.call("POST", "/reports/annual/2026/draft", dept.editor);
    await dept.submit(draft.body.id);
    // What the draft printed, altered as a hand-corrected table would be: one cell off.
    const sheet = await h.store.annualReportSheets.get(dept.code, 2026);
    if (!sheet?.draft) throw new Error("the draft recorded no tables");
    const tampered = structuredClone(sheet);
    const draftTables = tampered.draft?.tables;
    if (!draftTables) throw new Error("no tables");
    draftTables.applications.results.disclosed["natural-person"] = 2;
    const audit = {
      entityType: "annual-report" as const,
      entityId: `${dept.code}/2026`,
      action: "test-tamper",
      version: sheet.version + 1,
      actorUnitCode: dept.code,
      actorKeyId: "test",
      at: "2027-01-10T02:00:00.000Z",
    };
    await h.store.annualReportSheets.save({ ...tampered, version: sheet.version + 1 }, sheet, audit);
    const refused = await h.call("POST", `/items/${draft.body.id}/approve`, dept.reviewer, clearReview);
    expect(refused.status).toBe(422);
    const text = JSON.stringify(refused.body);
    expect(text).toContain("表三「三、（一）予以公开」×「总计」");
    expect(text).toContain("表三「三、（七）总计」×「自然人」");
    expect((await dept.get(draft.body.id)).state).toBe("submitted");
  });

  it("figures changed after the draft: the approval is refused until the report is drafted again", async () => {
    const draft = await h.call("POST", "/reports/annual/2026/draft", dept.editor);
    await dept.submit(draft.body.id);
    const changed = await change("PUT", "/reports/annual/2026/figures", dept.editor, {
      ...figures,
      coercion: sourced(4),
    });
    expect(changed.status).toBe(200);
    const refused = await h.call("POST", `/items/${draft.body.id}/approve`, dept.reviewer, clearReview);
    expect(refused.status).toBe(409);
  });
});

describe("OGI Art. 50: a published report whose tables no longer match the platform is flagged on the office's view", () => {
  it("a report that adds up is published (control); afterwards its sheet is closed and a changed figure is flagged by cell", async () => {
    const draft = await h.call("POST", "/reports/annual/2026/draft", dept.editor);
    await dept.submit(draft.body.id);
    const published = await dept.approve(draft.body.id);
    expect(published.state).toBe("published");
    const after = await view(dept.editor);
    expect(after.published?.itemId).toBe(draft.body.id);
    expect(after.mismatches).toEqual([]);
    expect(
      (await change("PATCH", "/reports/annual/2026/sections", dept.editor, { overview: "改写" })).status,
    ).toBe(409);
    // A 2026 document published late changes the year's table 二 after the report went out.
    await dept.publish({ ...normative("共财发〔2026〕9号"), generatedOn: "2026-12-30" });
    const flagged = await view(dept.editor);
    expect(flagged.mismatches).toContainEqual({
      cell: "表二「行政规范性文件」×「本年制发件数」",
      published: 1,
      now: 2,
    });
    // A correction by hand is a revision, reviewed as any is; the first published tables stay the yardstick.
    await h.call("POST", `/items/${draft.body.id}/revise`, dept.editor);
    await dept.submit(draft.body.id);
    expect((await dept.approve(draft.body.id)).state).toBe("published");
    expect((await view(dept.editor)).mismatches.map((m) => m.cell)).toContain(
      "表二「行政规范性文件」×「本年制发件数」",
    );
  });

  it("the office sees every unit's report in one list: published or not, and where a published one no longer matches", async () => {
    const res = await h.call("GET", "/reports/annual/2026/units", office.editor);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const units = (
      res.body as unknown as {
        units: {
          unitCode: string;
          published: unknown;
          mismatches: { cell: string }[];
          notRecorded: string[];
        }[];
      }
    ).units;
    const own = units.find((u) => u.unitCode === dept.code);
    expect(own?.published).not.toBeNull();
    expect(own?.mismatches.map((m) => m.cell)).toContain("表二「行政规范性文件」×「本年制发件数」");
    const other = units.find((u) => u.unitCode === "000000962");
    expect(other).toMatchObject({ published: null, mismatches: [] });
    expect(other?.notRecorded.join("")).toContain("四、政府信息公开行政复议、行政诉讼情况");
    expect((await h.call("GET", "/reports/annual/2026/units", dept.editor)).status).toBe(403);
  });
});

describe("OGI Art. 49–50: the government's report covers all its units, a department's covers itself", () => {
  it("the office's view counts every unit's documents and applications; the department's only its own", async () => {
    const city = await view(office.editor);
    const own = await view(dept.editor);
    expect(city.report.issuer).toBe("测试单位000014349");
    expect(city.report.normative.issued).toBe(3);
    expect(own.report.normative.issued).toBe(2);
    expect(city.report.applications.newThisYear.total).toBe(1);
  });
});
