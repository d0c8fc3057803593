import { PublicItemDetail, PublicListEntry, Tombstone } from "@gov/domain";
import { clearReview, type Json, publishHarness } from "@gov/publish/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublicApp } from "./app.ts";

let h: Awaited<ReturnType<typeof publishHarness>>;
let dept: Awaited<ReturnType<typeof h.unit>>;
let publicApp: ReturnType<typeof createPublicApp>;

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  publicApp = createPublicApp(h.deps);
  dept = await h.unit("000000501");
});

const publish = (body: object) =>
  dept.publish(body) as Promise<Json & { indexNumber: string; title: string }>;
const post = async (path: string, key: string, body?: unknown) => {
  const res = await h.call("POST", path, key, body);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
};

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
    await post(`/items/${live.id}/withdraw`, dept.reviewer, { reason: "管制已提前解除" });
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
    await post(`/items/${b.id}/withdraw`, dept.reviewer, { reason: "内容有误" });
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
    const revising = await post(`/items/${a.id}/revise`, dept.editor);
    const patched = await h.call(
      "PATCH",
      `/items/${a.id}`,
      dept.editor,
      { title: "新标题" },
      {
        "if-match": `"${revising.version}"`,
      },
    );
    expect(patched.status).toBe(200);
    await post(`/items/${a.id}/submit`, dept.editor);
    await post(`/items/${a.id}/approve`, dept.reviewer, clearReview);
    expect((await read(`/items/${b.id}`)).body.links).toMatchObject({
      related: [{ id: a.id, title: "新标题" }],
    });
  });
});

describe("the answers are what the OpenAPI document declares", () => {
  it("a detail with links parses as PublicItem, a list entry as PublicListEntry, a tombstone as Tombstone", async () => {
    const doc = await publish({ ...normative, title: "声明一致的规范性文件" });
    await publish({
      kind: "interpretation",
      title: "解读：声明一致的规范性文件",
      columnId: "interpretation",
      body: "<p>……</p>",
      generatedOn: "2026-02-26",
      interprets: doc.id,
    });
    const detail = await read(`/items/${doc.id}`);
    expect(detail.status).toBe(200);
    expect(PublicItemDetail.parse(detail.body).links["interpreted-by"]).toHaveLength(1);
    // Control: the schemas are strict, so a field the document does not declare fails the parse.
    expect(PublicItemDetail.safeParse({ ...detail.body, review: null }).success).toBe(false);

    const list = await read("/items?column=normative-documents&limit=100");
    const entry = (list.body.items as { id: string }[]).find((i) => i.id === doc.id);
    expect(PublicListEntry.parse(entry).title).toBe("声明一致的规范性文件");

    await post(`/items/${doc.id}/withdraw`, dept.reviewer, { reason: "已被新文件替代" });
    const gone = await read(`/items/${doc.id}`);
    expect(gone.status).toBe(410);
    expect(Tombstone.parse(gone.body).reason).toBe("已被新文件替代");
  });
});
