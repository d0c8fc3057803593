import chineseDays from "chinese-days";
import { describe, expect, it } from "vitest";
import type { ApplicationEventInput, OnlineConfirmation } from "../application.ts";
import { checkNewEvent } from "./event-log.ts";
import { applicationClock } from "./replay.ts";
import { cal, refused, today } from "./testing.ts";

/** An online application submitted on `submittedOn`, its events recorded one by one as the API does. */
function online(
  submittedOn: string,
  confirmation: OnlineConfirmation | undefined,
  events: ApplicationEventInput[],
) {
  const app = { channel: "online" as const, receivedOn: submittedOn, confirmation, events: [] as never[] };
  let clock = applicationClock(app, [], cal, today);
  for (const event of events) {
    clock = checkNewEvent(app, event, cal, today);
    (app.events as unknown[]).push({ ...event, at: "", by: "" });
  }
  return clock;
}

/** The n-th working day after `from` by chinese-days' own data, not by the code under test. */
const nthWorkdayAfter = (from: string, n: number) => {
  const next = new Date(`${from}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return chineseDays.getWorkdaysInRange(next.toISOString().slice(0, 10), "2026-12-28")[n - 1];
};

// The 2025 notice: National Day and Mid-Autumn 10-01..10-08 off; Saturday 10-11 a make-up day.
describe("online receipt is the day the office confirms (OGI Art. 31(三))", () => {
  it("OGI Art. 31(三): submitted on a holiday (2025-10-04), confirmed automatically on the next working day 10-09", () => {
    expect(chineseDays.isHoliday("2025-10-04")).toBe(true);
    expect(nthWorkdayAfter("2025-10-04", 1)).toBe("2025-10-09");
    const clock = online("2025-10-04", "auto", []);
    expect(clock.receiptOn).toBe("2025-10-09");
    expect(clock.dueOn).toBe(nthWorkdayAfter("2025-10-09", 20));
    expect(clock.explanation[0]?.effect).toContain("条例第三十一条第三项");
    expect(clock.explanation[0]?.effect).toContain("2025-10-09");
  });

  it("OGI Art. 31(三): the office may confirm before the automatic day, on a working day; the count starts there", () => {
    // Submitted Monday 2025-03-03 and confirmed the same day: due on the 20th working day after 03-03.
    const clock = online("2025-03-03", "auto", [{ type: "confirm", on: "2025-03-03" }]);
    expect(clock).toMatchObject({ receiptOn: "2025-03-03", dueOn: nthWorkdayAfter("2025-03-03", 20) });
    expect(clock.explanation.find((l) => l.event === "确认收到")?.effect).toContain("条例第三十一条第三项");
    expect(refused(() => online("2025-03-03", "auto", [{ type: "confirm", on: "2025-03-05" }]))).toContain(
      "自动确认",
    );
    // Confirmed on the automatic day itself, it is confirmed once all the same.
    const twice: ApplicationEventInput[] = [
      { type: "confirm", on: "2025-03-04" },
      { type: "confirm", on: "2025-03-04" },
    ];
    expect(refused(() => online("2025-03-03", "auto", twice))).toContain("已确认");
  });

  it("OGI Art. 31(三): confirmed only by the office, no clock runs until then, and never on a day off", () => {
    const waiting = online("2025-10-04", "by-office", []);
    expect(waiting).toMatchObject({ state: "received", dueOn: null });
    expect(waiting.receiptOn).toBeUndefined();
    expect(waiting.explanation.at(-1)?.effect).toContain("待本机关确认");
    expect(
      refused(() => online("2025-10-04", "by-office", [{ type: "confirm", on: "2025-10-06" }])),
    ).toContain("不是工作日");
    expect(
      refused(() => online("2025-10-04", "by-office", [{ type: "accept", on: "2025-10-09" }])),
    ).toContain("尚未确认");
    // Confirmed on Saturday 10-11, a make-up working day: that day is the receipt.
    expect(chineseDays.isWorkday("2025-10-11")).toBe(true);
    const confirmed = online("2025-10-04", "by-office", [{ type: "confirm", on: "2025-10-11" }]);
    expect(confirmed).toMatchObject({ receiptOn: "2025-10-11", dueOn: nthWorkdayAfter("2025-10-11", 20) });
    expect(
      refused(() =>
        online("2025-10-04", "by-office", [
          { type: "confirm", on: "2025-10-09" },
          { type: "confirm", on: "2025-10-10" },
        ]),
      ),
    ).toContain("已确认");
  });

  it("OGI Art. 30: the 7 working days for a correction request run from the confirmation day", () => {
    // Confirmed 2025-10-11: the 7th working day after it is 10-20 (chinese-days).
    const limit = nthWorkdayAfter("2025-10-11", 7);
    const request = (on: string): ApplicationEventInput => ({
      type: "request-correction",
      on,
      items: ["所需信息的名称不明确"],
      correctBy: "2025-11-30",
    });
    const confirm: ApplicationEventInput = { type: "confirm", on: "2025-10-11" };
    expect(online("2025-10-04", "by-office", [confirm, request(limit as string)]).state).toBe(
      "awaiting-correction",
    );
    expect(
      refused(() =>
        online("2025-10-04", "by-office", [confirm, request(nthWorkdayAfter("2025-10-11", 8) as string)]),
      ),
    ).toContain("条例第三十条");
  });

  it("in person, by post and online before this rule: receipt stays the recorded day, and only online is confirmed", () => {
    const legacy = online("2025-10-04", undefined, []);
    expect(legacy).toMatchObject({ receiptOn: "2025-10-04", dueOn: nthWorkdayAfter("2025-10-04", 20) });
    const inPerson = { channel: "in-person" as const, receivedOn: "2025-03-03", events: [] };
    expect(
      refused(() => checkNewEvent(inPerson, { type: "confirm", on: "2025-03-03" }, cal, today)),
    ).toContain("只有网上申请");
  });
});
