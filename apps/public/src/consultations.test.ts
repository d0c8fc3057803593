import { general } from "@gov/publish/testing";
import { countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { citizenHarness } from "./citizen-harness.ts";

let h: Awaited<ReturnType<typeof citizenHarness>>;
let dept: Awaited<ReturnType<typeof h.unit>>;
let other: Awaited<ReturnType<typeof h.unit>>;
let consultationId: string;

// Beijing is UTC+8: 16:00Z is midnight of the next Beijing day.
const beijing = (day: string, time = "10:00") => new Date(`${day}T${time}:00+08:00`);
const comment = (content: string) => ({ content, commenter: { name: "李女士", phone: "13900001111" } });

beforeAll(async () => {
  h = await citizenHarness({}, beijing("2026-03-01"));
  dept = await h.unit("000014349");
  other = await h.unit("000014351");
  const draft = await dept.draft(general("共青城市城区停车管理办法（征求意见稿）"));
  const opened = await h.call("POST", "/consultations", dept.editor, {
    title: "《共青城市城区停车管理办法（征求意见稿）》公开征求意见",
    itemId: draft.id,
    description: "欢迎社会各界提出意见建议。",
    opensOn: "2026-03-02",
    closesOn: "2026-03-06",
  });
  expect(opened.status).toBe(201);
  consultationId = opened.body.id;
});

describe("consultations: the public comments inside the window only", () => {
  it("the day before the window is refused in Chinese; the first day (from midnight Beijing) and the last day (to 23:59) are accepted; the day after is refused", async () => {
    h.setNow(beijing("2026-03-01", "23:59"));
    const early = await h.post(`/consultations/${consultationId}/comments`, comment("太早"));
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain("尚未开始");
    h.setNow(beijing("2026-03-02", "00:00"));
    expect((await h.post(`/consultations/${consultationId}/comments`, comment("第一天"))).status).toBe(201);
    h.setNow(beijing("2026-03-06", "23:59"));
    expect((await h.post(`/consultations/${consultationId}/comments`, comment("最后一天"))).status).toBe(201);
    h.setNow(beijing("2026-03-07", "00:00"));
    const late = await h.post(`/consultations/${consultationId}/comments`, comment("太晚"));
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain("已经结束");
  });

  it("comments wear the intake guard: a repeat is recognised, a filled honeypot refused, nothing extra stored", async () => {
    // A consultation of its own (in 2027), so the counts of the main one stay as the other tests expect.
    h.setNow(beijing("2027-01-05"));
    const draft = await dept.draft(general("共青城市养犬管理规定（征求意见稿）"));
    const opened = await h.call("POST", "/consultations", dept.editor, {
      title: "养犬管理规定征求意见",
      itemId: draft.id,
      description: "欢迎提出意见。",
      opensOn: "2027-01-05",
      closesOn: "2027-01-15",
    });
    const path = `/consultations/${opened.body.id}/comments`;
    const client = "203.0.113.50";
    const first = await h.post(path, comment("重复的意见"), {}, client);
    const again = await h.post(path, comment(" 重复的意见 "), {}, client);
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("duplicate-submission")).toBe("true");
    const bot = await h.post(path, { ...comment("机器人"), website: "x" });
    expect(bot.status).toBe(400);
    expect(await h.store.consultations.countComments(opened.body.id)).toBe(1);
  });

  it("a malformed comment is 400 with field paths and writes nothing; an unknown consultation is 404", async () => {
    h.setNow(beijing("2026-03-03"));
    const before = await countTable(h.store);
    const bad = await h.post(`/consultations/${consultationId}/comments`, {
      content: "",
      commenter: { email: "x" },
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      "commenter.email",
      "content",
    ]);
    expect(
      (await h.post("/consultations/csl_01JD6Q3Z5K8X9V2M4N7P0R1S3T/comments", comment("无"))).status,
    ).toBe(404);
    expect(await countTable(h.store)).toBe(before);
  });

  it("the public list shows the phase; the commenter's contact is never public", async () => {
    h.setNow(beijing("2026-03-03"));
    const open = await h.get("/consultations?phase=open");
    expect(open.body.items.map((c) => c.id)).toContain(consultationId);
    expect((await h.get("/consultations?phase=closed")).body.items.map((c) => c.id)).not.toContain(
      consultationId,
    );
    const upcoming = (await h.get("/consultations?phase=upcoming")).body.items;
    expect(upcoming.map((c) => c.phase)).toEqual(["upcoming"]);
    expect(upcoming.map((c) => c.id)).not.toContain(consultationId);
    const detail = await h.get(`/consultations/${consultationId}`);
    expect(detail.body.phase).toBe("open");
    expect(detail.text).not.toContain("13900001111");
    expect(detail.text).not.toContain("李女士");
  });
});

