import { createHash } from "node:crypto";
import { type PublicItemDetail, publicListEntry } from "@gov/domain";
import { type Json, publishHarness } from "@gov/publish/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublicApp } from "./app.ts";

/** Issue 17: what an uncached public read costs DynamoDB, counted on the store's own counter. */

let h: Awaited<ReturnType<typeof publishHarness>>;
let dept: Awaited<ReturnType<typeof h.unit>>;
let publicApp: ReturnType<typeof createPublicApp>;

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  publicApp = createPublicApp(h.deps);
  dept = await h.unit("000000517");
});

type Published = Json & { indexNumber: string; title: string };
const general = (title: string, extra: object = {}) => ({
  kind: "general",
  title,
  columnId: "responses",
  body: "<p>……</p>",
  generatedOn: "2026-02-27",
  ...extra,
});

/** The answer and the DynamoDB calls it took, by command. */
async function counted(path: string) {
  const { calls } = h.deps.store;
  const before = { total: calls.total, byCommand: { ...calls.byCommand } };
  const res = await publicApp.request(`/v1${path}`);
  const body = (await res.json()) as PublicItemDetail & { items?: Record<string, unknown>[] };
  const byCommand = Object.fromEntries(
    Object.entries(calls.byCommand)
      .map(([command, n]) => [command, n - (before.byCommand[command] ?? 0)] as const)
      .filter(([, n]) => n > 0),
  );
  return { status: res.status, body, total: calls.total - before.total, byCommand };
}

describe("detail by 索引号: the item and its links in one read (ADR 0057)", () => {
  it("one Query answers what two reads answered, the links included", async () => {
    const doc = (await dept.publish(general("关于调整公交线路的通告"))) as Published;
    const related = (await dept.publish(
      general("关于调整公交线路的答复", { relatedItemIds: [doc.id] }),
    )) as Published;
    await counted(`/items/${encodeURIComponent(doc.indexNumber)}`); // the process's first read looks up the refiling marker once
    const byIndexNumber = await counted(`/items/${encodeURIComponent(doc.indexNumber)}`);
    expect(byIndexNumber.status).toBe(200);
    expect(byIndexNumber.byCommand).toEqual({ QueryCommand: 1 });
    expect(byIndexNumber.body.links).toMatchObject({ related: [{ id: related.id, title: related.title }] });
    expect(byIndexNumber.body).toEqual((await counted(`/items/${doc.id}`)).body);
  });

  it("a link made while its item was a draft is filed under the 索引号 its approval allocates", async () => {
    const draft = await dept.draft(general("关于征求公交线路意见的通知"));
    const linking = (await dept.publish(
      general("公交线路意见征集结果", { relatedItemIds: [draft.id] }),
    )) as Published;
    await dept.submit(draft.id);
    const approved = (await dept.approve(draft.id)) as Published;
    const read = await counted(`/items/${encodeURIComponent(approved.indexNumber)}`);
    expect(read.byCommand).toEqual({ QueryCommand: 1 });
    expect(read.body.links).toMatchObject({ related: [{ id: linking.id }] });
  });

  it("an unknown 索引号 is 404 after the same single Query", async () => {
    const read = await counted(`/items/${encodeURIComponent("000000517/2026-9999999")}`);
    expect(read.status).toBe(404);
    expect(read.byCommand).toEqual({ QueryCommand: 1 });
  });
});

describe("list rows are projected to the list entry's fields", () => {
  it("a projected row carries every field the unprojected entry had, in one Query", async () => {
    const item = (await dept.publish(
      general("关于公交站点迁移的公告", { columnId: "press-conferences" }),
    )) as Published;
    const list = await counted("/items?column=press-conferences&limit=5");
    expect(list.byCommand).toEqual({ QueryCommand: 1 });
    const stored = await h.deps.store.items.get(item.id);
    expect(list.body.items?.find((row) => row.id === item.id)).toEqual(
      JSON.parse(JSON.stringify(publicListEntry(stored as NonNullable<typeof stored>))),
    );
  });
});

describe("the detail's and the list's ETag are hashed from the answer, not read back from the response", () => {
  it("the strong ETag is still the SHA-1 of the body sent, and If-None-Match answers 304", async () => {
    const item = (await dept.publish(general("关于公交票价调整的公告"))) as Published;
    for (const path of [`/items/${item.id}`, "/items?column=responses&limit=5"]) {
      const res = await publicApp.request(`/v1${path}`);
      const body = await res.text();
      const tag = res.headers.get("etag");
      expect(tag).toBe(`"${createHash("sha1").update(body).digest("hex")}"`);
      const again = await publicApp.request(`/v1${path}`, { headers: { "if-none-match": tag ?? "" } });
      expect(again.status).toBe(304);
    }
  });
});
