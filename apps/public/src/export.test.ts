import { parseCsv } from "@gov/domain/testing";
import type { Deps } from "@gov/http";
import { general, publishHarness } from "@gov/publish/testing";
import { publishedItem } from "@gov/store/testing";
import { Hono } from "hono";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createPublicApp } from "./app.ts";

let h: Awaited<ReturnType<typeof publishHarness>>;
let dept: Awaited<ReturnType<typeof h.unit>>;
let publicApp: Hono;

/** What the 2026 export must hold: every item published in 2026, each once. */
const published2026 = new Set<string>();
const published2025 = new Set<string>();
const hidden = new Set<string>();
const awkwardTitle = '关于“放管服”改革, 以及"双随机"的通知';
const awkwardSummary = "第一行，含逗号,\n第二行";
const formulaTitle = '=HYPERLINK("http://x","y")';
const formulaSummary = "@SUM(1+1)";

const mount = (deps: Deps) => new Hono().route("/public", createPublicApp(deps));

beforeAll(async () => {
  h = await publishHarness(new Date("2025-06-02T02:00:00.000Z"));
  publicApp = mount(h.deps);
  dept = await h.unit("000000701");
  for (const title of ["二〇二五年甲", "二〇二五年乙"]) {
    const item = await dept.publish({ ...general(title), generatedOn: "2025-05-30" });
    published2025.add(item.id);
  }
  h.setNow(new Date("2026-03-02T02:00:00.000Z"));
  // 250 items: more than two pages of 100, so the export must follow the cursor. Loaded in
  // bulk; publishing through the API is what the publish app's own tests cover.
  const loaded = Array.from({ length: 250 }, (_, i) =>
    publishedItem(
      { ...general(`开放数据第${i}号`), columnId: i % 2 ? "decision" : "execution" },
      { unitCode: dept.code, sequence: 1000 + i, publishedAt: "2026-03-02T02:00:00.000Z" },
    ),
  );
  await h.store.items.load(loaded);
  for (const { item } of loaded) published2026.add(item.id);
  const awkward = await dept.publish({ ...general(awkwardTitle), summary: awkwardSummary });
  published2026.add(awkward.id);
  const formula = await dept.publish({ ...general(formulaTitle), summary: formulaSummary });
  published2026.add(formula.id);
  const draft = await dept.draft(general("开放数据草稿"));
  const waiting = await dept.draft(general("开放数据待审"));
  await dept.submit(waiting.id);
  const withdrawn = await dept.publish(general("开放数据已撤回"));
  await h.call("POST", `/items/${withdrawn.id}/withdraw`, dept.reviewer, { reason: "内容有误" });
  for (const item of [draft, waiting, withdrawn]) hidden.add(item.id);
});

afterEach(() => vi.restoreAllMocks());

const get = (path: string, app = publicApp) => app.request(`http://portal.test/public/v1${path}`);

async function readCsv(path: string) {
  const res = await get(path);
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const [header = [], ...rows] = parseCsv(text.replace(/^\uFEFF/, ""));
  const column = (name: string) => rows.map((r) => r[header.indexOf(name)] ?? "");
  return { res, bytes, header, rows, column };
}

type Exported = { id: string; title: string; summary: string | null; url: string; unitName: string };

