import { type Json, publishHarness } from "@gov/publish/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublicApp } from "./app.ts";

let h: Awaited<ReturnType<typeof publishHarness>>;
let cityA: Awaited<ReturnType<typeof h.unit>>;
let cityB: Awaited<ReturnType<typeof h.unit>>;
let publicApp: ReturnType<typeof createPublicApp>;

type Hit = {
  id: string;
  title: string;
  score: number;
  highlights: { title: string; docNumber: string | null; body: string };
};
type Answer = { items: Hit[]; total: number; nextCursor: string | null };

const search = async (query: string) => {
  const res = await publicApp.request(`/v1/search?${query}`);
  return { status: res.status, body: (await res.json()) as Answer };
};
const found = async (query: string) => {
  const res = await search(query);
  expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body.items.map((i) => i.id);
};
const q = (text: string, more = "") => `q=${encodeURIComponent(text)}${more}`;
const post = async (path: string, key: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await h.call("POST", path, key, body, headers);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
};

const general = (title: string, body: string, extra: object = {}) => ({
  kind: "general",
  title,
  columnId: "decision",
  body,
  generatedOn: "2024-12-02",
  ...extra,
});
const normative = (title: string, docNumber: string, body = "<p>第一条 为规范管理，制定本办法。</p>") => ({
  kind: "normative",
  title,
  columnId: "normative-documents",
  body,
  generatedOn: "2024-12-02",
  docNumber,
  issuingOrgan: "共青城市人民政府办公室",
  effectiveOn: "2025-01-01",
});

let titleHit: Json;
let bodyHit: Json;
let dogRules: Json;
let sameSerial: Json;
let organWords: Json;
let repealed: Json;
let inHealth: Json;
let categorised: Json;
let of2025: Json;

beforeAll(async () => {
  h = await publishHarness(new Date("2025-06-02T02:00:00.000Z"));
  publicApp = createPublicApp(h.deps);
  cityA = await h.unit("000000801");
  cityB = await h.unit("000000802");
  // Published in 2025: the year filter's item, and the 文号 documents.
  of2025 = await cityA.publish(general("鄱阳湖禁渔期公告", "<p>湖区全面禁渔。</p>"));
  dogRules = await cityB.publish(normative("共青城市城区犬类管理办法", "共府办发〔2019〕82号"));
  sameSerial = await cityB.publish(normative("共青城市城区停车管理规定", "共府发〔2019〕82号"));
  organWords = await cityB.publish(
    general("共府办发文件汇编说明", "<p>共府办发2019年度文件共82件，其中犬类管理一件。</p>"),
  );
  repealed = await cityB.publish(normative("共青城市殡葬管理暂行办法", "共府办发〔2018〕3号"));
  await post(`/items/${repealed.id}/validity`, cityB.reviewer, {
    status: "repealed",
    on: "2025-06-01",
    reason: "已被新办法取代",
  });

  h.setNow(new Date("2026-03-02T02:00:00.000Z"));
  titleHit = await cityA.publish(general("秸秆禁烧工作方案", "<p>各乡镇做好宣传。</p>"));
  bodyHit = await cityA.publish(
    general("农业农村工作要点", "<p>今年重点推进<strong>秸秆</strong>综合利用和禁烧巡查，做好秸秆收储。</p>"),
  );
  inHealth = await cityA.publish(
    general("湖区血吸虫病防治通告", "<p>湖区查螺灭螺。</p>", { columnId: "health" }),
  );
  categorised = await cityA.publish(
    general("湖区防汛物资储备情况", "<p>湖区防汛。</p>", { category: "应急管理" }),
  );
});

describe("ranking", () => {
  it("a title match ranks above a body-only match", async () => {
    expect(await found(q("秸秆"))).toEqual([titleHit.id, bodyHit.id]);
  });

  it.each([
    "共府办发〔2019〕82号",
    "共府办发[2019]82号",
    "共府办发(2019)82号",
    "共府办发（2019）82号",
    "共府办发【2019】82号",
    "共府办发2019 82号",
    "共府办发201982号",
  ])("the 文号 typed as %s finds its document first", async (typed) => {
    const ids = await found(q(typed));
    expect(ids[0]).toBe(dogRules.id);
    // The same serial of another organ, and a title full of the organ's words, rank below it.
    expect(ids).toEqual(expect.arrayContaining([sameSerial.id, organWords.id]));
  });
});

describe("highlighting", () => {
  it("wraps matched terms in <em> in the title and in a snippet of the body's text", async () => {
    const { body } = await search(q("秸秆"));
    const [title, inBody] = body.items;
    expect(title?.highlights.title).toBe("<em>秸秆</em>禁烧工作方案");
    expect(inBody?.highlights.title).toBe("农业农村工作要点");
    expect(inBody?.highlights.body).toBe(
      "今年重点推进<em>秸秆</em>综合利用和禁烧巡查，做好<em>秸秆</em>收储。",
    );
  });

  it("an exactly matched 文号 is highlighted whole", async () => {
    const { body } = await search(q("共府办发[2019]82号"));
    expect(body.items[0]?.highlights.docNumber).toBe("<em>共府办发〔2019〕82号</em>");
  });
});

