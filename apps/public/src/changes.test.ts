import type { PublicChangeEntry } from "@gov/domain";
import { general, type Json, normative, publishHarness } from "@gov/publish/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublicApp } from "./app.ts";
import { publicHttpOptionsFromEnv } from "./http-behaviour.ts";

/**
 * Issue 18: a provincial platform mirrors the city through GET /v1/changes alone (and the
 * detail of what it names), and ends equal to the city's public catalogue after a mixed run of
 * publications, revisions, 有效性 changes and withdrawals (ADR 0059).
 */

let h: Awaited<ReturnType<typeof publishHarness>>;
let finance: Awaited<ReturnType<typeof h.unit>>;
let justice: Awaited<ReturnType<typeof h.unit>>;
/** The public app as deployed: its per-instance cache on, in the same process as the publish app. */
let app: ReturnType<typeof createPublicApp>;

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  finance = await h.unit("000000951");
  justice = await h.unit("000000952");
  app = createPublicApp(h.deps, publicHttpOptionsFromEnv({ RATE_LIMIT_PER_MINUTE: "100000" }));
});

const read = async (path: string) => {
  const res = await app.request(`/v1${path}`);
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
};
type ChangesPage = { items: PublicChangeEntry[]; nextCursor: string };
const changes = async (since?: string, limit = 4) =>
  (await read(`/changes?limit=${limit}${since ? `&since=${since}` : ""}`)).body as ChangesPage;

/** What a mirror keeps: each item's public detail, or its tombstone once withdrawn. */
type Mirror = Map<string, { detail: unknown } | { tombstone: unknown }>;

async function refresh(mirror: Mirror, id: string) {
  const detail = await read(`/items/${id}`);
  // Withdrawn since the entry: its own tombstone entry comes later in the feed.
  if (detail.status === 200) mirror.set(id, { detail: detail.body });
}

/** Reads the feed from `since` to its end, page by page, applying each entry to the mirror. */
async function sync(mirror: Mirror, since?: string): Promise<string> {
  let cursor = since;
  for (;;) {
    const page = await changes(cursor);
    for (const entry of page.items) {
      if (entry.change === "withdrawn") {
        const { itemId, indexNumber, withdrawal } = entry;
        mirror.set(itemId, { tombstone: { itemId, indexNumber, withdrawal } });
      } else {
        await refresh(mirror, entry.itemId);
      }
      // The items showing this one among their links changed with it (a withdrawal drops the link).
      for (const id of entry.linkedItemIds) await refresh(mirror, id);
    }
    if (page.items.length === 0) return page.nextCursor;
    cursor = page.nextCursor;
  }
}

/** The source as the public sees it now: every published item's detail, every withdrawn one's 410. */
async function source(withdrawn: string[]): Promise<Mirror> {
  const state: Mirror = new Map();
  const list = (await read("/items?limit=100")).body as { items: { id: string }[]; nextCursor: null };
  expect(list.nextCursor).toBeNull();
  for (const { id } of list.items) state.set(id, { detail: (await read(`/items/${id}`)).body });
  for (const id of withdrawn) {
    const gone = await read(`/items/${id}`);
    expect(gone.status).toBe(410);
    const { indexNumber, reason, withdrawnAt } = gone.body;
    state.set(id, { tombstone: { itemId: id, indexNumber, withdrawal: { reason, withdrawnAt } } });
  }
  return state;
}

const ok = async (method: string, path: string, key: string, body?: unknown, headers = {}) => {
  const res = await h.call(method, path, key, body, headers);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
};

async function revise(unit: typeof finance, id: string, title: string) {
  const revising = await ok("POST", `/items/${id}/revise`, unit.editor);
  await ok("PATCH", `/items/${id}`, unit.editor, { title }, { "if-match": `"${revising.version}"` });
  await unit.submit(id);
  return unit.approve(id);
}

