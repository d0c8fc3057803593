import { beforeAll, describe, expect, it } from "vitest";
import { citizenHarness, letterBody } from "./citizen-harness.ts";

let h: Awaited<ReturnType<typeof citizenHarness>>;
let office: string;
const finance = "000014351";
const housing = "000014361";
const editors: Record<string, string> = {};

beforeAll(async () => {
  h = await citizenHarness({}, new Date("2025-06-30T02:00:00.000Z"));
  office = await h.key("000014349", ["office"]);
  editors[finance] = await h.key(finance, ["editor"]);
  editors[housing] = await h.key(housing, ["editor"]);
  const letter = async (receivedAt: string, unit: string, repliedAt?: string) => {
    h.setNow(new Date(receivedAt));
    const { id } = (await h.post("/letters", letterBody(`统计${receivedAt}`))).body;
    await h.call("POST", `/letters/${id}/transfer`, office, { unitCode: unit, reason: "职能" });
    if (!repliedAt) return;
    h.setNow(new Date(repliedAt));
    await h.call("POST", `/letters/${id}/reply`, editors[unit] as string, { body: "答复" });
  };
  await letter("2025-06-30T02:00:00.000Z", finance); // never answered
  await letter("2025-09-30T02:00:00.000Z", finance, "2025-10-14T02:00:00.000Z"); // 5 working days
  await letter("2025-09-30T02:00:00.000Z", finance, "2025-10-15T02:00:00.000Z"); // 6: late
  await letter("2025-10-13T02:00:00.000Z", housing, "2025-10-14T02:00:00.000Z"); // 1
  await letter("2024-12-30T02:00:00.000Z", housing, "2025-01-02T02:00:00.000Z"); // another year
  h.setNow(new Date("2025-11-04T02:00:00.000Z"));
});

describe("GET /stats/letters: the mailbox's figures by year and unit", () => {
  it("counts the year's letters, reply time in working days against the 5-day setting, and the 3-month check", async () => {
    const scansBefore = h.store.calls.byCommand.ScanCommand ?? 0;
    const res = await h.get("/stats/letters?year=2025");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      year: 2025,
      asOf: "2025-11-04",
      received: 4,
      replied: 3,
      replyRate: 0.75,
      averageReplyWorkingDays: 4,
      longestReplyWorkingDays: 6,
      replyLimitWorkingDays: 5,
      onTime: 2,
      late: 1,
      openOverdue: 1,
      unansweredOverThreeMonths: [{ id: expect.stringMatching(/^let_/), receivedOn: "2025-06-30" }],
    });
    // Read through the mailbox index, never a Scan.
    expect(h.store.calls.byCommand.ScanCommand ?? 0).toBe(scansBefore);
  });

  it("by unit, and for a year with nothing", async () => {
    expect((await h.get(`/stats/letters?year=2025&unit=${housing}`)).body).toMatchObject({
      received: 1,
      replied: 1,
      unansweredOverThreeMonths: [],
    });
    expect((await h.get("/stats/letters?year=2024")).body).toMatchObject({ received: 1, replied: 1 });
    expect((await h.get("/stats/letters?year=2023")).body).toMatchObject({ received: 0, replyRate: null });
    expect((await h.get("/stats/letters?year=abc")).status).toBe(400);
  });
});
