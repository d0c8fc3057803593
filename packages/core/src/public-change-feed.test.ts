import { CreateItemInput, type PublicChangeEntry } from "@gov/domain";
import type { Principal } from "@gov/store";
import { beforeAll, describe, expect, it } from "vitest";
import { draftItem } from "./items.ts";
import { approveItemRelease, submitDraft, withdrawPublished } from "./publishing.ts";
import { testDeps } from "./testing.ts";

/**
 * ADR 0059: concurrent public changes each get one entry, and a reader that polls while they
 * commit, from any cursor, sees every later change exactly once and in the order numbered.
 */

const review = { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false };
const units = ["000000801", "000000802", "000000803", "000000804"];
const actors: Principal[] = units.map((unitCode) => ({
  unitCode,
  roles: ["editor", "reviewer"],
  keyId: "key_t",
}));

let t: Awaited<ReturnType<typeof testDeps>>;
beforeAll(async () => {
  t = await testDeps(new Date("2026-03-02T02:00:00.000Z"));
});

const draft = (title: string) =>
  CreateItemInput.parse({
    kind: "general",
    title,
    columnId: "responses",
    body: "<p>……</p>",
    generatedOn: "2026-02-27",
  });

/** Drafts submitted one by one: what the concurrent approvals then publish. */
async function submitted(count: number, label: string) {
  const ids: { id: string; actor: Principal }[] = [];
  for (let i = 0; i < count; i++) {
    const actor = actors[i % actors.length] as Principal;
    const item = await draftItem(t.deps, actor, draft(`${label}第${i + 1}号通告`));
    await submitDraft(t.deps, actor, { id: item.id });
    ids.push({ id: item.id, actor });
  }
  return ids;
}

/** Polls the feed in small pages until `done()` and nothing new came, keeping every entry read. */
async function pollUntil(done: () => boolean, since?: string) {
  const read: PublicChangeEntry[] = [];
  let readMidway = 0;
  let cursor = since;
  for (;;) {
    const finished = done();
    const page = await t.store.publicChanges.since(cursor, 3);
    read.push(...page.items);
    if (!finished) readMidway += page.items.length;
    cursor = page.nextCursor;
    if (finished && page.items.length === 0) return { read, cursor, readMidway };
  }
}

describe("concurrent publications and a reader polling throughout (ADR 0059)", () => {
  it("each change is read exactly once and in the order numbered, however the commits interleave", async () => {
    const start = await t.store.publicChanges.since(undefined, 100);
    const first = await submitted(16, "并发");
    let finished = false;
    const reader = pollUntil(() => finished, start.nextCursor);
    const approved = await Promise.all(
      first.map(({ id, actor }) => approveItemRelease(t.deps, actor, { id, review })),
    ).finally(() => {
      finished = true;
    });
    const { read, readMidway } = await reader;
    // The reader did read while approvals were still committing, not only after.
    expect(readMidway).toBeGreaterThan(0);

    const ids = read.map((e) => e.itemId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.toSorted()).toEqual(approved.map((i) => i.id).toSorted());
    // In the order numbered (a number refused to a failed change would be left out, none failed here).
    const base = start.items.length;
    expect(read.map((e) => e.seq)).toEqual(read.map((_, i) => base + i + 1));
    expect(read.every((e) => e.change === "published" && e.indexNumber !== null)).toBe(true);
    // Control: the same entries with one read twice, or one missing, would not pass the checks above.
    expect(new Set([...ids, ids[0]]).size).not.toBe(ids.length + 1);
    expect(ids.slice(1).toSorted()).not.toEqual(approved.map((i) => i.id).toSorted());
  });

  it("a reader starting from any cursor sees every later change once, including a withdrawal's tombstone", async () => {
    const everything = await pollUntil(() => true);
    const middle = everything.read[5] as PublicChangeEntry;
    // The cursor a reader holds after entry 6 (the feed's own, as a page of 6 ends there).
    const cursor = (await t.store.publicChanges.since(undefined, 6)).nextCursor;
    expect(middle.seq).toBe(6);

    const target = everything.read[2] as PublicChangeEntry;
    const owner = actors.find((a) => a.unitCode === target.unitCode) as Principal;
    const more = await submitted(6, "追加");
    let finished = false;
    const reader = pollUntil(() => finished, cursor);
    await Promise.all([
      ...more.map(({ id, actor }) => approveItemRelease(t.deps, actor, { id, review })),
      withdrawPublished(t.deps, owner, { id: target.itemId, reason: "内容已过时" }),
    ]).finally(() => {
      finished = true;
    });
    const { read } = await reader;
    const expected = everything.read.slice(6).map((e) => e.seq);
    expect(read.slice(0, expected.length).map((e) => e.seq)).toEqual(expected);
    const later = read.slice(expected.length);
    expect(later).toHaveLength(7);
    expect(later.filter((e) => e.change === "withdrawn")).toEqual([
      expect.objectContaining({
        itemId: target.itemId,
        indexNumber: target.indexNumber,
        withdrawal: { reason: "内容已过时", withdrawnAt: expect.any(String) },
      }),
    ]);
  });
});
