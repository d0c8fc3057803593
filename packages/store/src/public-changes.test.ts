import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { type Item, publicChangeOf, withdrawItem } from "@gov/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { keys } from "./keys.ts";
import { gapGraceMs, reserve } from "./public-changes.ts";
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

  /** What a writer that died after reserving its number leaves: the number taken, no record. */
  const reserveByHand = () => reserve(connectionOf(store), 1);

  it("a missing number stops the reader while its change may still commit: it never passes an entry to come", async () => {
    const a = live("先撤回的信息");
    const b = live("后撤回的信息");
    await store.items.load([a, b]);
    await withdraw(store, a.item, "2026-03-03T02:00:00.000Z");
    const start = await store.publicChanges.since(undefined, 100);
    expect(seqs(start)).toEqual([1]);

    // A change that reserved number 2 and has not committed yet; b's withdrawal takes 3.
    expect(await reserveByHand()).toBe(2);
    await withdraw(store, b.item, "2026-03-04T02:00:00.000Z");
    const db = connectionOf(store);
    const raw = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :change)",
        ExpressionAttributeValues: { ":pk": keys.publicChangesPartition, ":change": keys.publicChangePrefix },
      }),
    );
    // Control: the table does hold number 3; a reader taking what it finds would pass 2 for good.
    expect(raw.Items?.map((r) => r.seq)).toEqual([1, 3]);
    const waiting = await store.publicChanges.since(start.nextCursor, 100);
    expect(waiting).toMatchObject({ items: [], nextCursor: start.nextCursor, full: false });

    // Number 2's change commits: the reader gets it, then 3.
    const late = { ...keys.publicChange(2), entity: "public-change", seq: 2, writtenAt: Date.now() };
    await db.doc.send(new PutCommand({ TableName: db.tableName, Item: { ...raw.Items?.[1], ...late } }));
    expect(seqs(await store.publicChanges.since(start.nextCursor, 100))).toEqual([2, 3]);
  });

  it("a number whose writer died is closed once a later entry is past the grace period, and refused to it after", async () => {
    const c = live("写入中断后的撤回");
    await store.items.load([c]);
    const from = (await store.publicChanges.since(undefined, 100)).nextCursor;
    const dead = await reserveByHand();
    await withdraw(store, c.item, "2026-03-05T02:00:00.000Z");
    expect((await store.publicChanges.since(from, 100)).items).toEqual([]);

    // The entry after the gap was written longer ago than any change takes.
    const db = connectionOf(store);
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.publicChange(dead + 1),
        UpdateExpression: "SET writtenAt = :old",
        ExpressionAttributeValues: { ":old": Date.now() - gapGraceMs - 1000 },
      }),
    );
    const page = await store.publicChanges.since(from, 100);
    expect(page.items.map((e) => [e.seq, e.itemId])).toEqual([[dead + 1, c.item.id]]);
    // The dead writer's entry, should it arrive now, is refused: the reader has passed its number.
    const lateEntry = { ...keys.publicChange(dead), entity: "public-change", seq: dead, itemId: c.item.id };
    await expect(
      db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: lateEntry,
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      ),
    ).rejects.toBeInstanceOf(ConditionalCheckFailedException);
  });

  it("a change whose number a reader closed takes new numbers; a refused change closes its own", async () => {
    const d = live("被他人先修改的信息");
    await store.items.load([d]);
    const before = await store.publicChanges.since(undefined, 100);
    const last = before.items.at(-1)?.seq ?? 0;
    await expect(
      withdraw(store, d.item, "2026-03-06T02:00:00.000Z", d.item.version - 1),
    ).rejects.toMatchObject({
      kind: "precondition-failed",
    });
    // Refused: nothing to read, and its number closed, so no reader waits for it.
    const after = await store.publicChanges.since(before.nextCursor, 100);
    expect(after.items).toEqual([]);
    expect(after.nextCursor).not.toBe(before.nextCursor);

    // A reader closes the next number before the writer reserves it: the writer moves on to the one after.
    const db = connectionOf(store);
    const closed = { ...keys.publicChange(last + 2), entity: "public-change", seq: last + 2, skip: true };
    await db.doc.send(
      new PutCommand({ TableName: db.tableName, Item: { ...closed, writtenAt: Date.now() } }),
    );
    await withdraw(store, d.item, "2026-03-06T02:00:00.000Z");
    const page = await store.publicChanges.since(after.nextCursor, 100);
    expect(page.items.map((e) => [e.seq, e.itemId, e.change])).toEqual([[last + 3, d.item.id, "withdrawn"]]);
  });

  it("a cursor is opaque and checked: malformed or past the last number is a 400 at `since`", async () => {
    const all = await store.publicChanges.since(undefined, 100);
    const atEnd = await store.publicChanges.since(all.nextCursor, 100);
    expect(atEnd).toMatchObject({ items: [], nextCursor: all.nextCursor });
    const { after } = JSON.parse(Buffer.from(all.nextCursor, "base64url").toString()) as { after: number };
    const forged = Buffer.from(JSON.stringify({ after: after + 5 })).toString("base64url");
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
