import type { Principal } from "@gov/store";
import { publishedItem } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import {
  consultationComments,
  openConsultation,
  publishConsultationFeedback,
  submitComment,
} from "./consultations.ts";
import { testDeps } from "./testing.ts";

let t: Awaited<ReturnType<typeof testDeps>>;
let dept: Principal;
let other: Principal;
let itemId: string;

const comment = { content: "建议在学校周边设置限时免费停车位。" };
const feedback = { adopted: 1, notAdopted: [{ summary: "全部免费", reason: "与有偿使用原则不符" }] };

/** A consultation open from 2 to 5 March 2026 with two comments, read once the window has closed. */
async function closedWithTwoComments() {
  t.setNow(new Date("2026-03-02T02:00:00.000Z"));
  const opened = await openConsultation(t.deps, dept, {
    title: "《停车管理办法（征求意见稿）》公开征求意见",
    itemId,
    description: "现将办法全文公开征求意见。",
    opensOn: "2026-03-02",
    closesOn: "2026-03-05",
  });
  // 23:59 on the closing day in Beijing is still inside the window.
  t.setNow(new Date("2026-03-05T15:59:00.000Z"));
  for (let i = 0; i < 2; i++) await submitComment(t.deps, { consultationId: opened.id, comment });
  t.setNow(new Date("2026-03-05T16:00:00.000Z"));
  return opened;
}

beforeAll(async () => {
  t = await testDeps(new Date("2026-03-02T02:00:00.000Z"));
  dept = await t.actor("000000801", ["editor"]);
  other = await t.actor("000000802", ["editor"]);
  const draft = {
    kind: "general",
    title: "共青城市城区停车管理办法（征求意见稿）",
    columnId: "decision",
    body: "<p>第一条……</p>",
    generatedOn: "2026-02-27",
  };
  const entry = publishedItem(draft, {
    unitCode: dept.unitCode,
    sequence: 1,
    publishedAt: "2026-02-28T02:00:00.000Z",
  });
  await t.store.items.load([entry]);
  itemId = entry.item.id;
});

describe("consultations without HTTP", () => {
  it("feedback is published after the window against the comments actually received", async () => {
    const opened = await closedWithTwoComments();
    expect(await consultationComments(t.deps, dept, opened.id)).toHaveLength(2);
    const published = await publishConsultationFeedback(t.deps, dept, { id: opened.id, feedback });
    expect(published).toMatchObject({ phase: "closed", version: 2 });
    expect(published.feedback).toEqual({ ...feedback, received: 2, publishedAt: "2026-03-05T16:00:00.000Z" });
  });

  it("a comment the day after the window closes (Beijing time) is a conflict", async () => {
    const opened = await closedWithTwoComments();
    await expect(submitComment(t.deps, { consultationId: opened.id, comment })).rejects.toMatchObject({
      kind: "conflict",
    });
    expect(await consultationComments(t.deps, dept, opened.id)).toHaveLength(2);
  });

  it("another unit's consultation is not found; a stale expected version is precondition-failed", async () => {
    const opened = await closedWithTwoComments();
    await expect(
      publishConsultationFeedback(t.deps, other, { id: opened.id, feedback }),
    ).rejects.toMatchObject({ kind: "not-found" });
    await expect(consultationComments(t.deps, other, opened.id)).rejects.toMatchObject({ kind: "not-found" });
    await expect(
      publishConsultationFeedback(t.deps, dept, { id: opened.id, feedback, expectedVersion: 2 }),
    ).rejects.toMatchObject({ kind: "precondition-failed" });
    expect(await t.store.consultations.get(opened.id, { consistent: true })).toMatchObject({
      feedback: null,
      version: 1,
    });
  });

  it("a consultation opens only on an item of the opening unit", async () => {
    await expect(
      openConsultation(t.deps, other, {
        title: "别的单位的草案",
        itemId,
        description: "……",
        opensOn: "2026-03-02",
        closesOn: "2026-03-05",
      }),
    ).rejects.toMatchObject({ kind: "unprocessable" });
  });
});
