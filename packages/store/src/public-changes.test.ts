import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { type Item, publicChangeOf, withdrawItem } from "@gov/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { keys } from "./keys.ts";
import type { Store } from "./store.ts";
import { connectionOf } from "./testing/connection.ts";
import { publishedItem, testStore } from "./testing/index.ts";

/** ADR 0059: the public change feed's order, its reader's gap rule, its cursor and the backfill. */

const unitCode = "000000701";
const general = (title: string) => ({
  kind: "general",
  title,
  columnId: "responses",
  body: "<p>……</p>",
  generatedOn: "2026-02-27",
});
let sequence = 0;
const live = (title: string, publishedAt = "2026-03-02T02:00:00.000Z") =>
  publishedItem(general(title), { unitCode, sequence: ++sequence, publishedAt });

/** A withdrawal as the use case writes it: the item, its audit entry and its feed entry. */
async function withdraw(store: Store, item: Item, at: string, expectedVersion = item.version) {
  const next = withdrawItem(item, "内容有误", unitCode, at);
  const audit = {
    entityType: "item" as const,
    entityId: item.id,
    action: "withdraw",
    version: next.version,
    actorUnitCode: unitCode,
    actorKeyId: "key_test",
    at,
  };
  await store.items.update(
    next,
    { ...item, version: expectedVersion },
    audit,
    [],
    [publicChangeOf(item, next, at)],
  );
  return next;
}

const seqs = (page: { items: { seq: number }[] }) => page.items.map((e) => e.seq);

describe("the public change feed in the store", () => {
  let store: Store;
  beforeAll(async () => {
    store = await testStore();
  });

  it("a number whose predecessor has not committed is not read until it has: the reader never skips", async () => {
    const a = live("先撤回的信息");
    const b = live("后撤回的信息");
    await store.items.load([a, b]);
    await withdraw(store, a.item, "2026-03-03T02:00:00.000Z");
    const start = await store.publicChanges.since(undefined, 100);
    expect(seqs(start)).toEqual([1]);

    // A change that took number 3 while number 2's transaction is still on its way: written here
    // by hand, as no writer can (number 3's condition needs the counter at 2).
    const db = connectionOf(store);
    const early = { ...keys.publicChange(3), entity: "public-change", seq: 3, itemId: b.item.id };
    await db.doc.send(new PutCommand({ TableName: db.tableName, Item: early }));
    const raw = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :change)",
        ExpressionAttributeValues: { ":pk": keys.publicChangesPartition, ":change": keys.publicChangePrefix },
      }),
    );
    // Control: the table does hold number 3; a reader taking what it finds would jump to it.
    expect(raw.Items?.map((r) => r.seq)).toEqual([1, 3]);
    const waiting = await store.publicChanges.since(start.nextCursor, 100);
    expect(waiting).toEqual({ items: [], nextCursor: start.nextCursor });

    await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: keys.publicChange(3) }));
    await withdraw(store, b.item, "2026-03-04T02:00:00.000Z");
    const next = await store.publicChanges.since(start.nextCursor, 100);
    expect(next.items.map((e) => [e.seq, e.itemId, e.change])).toEqual([[2, b.item.id, "withdrawn"]]);
  });

  it("a change refused for a stale version writes no entry and uses no number", async () => {
    const c = live("被他人先修改的信息");
    await store.items.load([c]);
    const before = await store.publicChanges.since(undefined, 100);
    await expect(
      withdraw(store, c.item, "2026-03-05T02:00:00.000Z", c.item.version - 1),
    ).rejects.toMatchObject({
      kind: "precondition-failed",
    });
    expect(await store.publicChanges.since(undefined, 100)).toEqual(before);
    // Control: with the right version the same change takes the next number.
    await withdraw(store, c.item, "2026-03-05T02:00:00.000Z");
    expect(seqs(await store.publicChanges.since(before.nextCursor, 100))).toEqual([before.items.length + 1]);
  });

  it("a cursor is opaque and checked: malformed or past the last number is a 400 at `since`", async () => {
    const all = await store.publicChanges.since(undefined, 100);
    const atEnd = await store.publicChanges.since(all.nextCursor, 100);
    expect(atEnd).toEqual({ items: [], nextCursor: all.nextCursor });
    const forged = Buffer.from(JSON.stringify({ after: all.items.length + 5 })).toString("base64url");
    for (const bad of ["not-a-cursor", forged, Buffer.from('{"after":-1}').toString("base64url")]) {
      await expect(store.publicChanges.since(bad, 100)).rejects.toMatchObject({
        kind: "validation",
        issues: [{ path: "since", message: "变更游标无效" }],
      });
    }
  });
});

describe("a table older than the feed (ADR 0059 backfill)", () => {
  it("gets one entry per item public now, in the order they became so, once", async () => {
    const store = await testStore();
    const db = connectionOf(store);
    const first = live("最早发布的信息", "2026-03-02T02:00:00.000Z");
    const second = live("其后发布的信息", "2026-03-03T02:00:00.000Z");
    const gone = live("后来撤回的信息", "2026-03-01T02:00:00.000Z");
    const withdrawn = withdrawItem(gone.item, "信息已过时", unitCode, "2026-03-04T02:00:00.000Z");
    await store.items.load([second, first, { item: withdrawn, audit: gone.audit }]);
    // A table from before the feed has neither the marker nor any entry.
    await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: keys.publicChangesBackfilled }));
    expect((await store.publicChanges.since(undefined, 100)).items).toEqual([]);

    expect(await store.publicChanges.backfillOnce()).toBe(3);
    const page = await store.publicChanges.since(undefined, 100);
    expect(page.items.map((e) => [e.seq, e.title, e.change])).toEqual([
      [1, "最早发布的信息", "published"],
      [2, "其后发布的信息", "published"],
      [3, "后来撤回的信息", "withdrawn"],
    ]);
    expect(page.items[2]?.withdrawal).toEqual({
      reason: "信息已过时",
      withdrawnAt: "2026-03-04T02:00:00.000Z",
    });
    const marker = await db.doc.send(
      new GetCommand({ TableName: db.tableName, Key: keys.publicChangesBackfilled }),
    );
    expect(marker.Item).toBeDefined();

    // Once: run again (every start runs ensureTable), it writes nothing.
    expect(await store.publicChanges.backfillOnce()).toBe(0);
    await store.ensureTable();
    expect((await store.publicChanges.since(undefined, 100)).items).toHaveLength(3);
  });
});
