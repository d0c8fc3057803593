import { CreateItemInput, contentBytes, itemSize, newItem } from "@gov/domain";
import { newId } from "@gov/store";
import { countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { general, type Json, publishHarness } from "./test-client.ts";

type H = Awaited<ReturnType<typeof publishHarness>>;
let h: H;
let dept: Awaited<ReturnType<H["unit"]>>;

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  dept = await h.unit("000000401");
});

/**
 * A body of CJK (3 bytes a character) that brings the item's content to `limit + over` bytes
 * as stored (defaults applied); the last 0–2 bytes are ASCII to land on the byte.
 */
function bodyAt(character: string, over = 0): string {
  const room = itemSize.contentBytes + over - contentBytes(CreateItemInput.parse({ ...general(), body: "" }));
  return character.repeat(Math.floor(room / 3)) + "a".repeat(room % 3);
}

const paths = (body: Json) => (body.errors as { path: string }[]).map((e) => e.path);

describe("issue 12 #2 item size: limits in bytes that every write of an item can hold", () => {
  it("issue 12 #2 item size: a CJK body exactly at the limit publishes, is revised at the limit and republished, and both editions are readable", async () => {
    const first = bodyAt("政");
    expect(contentBytes(CreateItemInput.parse({ ...general(), body: first }))).toBe(itemSize.contentBytes);
    const live = await dept.publish({ ...general(), body: first });

    const revising = await h.call("POST", `/items/${live.id}/revise`, dept.editor);
    expect(revising.status).toBe(200);
    const over = await h.call(
      "PATCH",
      `/items/${live.id}`,
      dept.editor,
      { body: `${bodyAt("务")}a` },
      { "if-match": revising.etag },
    );
    expect(over.status).toBe(400);
    expect(paths(over.body)).toEqual(["body"]);
    const second = bodyAt("务");
    const edited = await h.call(
      "PATCH",
      `/items/${live.id}`,
      dept.editor,
      { body: second },
      { "if-match": revising.etag },
    );
    expect(edited.status).toBe(200);
    await dept.submit(live.id);
    const republished = await dept.approve(live.id);
    expect(republished).toMatchObject({ edition: 2, revision: null, indexNumber: live.indexNumber });

    expect((await dept.get(live.id)).body).toBe(second);
    const history = (await h.call("GET", `/items/${live.id}/history`, dept.editor)).body as unknown as {
      editions: { edition: number; body: string }[];
    };
    expect(history.editions.map((e) => [e.edition, e.body === first])).toEqual([[1, true]]);
  });

  it("issue 12 #2 item size: one byte over the limit is a 400 on `body` with the limit in KB, and nothing is written", async () => {
    const records = await countTable(h.store);
    const res = await h.call("POST", "/items", dept.editor, { ...general(), body: bodyAt("政", 1) });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(paths(res.body)).toEqual(["body"]);
    expect(JSON.stringify(res.body.errors)).toContain(`${itemSize.contentBytes / 1024}KB`);
    expect(await countTable(h.store)).toBe(records);
  });

  it("issue 12 #2 item size: 450,000 ASCII and 150,000 CJK characters are a 400, not a 500", async () => {
    const records = await countTable(h.store);
    for (const body of ["a".repeat(450_000), "政".repeat(150_000)]) {
      const res = await h.call("POST", "/items", dept.editor, { ...general(), body });
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(["body"]);
    }
    expect(await countTable(h.store)).toBe(records);
  });

  it("issue 12 #2 item size: a published item stored before the limit, too big to hold a revision beside it, answers revise with a 422, never a 500", async () => {
    const at = "2026-03-01T02:00:00.000Z";
    const draft = newItem(
      CreateItemInput.parse({ ...general(), body: "政".repeat(100_000) }),
      dept.code,
      newId("item"),
      at,
    );
    const legacy = {
      ...draft,
      state: "published" as const,
      indexNumber: `${dept.code}/2026-0009999`,
      edition: 1,
      publishedAt: at,
      firstPublishedAt: at,
      editionDates: [{ edition: 1, publishedAt: at }],
    };
    const audit = {
      entityType: "item" as const,
      entityId: legacy.id,
      action: "import",
      version: 1,
      actorUnitCode: dept.code,
      actorKeyId: "key_import",
      at,
    };
    await h.store.items.load([{ item: legacy, audit }]);
    const records = await countTable(h.store);
    const res = await h.call("POST", `/items/${legacy.id}/revise`, dept.editor);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await countTable(h.store)).toBe(records);
  });
});