describe("issue 18 the public change feed mirrors the city", () => {
  it("a mirror fed from the feed equals the source after publications, revisions, 有效性 changes and withdrawals", async () => {
    const mirror: Mirror = new Map();
    const a = (await finance.publish(general("关于2026年预算执行情况的公告"))) as Json;
    const b = (await justice.publish(normative("共府办发〔2026〕3号"))) as Json;
    const c = (await finance.publish(general("关于调整办事时间的公告"))) as Json;
    // A mirror that started early, then resumes from its cursor.
    let cursor = await sync(mirror);
    expect(mirror.size).toBe(3);

    await revise(finance, c.id, "关于调整办事时间的公告（更正）");
    const d = (await justice.publish(normative("共府办发〔2026〕4号"))) as Json;
    await ok("POST", `/items/${b.id}/validity`, justice.reviewer, {
      status: "repealed",
      on: "2026-03-02",
      reason: "被新文件废止",
      byItemId: d.id,
    });
    await ok("POST", `/items/${a.id}/withdraw`, finance.reviewer, { reason: "数据有误，另行发布" });
    const e = (await finance.publish({
      ...general("共青城市2025年政府信息公开工作年度报告"),
      columnId: "annual-reports",
    })) as Json;
    cursor = await sync(mirror, cursor);
    await revise(justice, d.id, "共青城市行政规范性文件（共府办发〔2026〕4号，修订）");

    cursor = await sync(mirror, cursor);
    expect(mirror).toEqual(await source([a.id]));
    // A fresh mirror from the beginning ends the same.
    const fresh: Mirror = new Map();
    await sync(fresh);
    expect(fresh).toEqual(mirror);

    const all = (await changes(undefined, 100)).items;
    expect(all.map((x) => [x.itemId, x.change])).toEqual([
      [a.id, "published"],
      [b.id, "published"],
      [c.id, "published"],
      [c.id, "revised"],
      [d.id, "published"],
      [b.id, "validity-changed"],
      [a.id, "withdrawn"],
      [e.id, "report-published"],
      [d.id, "revised"],
    ]);
    expect(all.find((x) => x.change === "validity-changed")?.validity).toBe("repealed");
    // Control: a mirror that missed the withdrawal still shows the item, so the comparison can fail.
    const missed: Mirror = new Map(mirror);
    missed.set(a.id, { detail: {} });
    expect(missed).not.toEqual(await source([a.id]));
  });

  it("a cursor from before a withdrawal yields the tombstone: id, 索引号, reason and date", async () => {
    const item = (await finance.publish(general("关于临时交通管制的通告"))) as Json & { indexNumber: string };
    const before = await sync(new Map());
    // The head page is cached like any public answer; the withdrawal must not be hidden by it.
    expect((await changes(before)).items).toEqual([]);
    await ok("POST", `/items/${item.id}/withdraw`, finance.reviewer, { reason: "管制已解除" });
    const page = await changes(before);
    expect(page.items).toEqual([
      expect.objectContaining({
        change: "withdrawn",
        itemId: item.id,
        indexNumber: item.indexNumber,
        title: "关于临时交通管制的通告",
        withdrawal: { reason: "管制已解除", withdrawnAt: expect.any(String) },
      }),
    ]);
    // Nothing of the withdrawn text, the review or the drafts is in the entry.
    expect(JSON.stringify(page)).not.toMatch(/stateSecret|review|body|各乡镇/);
    // Read again from the same cursor: the same entry, never a second copy of it.
    expect((await changes(before)).items).toEqual(page.items);
    expect((await changes(page.nextCursor)).items).toEqual([]);
  });

  it("a bad cursor is a 400 problem naming `since`; a full page may be kept, the last one briefly", async () => {
    for (const since of ["bm90LWEtY3Vyc29y", "%%%", Buffer.from('{"after":99999}').toString("base64url")]) {
      const res = await app.request(`/v1/changes?since=${since}`);
      expect(res.status, since).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(((await res.json()) as { errors: { path: string }[] }).errors).toEqual([
        expect.objectContaining({ path: expect.stringMatching(/^(query\.)?since$/) }),
      ]);
    }
    expect((await app.request("/v1/changes?limit=1000")).status).toBe(400);

    const full = await read("/changes?limit=2");
    expect(full.headers.get("cache-control")).toContain("immutable");
    const last = await read("/changes?limit=100");
    expect(last.headers.get("cache-control")).toBe("public, max-age=15, s-maxage=30");
  });

  it("is declared in the OpenAPI document", async () => {
    const spec = (await (await app.request("/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toContain("/v1/changes");
  });
});
