import { CreateItemInput } from "@gov/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { loadHolidayNotice } from "./calendar.ts";
import { draftItem } from "./items.ts";
import { approveItemRelease, submitDraft } from "./publishing.ts";
import { testDeps } from "./testing.ts";

let t: Awaited<ReturnType<typeof testDeps>>;
beforeAll(async () => {
  t = await testDeps(new Date("2027-01-07T02:00:00.000Z"));
});

const clear = { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false };
// The real 2027 notice is not out; shaped like one. 2026 is the real, loaded 2026 notice.
const notice2027 = {
  year: 2027,
  title: "国务院办公厅关于2027年部分节假日安排的通知（测试数据）",
  daysOff: ["2027-01-01", "2027-01-02", "2027-01-03"],
  workdays: [],
};

async function published(generatedOn: string) {
  const editor = await t.actor("000014351", ["editor"]);
  const reviewer = await t.actor("000014351", ["reviewer"]);
  const content = CreateItemInput.parse({
    kind: "general",
    title: "关于冬季供暖保障的通告",
    columnId: "decision",
    body: "<p>供暖</p>",
    generatedOn,
  });
  const draft = await draftItem(t.deps, editor, content);
  await submitDraft(t.deps, editor, { id: draft.id });
  return approveItemRelease(t.deps, reviewer, { id: draft.id, review: clear });
}

describe("provisional timeliness is re-evaluated when the missing notice is loaded (OGI Art. 26)", () => {
  it("OGI Art. 26: a count over 2026-12-29..2027-01-06 is provisional at publication and exact (late) once 2027 is loaded", async () => {
    // Formed 2026-12-08, published 2027-01-07. Before 2027 is loaded only 14 working days after
    // 12-08 are decided (12-09..12-28 of the 2026 notice), so it cannot be judged yet.
    const item = await published("2026-12-08");
    expect(item.timeliness?.proactive).toMatchObject({
      onTime: false,
      provisional: true,
      lateWhateverTheNotice: false,
    });
    expect(await t.store.items.withProvisionalTimeliness()).toEqual([item.id]);

    const office = await t.actor("000014349", ["office"]);
    const loaded = await loadHolidayNotice(t.deps, office, { notice: notice2027 });
    expect(loaded.recomputedTimeliness).toBe(1);

    // With 1–3 January off, the 20th working day after 12-08 is 2027-01-06: published 01-07, late.
    const after = await t.store.items.get(item.id, { consistent: true });
    expect(after?.timeliness?.proactive).toMatchObject({
      onTime: false,
      provisional: false,
      dueOn: "2027-01-06",
    });
    expect(after?.version).toBe(item.version + 1);
    expect(after?.timeliness?.calendarVersion).toBe(loaded.calendarVersion);
    expect((await t.store.items.history(item.id)).at(-1)).toMatchObject({
      action: "timeliness-recomputed",
      actorKeyId: office.keyId,
      note: "载入2027年节假日安排，重新计算公开时效",
    });
    expect(await t.store.items.withProvisionalTimeliness()).toEqual([]);
  });
});
