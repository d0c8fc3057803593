import { CreateItemInput } from "@gov/domain";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { draftItem } from "./items.ts";
import { approveItemRelease, submitDraft } from "./publishing.ts";
import { supervisionScan } from "./supervision-scan.ts";
import { testDeps } from "./testing.ts";

let t: Awaited<ReturnType<typeof testDeps>>;
beforeAll(async () => {
  t = await testDeps(new Date("2026-03-02T02:00:00.000Z"));
});

const clear = { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false };

describe("the scheduled scan", () => {
  it("finishes search indexing that a failure left pending after a publication committed", async () => {
    const editor = await t.actor("000014351", ["editor"]);
    const reviewer = await t.actor("000014351", ["reviewer"]);
    const content = CreateItemInput.parse({
      kind: "general",
      title: "关于湿地候鸟保护的通告",
      columnId: "decision",
      body: "<p>湿地候鸟</p>",
      generatedOn: "2026-02-27",
    });
    const draft = await draftItem(t.deps, editor, content);
    await submitDraft(t.deps, editor, { id: draft.id });
    // The courtesy index after the commit fails, as when the process dies right after it.
    const index = t.store.search.index;
    t.store.search.index = async () => {
      throw new Error("进程在提交后中断（测试）");
    };
    const warn = vi.spyOn(console, "error").mockImplementation(() => {});
    await approveItemRelease(t.deps, reviewer, { id: draft.id, review: clear });
    expect(warn.mock.calls[0]?.[0]).toContain("search-index-deferred");
    warn.mockRestore();
    t.store.search.index = index;
    const find = () => t.store.search.find({ q: "湿地候鸟", filter: {}, limit: 10 });
    expect((await find()).hits).toEqual([]);

    const result = await supervisionScan(t.deps);
    expect(result).toEqual({
      ranAt: "2026-03-02T02:00:00.000Z",
      searchIndexReplayed: 1,
      owedNotices: { issued: 0, failed: 0 },
    });
    expect((await find()).hits.map((h) => h.item.id)).toEqual([draft.id]);
    expect((await supervisionScan(t.deps)).searchIndexReplayed).toBe(0);
  });
});