describe("consultations: the unit's side", () => {
  it("feedback is refused before the window closes, and counts the comments actually received after it", async () => {
    h.setNow(beijing("2026-03-06", "18:00"));
    const feedback = { adopted: 1, notAdopted: [{ summary: "停车全部免费", reason: "与有偿使用原则不符" }] };
    const early = await h.call("POST", `/consultations/${consultationId}/feedback`, dept.editor, feedback);
    expect(early.status).toBe(409);
    h.setNow(beijing("2026-03-09"));
    const typed = await h.call("POST", `/consultations/${consultationId}/feedback`, dept.editor, {
      ...feedback,
      received: 99,
    });
    expect(typed.status).toBe(400);
    expect(typed.body.errors).toEqual([expect.objectContaining({ path: "received" })]);
    const tooMany = await h.call("POST", `/consultations/${consultationId}/feedback`, dept.editor, {
      ...feedback,
      adopted: 2,
    });
    expect(tooMany.status).toBe(422);
    const done = await h.call("POST", `/consultations/${consultationId}/feedback`, dept.editor, feedback);
    expect(done.status).toBe(200);
    expect(done.body.feedback).toMatchObject({ received: 2, adopted: 1 });
    expect(
      (await h.call("POST", `/consultations/${consultationId}/feedback`, dept.editor, feedback)).status,
    ).toBe(409);
    const shown = await h.get(`/consultations/${consultationId}`);
    expect(shown.body).toMatchObject({ phase: "closed", feedback: { received: 2, adopted: 1 } });
    expect((await h.get("/stats/consultations?year=2026")).body).toEqual({
      year: 2026,
      consultations: 1,
      commentsReceived: 2,
      feedbackPublished: 1,
      adopted: 1,
      notAdopted: 1,
    });
  });

  it("another unit gets 404 for the comments and the feedback; the owner reads comments with contacts", async () => {
    expect((await h.call("GET", `/consultations/${consultationId}/comments`, other.editor)).status).toBe(404);
    expect(
      (
        await h.call("POST", `/consultations/${consultationId}/feedback`, other.editor, {
          adopted: 0,
          notAdopted: [],
        })
      ).status,
    ).toBe(404);
    const own = await h.call("GET", `/consultations/${consultationId}/comments`, dept.editor);
    expect(own.body.items).toHaveLength(2);
    expect(JSON.stringify(own.body)).toContain("13900001111");
  });

  it("a consultation must link the unit's own item and a window that has not ended", async () => {
    h.setNow(beijing("2026-03-09"));
    const theirs = await other.draft(general("财政局草案"));
    const body = {
      title: "征求意见",
      itemId: theirs.id,
      description: "说明",
      opensOn: "2026-03-10",
      closesOn: "2026-03-20",
    };
    const foreign = await h.call("POST", "/consultations", dept.editor, body);
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ path: "itemId" })]);
    const mine = await dept.draft(general("本单位草案"));
    const past = await h.call("POST", "/consultations", dept.editor, {
      ...body,
      itemId: mine.id,
      opensOn: "2026-03-01",
      closesOn: "2026-03-08",
    });
    expect(past.status).toBe(422);
    const reversed = await h.call("POST", "/consultations", dept.editor, {
      ...body,
      itemId: mine.id,
      closesOn: "2026-03-09",
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual([expect.objectContaining({ path: "closesOn" })]);
  });
});
