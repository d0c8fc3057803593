import { testDeps } from "@gov/core/testing";
import { approveItem, CreateItemInput, type Item, newItem, submitItem } from "@gov/domain";
import { newId } from "@gov/store";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublicApp } from "./app.ts";

let t: Awaited<ReturnType<typeof testDeps>>;
let app: ReturnType<typeof createPublicApp>;
const review = {
  stateSecret: false,
  personalPrivacy: false,
  tradeSecret: false,
  otherSensitive: false,
  reviewerUnitCode: "x",
  reviewerKeyId: "x",
  reviewedAt: "x",
};

/** Writes an item straight through the store in the given state, published at `at`. */
async function put(
  input: Record<string, unknown>,
  unitCode: string,
  at: string,
  state: Item["state"] = "published",
) {
  const draft = newItem(CreateItemInput.parse(input), unitCode, newId("item"), at);
  const published = approveItem(
    submitItem(draft, at),
    review,
    `${unitCode}/${at.slice(0, 4)}-${draft.id.slice(-7)}`,
    at,
  );
  const item: Item =
    state === "published"
      ? published
      : state === "withdrawn"
        ? { ...published, state: "withdrawn" }
        : state === "submitted"
          ? submitItem(draft, at)
          : draft;
  await t.store.items.create(item, {
    entityType: "item",
    entityId: item.id,
    action: "create",
    version: item.version,
    actorUnitCode: unitCode,
    actorKeyId: "test",
    at,
  });
  return item;
}

const general = (title: string, columnId = "health", extra: object = {}) => ({
  kind: "general",
  title,
  columnId,
  body: "<p>……</p>",
  generatedOn: "2019-01-02",
  ...extra,
});
const normative = (title: string) => ({
  ...general(title, "normative-documents"),
  kind: "normative",
  docNumber: "共府发〔2019〕1号",
  issuingOrgan: "共青城市人民政府",
  effectiveOn: "2019-01-02",
});

const ids = async (query: string) => {
  const res = await app.request(`/v1/items?${query}`);
  expect(res.status, query).toBe(200);
  return ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);
};

let a: Item; // health, unit A, 2019, 医疗卫生 category
let b: Item; // health, unit B, 2020
let c: Item; // education, unit A, 2020, category 科技、教育
let d: Item; // normative, unit B, 2019 (Shanghai), published 2019-12-31T17:00Z = 2020-01-01 01:00 Beijing
let hidden: Item[];

beforeAll(async () => {
  t = await testDeps();
  app = createPublicApp(t.deps);
  a = await put(
    general("医疗机构设置公示", "health", { category: "卫生、体育" }),
    "000000701",
    "2019-03-01T02:00:00.000Z",
  );
  b = await put(general("抽检结果公示"), "000000702", "2020-05-01T02:00:00.000Z");
  c = await put(
    general("义务教育均衡发展推进情况", "education", { category: "科技、教育" }),
    "000000701",
    "2020-06-01T02:00:00.000Z",
  );
  d = await put(normative("共青城市社会救助暂行办法"), "000000702", "2019-12-31T17:00:00.000Z");
  hidden = [
    await put(general("草稿不可见"), "000000701", "2020-07-01T02:00:00.000Z", "draft"),
    await put(general("待审不可见"), "000000701", "2020-07-01T02:00:00.000Z", "submitted"),
    await put(general("撤回不可见"), "000000701", "2020-07-01T02:00:00.000Z", "withdrawn"),
  ];
});

describe("public list filters", () => {
  it("no filter: every published item, newest first, nothing unpublished", async () => {
    expect(await ids("limit=100")).toEqual([c.id, b.id, d.id, a.id]);
  });
  it("column", async () => expect(await ids("column=health")).toEqual([b.id, a.id]));
  it("unit", async () => expect(await ids("unit=000000701")).toEqual([c.id, a.id]));
  it("year is the Beijing year of first publication", async () => {
    expect(await ids("year=2019")).toEqual([a.id]);
    expect(await ids("year=2020")).toEqual([c.id, b.id, d.id]);
  });
  it("category", async () => expect(await ids("category=科技、教育")).toEqual([c.id]));
  it("kind", async () => expect(await ids("kind=normative")).toEqual([d.id]));
  it("validity", async () => expect(await ids("validity=effective")).toEqual([d.id]));
  it("filters combine", async () => {
    expect(await ids("column=health&unit=000000702")).toEqual([b.id]);
    expect(await ids("unit=000000701&year=2020&category=科技、教育")).toEqual([c.id]);
    expect(await ids("column=health&year=2021")).toEqual([]);
  });
  it("q (a list filter in the contract) hands the same query to search", async () => {
    const res = await app.request("/v1/items?q=%E5%85%AC%E7%A4%BA&column=health");
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("search?q=%E5%85%AC%E7%A4%BA&column=health");
  });

  it("no draft, submitted or withdrawn item in any filtered list", async () => {
    for (const query of ["limit=100", "unit=000000701", "column=health", "year=2020"]) {
      const found = await ids(query);
      for (const item of hidden) expect(found).not.toContain(item.id);
    }
  });
  it("the catalogue counts published items per column, sub-columns included in totals", async () => {
    const res = await app.request("/v1/columns");
    const tree = ((await res.json()) as { columns: { id: string; count: number; total: number }[] }).columns;
    expect(tree.find((col) => col.id === "health")).toMatchObject({ count: 2, total: 2 });
    expect(tree.find((col) => col.id === "education")).toMatchObject({ count: 1 });
    expect(tree.find((col) => col.id === "normative-documents")).toMatchObject({ count: 1 });
  });
});

describe("paging has no ceiling", () => {
  it("pages to the end of a 500-item column, every item once, newest first, with a capped page size", async () => {
    const created: string[] = [];
    for (let i = 0; i < 500; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: 50 }, (_, j) => {
          const n = i + j;
          const at = new Date(Date.UTC(2021, 0, 1) + n * 3_600_000).toISOString();
          return put(general(`社会救助资金发放情况（第${n}期）`, "social-assistance"), "000000703", at);
        }),
      );
      created.push(...batch.map((item) => item.id));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await app.request(
        `/v1/items?column=social-assistance&limit=100${cursor ? `&cursor=${cursor}` : ""}`,
      );
      const page = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(100);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen).toEqual([...created].reverse());
    expect((await app.request("/v1/items?column=social-assistance&limit=101")).status).toBe(400);
  });

  it("a filtered page fills across reads and its cursor resumes exactly after the last item", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await app.request(`/v1/items?unit=000000701&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      const page = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([c.id, a.id]);
  });
});
