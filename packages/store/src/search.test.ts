import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { type AuditEntry, CreateItemInput, type Item, newItem } from "@gov/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "./id.ts";
import { keys } from "./keys.ts";
import type { Store } from "./store.ts";
import { connectionOf } from "./testing/connection.ts";
import { testStore } from "./testing/index.ts";

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

const now = "2026-03-02T08:00:00.000Z";
function published(title: string, body: string): Item {
  const item = newItem(
    CreateItemInput.parse({
      kind: "general",
      title,
      columnId: "decision",
      body,
      generatedOn: "2026-03-01",
    }),
    "000000301",
    newId("item"),
    now,
  );
  return {
    ...item,
    state: "published",
    indexNumber: `000000301/2026-${item.id.slice(-7)}`,
    publishedAt: now,
    firstPublishedAt: now,
  };
}
const audit = (item: Item): AuditEntry => ({
  entityType: "item",
  entityId: item.id,
  action: "test",
  version: item.version,
  actorUnitCode: item.unitCode,
  actorKeyId: "key_test",
  at: now,
  state: item.state,
});
const search = (q: string, cursor?: string) => store.search.find({ q, filter: {}, limit: 20, cursor });
const foundIds = async (q: string) => (await search(q)).hits.map((h) => h.item.id);
/** A partition as stored: what the index holds, which search alone would not show. */
const partition = async (pk: string) => {
  const db = connectionOf(store);
  const { Items } = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": pk },
    }),
  );
  return Items;
};
const postingsOf = async (term: string) =>
  ((await partition(keys.searchTermPartition(term))) ?? []).map((i) => i.sk);
const outbox = async () => ((await partition(keys.searchOutboxPartition)) ?? []).map((i) => i.sk);

describe("the search index follows publication through an outbox", () => {
  it("a crash between the item's transaction and the index writes loses nothing: the replay indexes it", async () => {
    const item = published("湿地公园保护条例", "<p>鄱阳湖湿地</p>");
    await store.items.create(item, audit(item), [store.search.indexWrite(item.id)]);
    // The process "dies" here: no store.search.index.
    expect(await foundIds("湿地公园")).toEqual([]);
    expect(await outbox()).toContain(item.id);
    expect(await store.search.replayPending()).toBeGreaterThanOrEqual(1);
    expect(await foundIds("湿地公园")).toEqual([item.id]);
    expect(await outbox()).not.toContain(item.id);
  });

  it("re-indexing a new edition deletes the postings of terms it no longer has", async () => {
    const item = published("候鸟观测通告", "<p>渔船停靠码头</p>");
    await store.items.create(item, audit(item), [store.search.indexWrite(item.id)]);
    await store.search.index(item.id);
    const next = { ...item, body: "<p>志愿者招募办法</p>", version: 2 };
    await store.items.update(next, item, audit(next), [store.search.indexWrite(item.id)]);
    await store.search.index(item.id);
    expect(await postingsOf("码头")).not.toContain(item.id);
    expect(await postingsOf("志愿")).toContain(item.id);
    expect(await foundIds("码头")).toEqual([]);
    expect(await foundIds("志愿者")).toEqual([item.id]);
  });

  it("a withdrawn item's postings and term list are all deleted", async () => {
    const item = published("渡口停航公告", "<p>渡船检修</p>");
    await store.items.create(item, audit(item), [store.search.indexWrite(item.id)]);
    await store.search.index(item.id);
    const withdrawn = { ...item, state: "withdrawn" as const, version: 2 };
    await store.items.update(withdrawn, item, audit(withdrawn), [store.search.indexWrite(item.id)]);
    await store.search.index(item.id);
    expect(await postingsOf("渡口")).not.toContain(item.id);
    expect(await postingsOf("渡船")).not.toContain(item.id);
    expect(await partition(keys.searchTerms(item.id).pk)).toEqual([]);
  });

  it("applying twice gives the same index as applying once (idempotent)", async () => {
    const item = published("茶叶种植补贴", "<p>茶园面积核查</p>");
    await store.items.create(item, audit(item), [store.search.indexWrite(item.id)]);
    await store.search.index(item.id);
    const first = await search("茶园");
    await store.search.index(item.id);
    expect(await search("茶园")).toEqual(first);
  });

  it("an item already withdrawn when its postings are read is not returned (the item decides)", async () => {
    const item = published("桥梁限行通知", "<p>限行时段</p>");
    await store.items.create(item, audit(item), [store.search.indexWrite(item.id)]);
    await store.search.index(item.id);
    const withdrawn = { ...item, state: "withdrawn" as const, version: 2 };
    // Committed, index update not yet applied.
    await store.items.update(withdrawn, item, audit(withdrawn), [store.search.indexWrite(item.id)]);
    expect(await foundIds("桥梁限行")).toEqual([]);
    await store.search.replayPending();
  });
});

describe("a search's cost is bounded", () => {
  it("a query reads at most one Query per term (8 terms) and one BatchGet, however long it is", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const item = published(`城市公共交通运营补贴资金管理办法${i}`, "<p>农村生活垃圾治理与城乡环境整治</p>");
      await store.items.create(item, audit(item), [store.search.indexWrite(item.id)]);
      await store.search.index(item.id);
      ids.push(item.id);
    }
    const before = { ...store.calls.byCommand };
    const total = store.calls.total;
    const page = await search(
      "城市公共交通运营补贴资金管理办法 农村生活垃圾治理 城乡环境整治 实施细则 通知 意见 方案",
    );
    expect(page.hits.slice(0, 3).map((h) => h.item.id)).toEqual(expect.arrayContaining(ids));
    const delta = (name: string) => (store.calls.byCommand[name] ?? 0) - (before[name] ?? 0);
    expect(delta("QueryCommand")).toBe(8);
    expect(delta("BatchGetItemCommand")).toBe(1);
    expect(store.calls.total - total).toBe(9);
  });

  it("a forged or foreign cursor is a validation error, not a database error", async () => {
    await expect(search("茶园", "not-a-cursor")).rejects.toMatchObject({ kind: "validation" });
    const forged = Buffer.from(JSON.stringify({ o: 5, f: "x" })).toString("base64url");
    await expect(search("茶园", forged)).rejects.toMatchObject({ kind: "validation" });
  });
});
