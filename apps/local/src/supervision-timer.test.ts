import { describe, expect, it } from "vitest";
import { nextRunAt, SupervisionTimer } from "./supervision-timer.ts";

describe("the local 督办 timer", () => {
  it("fires at 08:30 Shanghai time: later today before it, tomorrow after it", () => {
    expect(nextRunAt(new Date("2026-10-09T00:00:00.000Z"), "08:30").toISOString()).toBe(
      "2026-10-09T00:30:00.000Z",
    );
    expect(nextRunAt(new Date("2026-10-09T00:30:00.000Z"), "08:30").toISOString()).toBe(
      "2026-10-10T00:30:00.000Z",
    );
    // 23:00 UTC is already the next day in Shanghai.
    expect(nextRunAt(new Date("2026-10-09T23:00:00.000Z"), "08:30").toISOString()).toBe(
      "2026-10-10T00:30:00.000Z",
    );
  });

  it("is 08:30 unless set; off switches it off; anything else is refused", () => {
    expect(SupervisionTimer.parse(undefined)).toBe("08:30");
    expect(SupervisionTimer.parse("off")).toBe("off");
    expect(SupervisionTimer.safeParse("8:30").success).toBe(false);
  });
});
