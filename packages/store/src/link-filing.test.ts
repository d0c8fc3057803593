import { DeleteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { linkTarget } from "@gov/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { keys } from "./keys.ts";
import type { Store } from "./store.ts";
import { connectionOf } from "./testing/connection.ts";
import { publishedItem, testStore } from "./testing/index.ts";

/** ADR 0057: links are filed under their item's 索引号; links written before are refiled once. */

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

const general = (title: string) => ({
  kind: "general",
  title,
  columnId: "responses",
  body: "<p>……</p>",
  generatedOn: "2026-02-27",
});

const calls = async <T>(read: () => Promise<T>) => {
  const before = { ...store.calls.byCommand };
  const result = await read();
  const byCommand = Object.fromEntries(
    Object.entries(store.calls.byCommand)
      .map(([c, n]) => [c, n - (before[c] ?? 0)] as const)
      .filter(([, n]) => n > 0),
  );
  return { result, byCommand };
};

describe("links written before ADR 0057 (not filed under a 索引号)", () => {
  it("are still shown by 索引号 (two reads) until refiled, then in one Query", async () => {
    const at = { unitCode: "000000601", publishedAt: "2026-03-02T02:00:00.000Z" };
    const a = publishedItem(general("关于公交线路调整的通告"), { ...at, sequence: 1 });
    const b = publishedItem(general("关于公交线路调整的解读"), { ...at, sequence: 2 });
    await store.items.load([a, b]);
    const db = connectionOf(store);
    // A link as the link writer stored it before: in A's partition only.
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: {
          ...keys.link(a.item.id, "related", b.item.id),
          entity: "link",
          from: a.item.id,
          relation: "related",
          source: a.item.id,
          target: linkTarget(b.item),
        },
      }),
    );
    // A table that predates the filing has no marker.
    await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: keys.linksByIndexNumber }));
    const indexNumber = a.item.indexNumber as string;

    const before = await calls(() => store.items.getWithLinksByIndexNumber(indexNumber));
    expect(before.result?.links.map((l) => l.target.id)).toEqual([b.item.id]);
    expect(before.byCommand).toEqual({ GetItemCommand: 1, QueryCommand: 2 });

    expect(await store.items.refileLinksByIndexNumber()).toBe(1);
    expect(await store.items.refileLinksByIndexNumber()).toBe(0);

    const after = await calls(() => store.items.getWithLinksByIndexNumber(indexNumber));
    expect(after.result?.item.id).toBe(a.item.id);
    expect(after.result?.links.map((l) => l.target.id)).toEqual([b.item.id]);
    expect(after.byCommand).toEqual({ QueryCommand: 1 });
  });
});
