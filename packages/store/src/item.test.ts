import { PutCommand } from "@aws-sdk/lib-dynamodb";
import {
  type AuditEntry,
  CreateItemInput,
  DomainError,
  type Item,
  itemSize,
  newItem,
  recordBytes,
} from "@gov/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "./id.ts";
import { IdempotencyRace } from "./idempotency.ts";
import { scopedItems } from "./item.ts";
import type { Store } from "./store.ts";
import { connectionOf } from "./testing/connection.ts";
import { countTable, testStore } from "./testing/index.ts";

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

const now = "2026-03-02T08:00:00.000Z";
function draft(unitCode = "000000101", columnId = "decision"): Item {
  return newItem(
    CreateItemInput.parse({
      kind: "general",
      title: "测试信息",
      columnId,
      body: "<p>正文</p>",
      generatedOn: "2026-03-01",
    }),
    unitCode,
    newId("item"),
    now,
  );
}
const audit = (item: Item, action: string): AuditEntry => ({
  entityType: "item",
  entityId: item.id,
  action,
  version: item.version,
  actorUnitCode: item.unitCode,
  actorKeyId: "key_test",
  at: item.updatedAt,
  state: item.state,
});

describe("item repository", () => {
  it("writes the item and its audit entry together", async () => {
    const item = draft();
    await store.items.create(item, audit(item, "create"));
    expect(await store.items.get(item.id)).toEqual(item);
    expect(await store.items.history(item.id)).toMatchObject([{ action: "create", version: 1 }]);
  });

  it("optimistic locking: an update against a stale version is refused and writes no audit entry", async () => {
    const item = draft();
    await store.items.create(item, audit(item, "create"));
    const v2 = { ...item, title: "改过", version: 2, updatedAt: "2026-03-02T09:00:00.000Z" };
    await store.items.update(v2, item, audit(v2, "edit"));
    const stale = { ...item, title: "又改", version: 2, updatedAt: "2026-03-02T10:00:00.000Z" };
    await expect(store.items.update(stale, item, audit(stale, "edit"))).rejects.toMatchObject({
      kind: "precondition-failed",
    });
    expect((await store.items.get(item.id))?.title).toBe("改过");
    expect((await store.items.history(item.id)).map((e) => e.action)).toEqual(["create", "edit"]);
  });

  it("索引号 sequences are distinct under 50 concurrent allocations", async () => {
    const sequences = await Promise.all(
      Array.from({ length: 50 }, () => store.items.nextIndexSequence("000000102", 2026)),
    );
    expect(new Set(sequences).size).toBe(50);
    expect(Math.max(...sequences)).toBe(50);
  });

  it("only published items appear in a column list (sparse index)", async () => {
    const column = `col-${Date.now()}`;
    const unpublished = draft("000000103", column);
    const published = { ...draft("000000103", column), state: "published" as const, publishedAt: now };
    await store.items.create(unpublished, audit(unpublished, "create"));
    await store.items.create(published, audit(published, "create"));
    const page = await store.items.listPublished({ column }, { limit: 10 });
    expect(page.items.map((i) => i.id)).toEqual([published.id]);
  });

  it("pages a unit's list to the end with opaque cursors, newest first", async () => {
    const unit = "000000104";
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      const item = { ...draft(unit), createdAt: `2026-03-0${i + 1}T00:00:00.000Z` };
      await store.items.create(item, audit(item, "create"));
      created.push(item.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.items.listOfUnit(unit, { limit: 3, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
  });

  it("a cursor of another partition is a validation error, not a database error", async () => {
    const other = await store.items.listOfUnit("000000104", { limit: 1 });
    await expect(
      store.items.listOfUnit("000000105", { limit: 1, cursor: other.nextCursor ?? "" }),
    ).rejects.toMatchObject({ kind: "validation" });
    await expect(
      store.items.listOfUnit("000000105", { limit: 1, cursor: "garbage!" }),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it("scoping: another unit's item reads as not found; the office sees it", async () => {
    const item = draft("000000106");
    await store.items.create(item, audit(item, "create"));
    await expect(
      scopedItems(store.items, { unitCode: "000000107", roles: ["editor"] }).get(item.id),
    ).rejects.toMatchObject({ kind: "not-found" });
    const office = await scopedItems(store.items, { unitCode: "000000001", roles: ["office"] }).get(item.id);
    expect(office.id).toBe(item.id);
  });

  it("idempotency: the record commits with the create, and a second create with the same key loses the race", async () => {
    const request = { scope: "key_test", key: `k-${Date.now()}`, requestHash: "h1" };
    const first = draft();
    await store.items.create(first, audit(first, "create"), [
      store.idempotency.write(request, { status: 201, body: { id: first.id } }, Date.now()),
    ]);
    const second = draft();
    await expect(
      store.items.create(second, audit(second, "create"), [
        store.idempotency.write(request, { status: 201, body: { id: second.id } }, Date.now()),
      ]),
    ).rejects.toBeInstanceOf(IdempotencyRace);
    expect(await store.items.get(second.id)).toBeUndefined();
    expect((await store.idempotency.find(request, Date.now()))?.response.body).toEqual({
      id: first.id,
    });
  });
});

describe("issue 12 #2 item size: a record DynamoDB cannot hold is refused, not a 500", () => {
  // Numbers are left out: recordBytes counts each at its largest (21 bytes), on the safe side.
  it("recordBytes counts what DynamoDB counts: a record of exactly 400 KB is stored, one byte more is not", async () => {
    const db = connectionOf(store);
    const fixed = { pk: "SIZE#edge", sk: "SIZE", list: ["甲", true, null, []], map: { 名: "乙", sub: {} } };
    const room = itemSize.recordBytes - recordBytes({ ...fixed, text: "" });
    const filled = (bytes: number) => ({
      ...fixed,
      text: "政".repeat(Math.floor(bytes / 3)) + "a".repeat(bytes % 3),
    });
    expect(recordBytes(filled(room))).toBe(itemSize.recordBytes);
    await db.doc.send(new PutCommand({ TableName: db.tableName, Item: filled(room) }));
    await expect(
      db.doc.send(new PutCommand({ TableName: db.tableName, Item: filled(room + 1) })),
    ).rejects.toThrow(/size has exceeded/);
  });

  it("an item whose record would pass 400 KB (too long a history) is a 422 and nothing is written", async () => {
    const item = draft("000000108");
    const heavy = { ...item, body: "政".repeat(itemSize.recordBytes / 3) };
    const records = await countTable(store);
    await expect(store.items.create(heavy, audit(heavy, "create"))).rejects.toMatchObject({
      kind: "unprocessable",
    });
    expect(await countTable(store)).toBe(records);
  });
});
