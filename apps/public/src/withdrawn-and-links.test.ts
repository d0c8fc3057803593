import { testDeps } from "@gov/http/testing";
import { createPublishApp } from "@gov/publish";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublicApp } from "./app.ts";

let t: Awaited<ReturnType<typeof testDeps>>;
let publicApp: ReturnType<typeof createPublicApp>;
let publishApp: ReturnType<typeof createPublishApp>;
let editor: string;
let reviewer: string;
const clear = {
  review: { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false },
};

beforeAll(async () => {
  t = await testDeps(new Date("2026-03-02T02:00:00.000Z"));
  publicApp = createPublicApp(t.deps);
  publishApp = createPublishApp(t.deps);
  editor = await t.key("000000501", ["editor"]);
  reviewer = await t.key("000000501", ["reviewer"]);
});

async function post(path: string, key: string, body?: unknown) {
  const res = await publishApp.request(`/v1${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as { id: string; indexNumber: string; title: string };
}

async function publish(body: object) {
  const item = await post("/items", editor, body);
  await post(`/items/${item.id}/submit`, editor);
  return post(`/items/${item.id}/approve`, reviewer, clear);
}

const read = async (path: string) => {
  const res = await publicApp.request(`/v1${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

const normative = {
  kind: "normative",
  title: "共青城市农村生活垃圾治理办法",
  columnId: "normative-documents",
  body: "<p>第一条……</p>",
  generatedOn: "2026-02-26",
  docNumber: "共府办发〔2026〕11号",
  issuingOrgan: "共青城市人民政府办公室",
  effectiveOn: "2026-03-01",
};

describe("withdrawn items: 410 with a tombstone, gone from lists", () => {
  it("the public gets the title, 索引号, reason and date, by id and by 索引号", async () => {
    const live = await publish({
      kind: "general",
      title: "关于临时交通管制的通告",
      columnId: "responses",
      body: "<p>……</p>",
      generatedOn: "2026-02-27",
    });
    await post(`/items/${live.id}/withdraw`, reviewer, { reason: "管制已提前解除" });
    for (const key of [live.id, encodeURIComponent(live.indexNumber)]) {
      const res = await read(`/items/${key}`);
      expect(res.status).toBe(410);
      expect(res.body).toMatchObject({
        title: "关于临时交通管制的通告",
        indexNumber: live.indexNumber,
        reason: "管制已提前解除",
        withdrawnAt: "2026-03-02T02:00:00.000Z",
      });
      expect(res.body.body).toBeUndefined();
    }
    const list = await read("/items?column=responses&limit=100");
    expect((list.body.items as { id: string }[]).map((i) => i.id)).not.toContain(live.id);
  });
});

describe("links are visible from both ends, to published items only", () => {
  it("a document's public detail lists its interpretation; the interpretation shows its document", async () => {
    const doc = await publish(normative);
    const interp = await publish({
      kind: "interpretation",
      title: "图解《共青城市农村生活垃圾治理办法》",
      columnId: "interpretation",
      body: "<p>……</p>",
      generatedOn: "2026-02-26",
      interprets: doc.id,
    });
    const docView = await read(`/items/${doc.id}`);
    expect(docView.body.links).toMatchObject({ "interpreted-by": [{ id: interp.id, title: interp.title }] });
    const interpView = await read(`/items/${interp.id}`);
    expect(interpView.body.links).toMatchObject({
      interprets: [{ id: doc.id, indexNumber: doc.indexNumber }],
    });
  });

  it("a withdrawn item disappears from the links of the items it was linked to", async () => {
    const a = await publish({
      kind: "general",
      title: "相关文件甲",
      columnId: "decision",
      body: "",
      generatedOn: "2026-02-27",
    });
    const b = await publish({
      kind: "general",
      title: "相关文件乙",
      columnId: "decision",
      body: "",
      generatedOn: "2026-02-27",
      relatedItemIds: [a.id],
    });
    expect((await read(`/items/${a.id}`)).body.links).toMatchObject({ related: [{ id: b.id }] });
    await post(`/items/${b.id}/withdraw`, reviewer, { reason: "内容有误" });
    expect((await read(`/items/${a.id}`)).body.links).toEqual({});
  });

  it("a revision's new title shows at the far end of its links", async () => {
    const a = await publish({
      kind: "general",
      title: "原标题",
      columnId: "decision",
      body: "",
      generatedOn: "2026-02-27",
    });
    const b = await publish({
      kind: "general",
      title: "引用方",
      columnId: "decision",
      body: "",
      generatedOn: "2026-02-27",
      relatedItemIds: [a.id],
    });
    const revising = await post(`/items/${a.id}/revise`, editor);
    const patched = await publishApp.request(`/v1/items/${a.id}`, {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${editor}`,
        "content-type": "application/json",
        "if-match": `"${(revising as unknown as { version: number }).version}"`,
      },
      body: JSON.stringify({ title: "新标题" }),
    });
    expect(patched.status).toBe(200);
    await post(`/items/${a.id}/submit`, editor);
    await post(`/items/${a.id}/approve`, reviewer, clear);
    expect((await read(`/items/${b.id}`)).body.links).toMatchObject({
      related: [{ id: a.id, title: "新标题" }],
    });
  });
});