describe("the list filters apply to search", () => {
  it("column", async () => expect(await found(q("湖区", "&column=health"))).toEqual([inHealth.id]));
  it("unit", async () => {
    const ids = await found(q("管理", "&unit=000000802"));
    expect(ids).toEqual(expect.arrayContaining([dogRules.id, sameSerial.id]));
    expect(ids).not.toContain(bodyHit.id);
    expect(await found(q("管理", "&unit=000000801"))).not.toContain(dogRules.id);
  });
  it("year of first publication", async () => {
    expect(await found(q("湖区", "&year=2025"))).toEqual([of2025.id]);
    expect(await found(q("湖区", "&year=2026"))).not.toContain(of2025.id);
  });
  it("category", async () => expect(await found(q("湖区", "&category=应急管理"))).toEqual([categorised.id]));
  it("kind", async () => {
    const ids = await found(q("共青城市", "&kind=normative"));
    expect(ids).toEqual(expect.arrayContaining([dogRules.id, sameSerial.id, repealed.id]));
    expect(ids).not.toContain(organWords.id);
  });
  it("validity, as it changes", async () => {
    expect(await found(q("管理办法", "&validity=repealed"))).toEqual([repealed.id]);
    expect(await found(q("管理办法", "&validity=effective"))).not.toContain(repealed.id);
  });
  it("an unknown column is a 400", async () => {
    expect((await search(q("湖区", "&column=nope"))).status).toBe(400);
  });
});

describe("paging", () => {
  it("pages to the end of the ranking without repeats or gaps", async () => {
    const created: string[] = [];
    for (let i = 0; i < 24; i += 8) {
      const batch = await Promise.all(
        Array.from({ length: 8 }, (_, j) =>
          cityA.publish(general(`滨湖步道第${i + j + 1}段养护公告`, "<p>步道养护期间请绕行。</p>")),
        ),
      );
      created.push(...batch.map((b) => b.id));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body } = await search(q("步道养护", `&limit=7${cursor ? `&cursor=${cursor}` : ""}`));
      expect(status).toBe(200);
      expect(body.total).toBe(24);
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(seen.length).toBe(24);
    expect(new Set(seen)).toEqual(new Set(created));
  });

  it("a forged cursor, or one from another query, is a 400", async () => {
    expect((await search(q("步道", "&cursor=bm90LWEtY3Vyc29y"))).status).toBe(400);
    const first = await search(q("步道养护", "&limit=5"));
    const cursor = first.body.nextCursor as string;
    expect((await search(q("秸秆", `&cursor=${cursor}`))).status).toBe(400);
    expect((await search(q("步道养护", `&limit=5&column=health&cursor=${cursor}`))).status).toBe(400);
  });
});

describe("only what is published is ever found", () => {
  it("a revised item is found by its new text and no longer by its old", async () => {
    const item = await cityA.publish(general("候鸟保护区巡护通知", "<p>巡护路线经过芦苇荡。</p>"));
    expect(await found(q("芦苇荡"))).toEqual([item.id]);
    const revising = await post(`/items/${item.id}/revise`, cityA.editor);
    const patched = await h.call(
      "PATCH",
      `/items/${item.id}`,
      cityA.editor,
      { body: "<p>巡护路线改为经过湿地栈道。</p>" },
      { "if-match": `"${revising.version}"` },
    );
    expect(patched.status).toBe(200);
    // A pending revision is not public: the live text is still what is found.
    expect(await found(q("栈道"))).toEqual([]);
    await cityA.submit(item.id);
    await cityA.approve(item.id);
    expect(await found(q("栈道"))).toEqual([item.id]);
    expect(await found(q("芦苇荡"))).toEqual([]);
  });

  it("a withdrawn item is never found, by title or by body", async () => {
    const item = await cityA.publish(general("临时封闭环湖公路通告", "<p>封闭施工期间请走绕城线。</p>"));
    expect(await found(q("环湖公路"))).toEqual([item.id]);
    await post(`/items/${item.id}/withdraw`, cityA.reviewer, { reason: "施工取消" });
    expect(await found(q("环湖公路"))).toEqual([]);
    expect(await found(q("绕城线"))).toEqual([]);
  });

  it("draft and submitted items are never found", async () => {
    await cityA.draft(general("水上乐园安全检查草稿", "<p>草稿正文。</p>"));
    const submitted = await cityA.draft(general("水上乐园安全检查待审", "<p>待审正文。</p>"));
    await cityA.submit(submitted.id);
    expect(await found(q("水上乐园"))).toEqual([]);
  });
});

describe("cost", () => {
  it("one search costs at most 8 Queries and 1 BatchGet, whatever the query", async () => {
    const { calls } = h.store;
    for (const text of [
      "秸秆",
      "共府办发[2019]82号",
      "共青城市城区犬类管理办法 殡葬管理 停车管理规定 防汛物资储备 禁渔期",
    ]) {
      const before = { total: calls.total, query: calls.byCommand.QueryCommand ?? 0 };
      const res = await search(q(text));
      expect(res.status).toBe(200);
      const queries = (calls.byCommand.QueryCommand ?? 0) - before.query;
      expect(queries).toBeLessThanOrEqual(8);
      expect(calls.total - before.total).toBeLessThanOrEqual(9);
      expect(calls.total - before.total - queries).toBe(res.body.items.length > 0 ? 1 : 0);
    }
  });
});