describe("CSV export", () => {
  it("starts with a UTF-8 byte-order mark and a Chinese header row, and downloads as an attachment", async () => {
    const { res, bytes, header } = await readCsv("/export/items.csv?year=2026");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(header.slice(0, 3)).toEqual(["标识", "索引号", "标题"]);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="gov-disclosure-items-2026.csv"',
    );
  });

  it("a 250-item year spans several pages and has every published item exactly once, nothing unpublished or withdrawn", async () => {
    const { column } = await readCsv("/export/items.csv?year=2026");
    const ids = column("标识");
    expect(ids).toHaveLength(published2026.size);
    expect(new Set(ids)).toEqual(published2026);
    for (const id of hidden) expect(ids).not.toContain(id);
  });

  it("a value with commas, quotes and a line break reads back unchanged (RFC 4180 quoting)", async () => {
    const { rows, header } = await readCsv("/export/items.csv?year=2026");
    const row = rows.find((r) => r[header.indexOf("标题")] === awkwardTitle);
    expect(row?.[header.indexOf("摘要")]).toBe(awkwardSummary);
    expect(row?.[header.indexOf("发布单位")]).toBe("测试单位000000701");
    expect(row?.[header.indexOf("链接")]).toMatch(/^http:\/\/portal\.test\/public\/v1\/items\/itm_/);
  });

  it("issue 12 #10 CSV formula injection: a title starting with = reaches the file as text, quoted behind a single quote (OWASP)", async () => {
    const res = await get("/export/items.csv?year=2026");
    const text = await res.text();
    expect(text).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    const [header = [], ...rows] = parseCsv(text.replace(/^\uFEFF/, ""));
    const row = rows.find((r) => r[header.indexOf("标题")] === `'${formulaTitle}`);
    expect(row?.[header.indexOf("摘要")]).toBe(`'${formulaSummary}`);
    // Programs read the JSON, which keeps the title as published.
    const records = (await (await get("/export/items.json?year=2026")).json()) as Exported[];
    expect(records.map((r) => r.title)).toContain(formulaTitle);
  });

  it("without a year, every year is exported; with one, only items first published in it", async () => {
    const all = new Set((await readCsv("/export/items.csv")).column("标识"));
    expect(all).toEqual(new Set([...published2025, ...published2026]));
    expect(new Set((await readCsv("/export/items.csv?year=2025")).column("标识"))).toEqual(published2025);
    expect((await readCsv("/export/items.csv?year=2024")).rows).toEqual([]);
  });

  it("a bad year is a 400 problem, not a file", async () => {
    const res = await get("/export/items.csv?year=twenty");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("JSON export", () => {
  it("is one valid JSON array with every published item once, metadata only", async () => {
    const res = await get("/export/items.json?year=2026");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="gov-disclosure-items-2026.json"',
    );
    const records = JSON.parse(await res.text()) as Exported[];
    expect(records.map((r) => r.id).sort()).toEqual([...published2026].sort());
    const awkward = records.find((r) => r.title === awkwardTitle);
    expect(awkward).toMatchObject({ summary: awkwardSummary, unitName: "测试单位000000701" });
    expect(records.some((r) => "body" in r)).toBe(false);
  });

  it("an empty year is an empty array", async () => {
    const res = await get("/export/items.json?year=2024");
    expect(JSON.parse(await res.text())).toEqual([]);
  });
});

describe("a failure part way through", () => {
  it("breaks the download instead of ending it as if complete", async () => {
    const { store } = h.deps;
    const failing: Deps = {
      ...h.deps,
      store: {
        ...store,
        items: {
          ...store.items,
          listPublished: async (filter, page) => {
            if (page.cursor) throw new Error("数据库读取失败（测试）");
            return store.items.listPublished(filter, page);
          },
        },
      },
    };
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const format of ["csv", "json"]) {
      const res = await get(`/export/items.${format}?year=2026`, mount(failing));
      expect(res.status).toBe(200);
      await expect(res.text(), format).rejects.toThrow();
    }
    expect(log).toHaveBeenCalled();
  });
});

describe("DCAT catalogue", () => {
  type Distribution = { "dcat:mediaType": string; "dcat:downloadURL": string };
  type Dataset = {
    "@type": string;
    "dct:identifier": string;
    "dct:issued": string;
    "dct:modified": string;
    "dcat:distribution": Distribution[];
  };

  it("describes one dataset per year, dated from the data, whose download URLs serve the files", async () => {
    const res = await get("/export/catalog.jsonld");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/ld+json; charset=utf-8");
    const catalog = (await res.json()) as {
      "@context": Record<string, unknown>;
      "@type": string;
      "@id": string;
      "dct:title": string;
      "dcat:dataset": Dataset[];
    };
    expect(catalog["@type"]).toBe("dcat:Catalog");
    expect(catalog["@id"]).toBe("http://portal.test/public/v1/export/catalog.jsonld");
    expect(catalog["@context"]).toMatchObject({
      dcat: "http://www.w3.org/ns/dcat#",
      dct: "http://purl.org/dc/terms/",
    });
    const datasets = catalog["dcat:dataset"];
    expect(datasets.map((d) => d["dct:identifier"])).toEqual(["items-2026", "items-2025"]);
    expect(datasets[1]).toMatchObject({
      "dct:issued": "2025-06-02T02:00:00.000Z",
      "dct:modified": "2025-06-02T02:00:00.000Z",
    });
    expect(datasets[0]?.["dct:issued"]).toBe("2026-03-02T02:00:00.000Z");
    const csv = datasets[1]?.["dcat:distribution"].find((d) => d["dcat:mediaType"].endsWith("/text/csv"));
    expect(csv?.["dcat:downloadURL"]).toBe("http://portal.test/public/v1/export/items.csv?year=2025");
    const file = await publicApp.request(csv?.["dcat:downloadURL"] ?? "");
    const ids = parseCsv((await file.text()).replace(/^\uFEFF/, ""))
      .slice(1)
      .map((r) => r[0]);
    expect(new Set(ids)).toEqual(published2025);
  });
});
