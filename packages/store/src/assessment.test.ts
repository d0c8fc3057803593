import {
  type AuditEntry,
  builtInCalendar,
  CreateItemInput,
  defaultSettings,
  type Item,
  newItem,
  runRule,
  timelinessOf,
} from "@gov/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "./id.ts";
import type { Store } from "./store.ts";
import { testStore } from "./testing/index.ts";

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

const unit = "000014351";
const calendar = builtInCalendar();

/** A published item written straight through the repository, with the timeliness approval records. */
function published(n: number, late: boolean): Item {
  const generatedOn = "2019-03-01";
  // 2019-03-01 + 20 working days is 03-29; 04-01 is the 21st.
  const publishedAt = late ? "2019-04-01T02:00:00.000Z" : "2019-03-29T02:00:00.000Z";
  const base = newItem(
    CreateItemInput.parse({
      kind: "general",
      title: `测试信息${n}`,
      columnId: n % 2 ? "decision" : "execution",
      body: "<p>正文</p>",
      generatedOn,
    }),
    unit,
    newId("item"),
    publishedAt,
  );
  return {
    ...base,
    state: "published",
    indexNumber: `${unit}/2019-${String(n).padStart(7, "0")}`,
    edition: 1,
    publishedAt,
    firstPublishedAt: publishedAt,
    editionDates: [{ edition: 1, publishedAt }],
    timeliness: timelinessOf({
      kind: "general",
      generatedOn,
      publishedAt,
      calendar,
      settings: defaultSettings,
    }),
  };
}
const audit = (item: Item): AuditEntry => ({
  entityType: "item",
  entityId: item.id,
  action: "approve",
  version: item.version,
  actorUnitCode: unit,
  actorKeyId: "key_test",
  at: item.updatedAt,
  state: item.state,
});

async function writeAll(items: Item[], concurrency = 32): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++] as Item;
        await store.items.create(item, audit(item));
      }
    }),
  );
}

describe("assessment facts are read through indexes", () => {
  it("auto-scoring a unit with 5,000 published items costs a few Queries and no Scan", async () => {
    const items = Array.from({ length: 5000 }, (_, n) => published(n, n % 50 === 0));
    await writeAll(items);
    const late = items.filter((_, n) => n % 50 === 0).map((i) => i.id);

    const before = { total: store.db.calls.total, byCommand: { ...store.db.calls.byCommand } };
    const facts = await store.assessments.facts(unit, 2019, "2019-12-31");
    const result = runRule(
      { id: "proactive-timeliness", params: { deductionPerRecord: 0.5 } },
      100,
      facts,
      "2019-12-31",
    );
    const calls = store.db.calls.total - before.total;
    const byCommand = Object.fromEntries(
      Object.entries(store.db.calls.byCommand).map(([k, v]) => [k, v - (before.byCommand[k] ?? 0)]),
    );
    console.log(JSON.stringify({ event: "auto-score-5000", items: facts.items.length, calls, byCommand }));

    expect(facts.items).toHaveLength(5000);
    expect(result.deductions.map((d) => d.recordId).sort()).toEqual(late.sort());
    expect(result.score).toBe(50);
    expect(byCommand.ScanCommand ?? 0).toBe(0);
    expect(Object.keys(byCommand).filter((k) => (byCommand[k] ?? 0) > 0)).toEqual(["QueryCommand"]);
    // Fact projections are small: the unit's 5,000 items fit in a handful of 1 MB pages.
    expect(calls).toBeLessThanOrEqual(20);
  });

  it("reads only what was published up to the end of the assessment's day (Asia/Shanghai)", async () => {
    const facts = await store.assessments.facts(unit, 2019, "2019-03-29");
    expect(facts.items.length).toBe(4900);
    expect((await store.assessments.facts(unit, 2019, "2019-03-28")).items).toHaveLength(0);
    expect(Object.keys(facts.items[0] ?? {})).not.toContain("body");
  });
});
