import { general, publishHarness } from "@gov/publish/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublicApp } from "./app.ts";

let publicApp: ReturnType<typeof createPublicApp>;
let dept: Awaited<ReturnType<Awaited<ReturnType<typeof publishHarness>>["unit"]>>;

beforeAll(async () => {
  const h = await publishHarness();
  publicApp = createPublicApp(h.deps);
  dept = await h.unit("000000301");
});

async function item(title: string, upTo: "draft" | "submitted" | "published") {
  const created = await dept.draft({ ...general(title), generatedOn: "2026-02-27" });
  if (upTo === "draft") return created;
  await dept.submit(created.id);
  if (upTo === "submitted") return created;
  return dept.approve(created.id) as Promise<typeof created & { indexNumber: string }>;
}

const get = async (path: string) => {
  const res = await publicApp.request(`/v1${path}`);
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { items: { id: string }[] },
  };
};

describe("public reads show only what is published", () => {
  it("a column list holds published items only, newest first", async () => {
    const draft = await item("草稿", "draft");
    const waiting = await item("待审核", "submitted");
    const first = await item("先发布", "published");
    const second = await item("后发布", "published");
    const ids = (await get("/items?column=decision")).body.items.map((i) => i.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(waiting.id);
  });

  it("a list entry carries the catalogue metadata but not the full text, which the detail has", async () => {
    const published = await item("列表不含正文", "published");
    const entry = (await get("/items?column=decision&limit=100")).body.items.find(
      (i) => i.id === published.id,
    );
    expect(entry).toMatchObject({ title: "列表不含正文", indexNumber: published.indexNumber });
    expect(entry).not.toHaveProperty("body");
    expect((await get(`/items/${published.id}`)).body.body).toEqual(expect.stringContaining("<p>"));
  });

  it("detail by 索引号 (its / encoded) and by id; unpublished is 404", async () => {
    const published = await item("按索引号查看", "published");
    const byIndex = await get(`/items/${encodeURIComponent(String(published.indexNumber))}`);
    expect(byIndex.status).toBe(200);
    expect(byIndex.body).toMatchObject({ id: published.id, indexNumber: published.indexNumber });
    expect(byIndex.body.review).toBeUndefined();
    expect((await get(`/items/${published.id}`)).status).toBe(200);
    const waiting = await item("未发布", "submitted");
    expect((await get(`/items/${waiting.id}`)).status).toBe(404);
    expect((await get(`/items/${encodeURIComponent("000000301/2026-9999999")}`)).status).toBe(404);
  });

  it("pages a column to the end without repeats", async () => {
    for (let i = 0; i < 5; i++) await item(`分页${i}`, "published");
    const all = (await get("/items?column=decision&limit=100")).body.items.map((i) => i.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`/items?column=decision&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it("an unknown column, a bad limit or a forged cursor is 400 with the parameter named", async () => {
    for (const [query, path] of [
      ["column=nowhere", "column"],
      ["column=decision&limit=1000", "query.limit"],
      ["column=decision&cursor=Zm9yZ2Vk", "cursor"],
    ]) {
      const res = await get(`/items?${query}`);
      expect(res.status, query).toBe(400);
      expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain(path);
    }
  });

  it("the catalogue is a tree of the seed's columns", async () => {
    const { body } = await get("/columns");
    const names = (body.columns as { name: string }[]).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["规范性文件", "政策解读", "重大建设项目"]));
  });
});
