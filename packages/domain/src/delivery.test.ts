import { describe, expect, it } from "vitest";
import {
  checkNoticeWrites,
  deliveryPolicy,
  freeRobotSlots,
  planRobot,
  retryDelaySeconds,
  robotRate,
  robotSlotsFreeAt,
  takeRobotSlots,
} from "./delivery.ts";
import { DomainError } from "./error.ts";

describe("the notice's transaction cap counts every write", () => {
  it("notice + audit + receipts + deliveries + idempotency record = 100 is issued; 101 is refused at targets, naming the count and asking to split", () => {
    expect(() => checkNoticeWrites({ receipts: 19, deliveries: 78, extra: 1 })).not.toThrow();
    try {
      checkNoticeWrites({ receipts: 19, deliveries: 79, extra: 1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const { kind, issues } = error as DomainError;
      expect(kind).toBe("validation");
      expect(issues[0]?.path).toBe("targets");
      expect(issues[0]?.message).toContain("101条");
      expect(issues[0]?.message).toContain("拆分");
    }
  });
});

describe("retry backoff: exponential from 30 s to an hour, full jitter, Retry-After as a floor", () => {
  it("the ceiling doubles per attempt up to the cap; the jitter scales it", () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelaySeconds(n, top))).toEqual([
      29, 59, 119, 239, 479, 959, 1919, 3599,
    ]);
    expect(retryDelaySeconds(20, top)).toBe(deliveryPolicy.maxDelaySeconds - 1);
    expect(retryDelaySeconds(3, () => 0.5)).toBe(60);
  });

  it("never less than a second, so a pass never meets its own retry", () => {
    expect(retryDelaySeconds(1, () => 0)).toBe(1);
  });

  it("a provider's Retry-After is waited out even when the jitter is shorter, and capped at an hour", () => {
    expect(retryDelaySeconds(1, () => 0, 600)).toBe(600);
    expect(retryDelaySeconds(1, () => 0, 90 * 24 * 3600)).toBe(deliveryPolicy.maxRetryAfterSeconds);
  });
});

describe("robot window: at most 20 sends in any 60 s", () => {
  it("20 sends fit in one instant; the 21st fits exactly 60 s after the first, not a millisecond before", () => {
    let window = { seq: 0, times: [] as number[], queuedUntil: 0 };
    for (let i = 0; i < robotRate.messages; i++) {
      expect(freeRobotSlots(window, 1000 + i)).toBe(robotRate.messages - i);
      window = takeRobotSlots(window, 1000 + i, 1);
    }
    expect(freeRobotSlots(window, 60_999)).toBe(0);
    expect(robotSlotsFreeAt(window)).toEqual(Array.from({ length: 20 }, (_, i) => 61_000 + i));
    expect(freeRobotSlots(window, 61_000)).toBe(1);
    window = takeRobotSlots(window, 61_000, 1);
    expect(freeRobotSlots(window, 61_000)).toBe(0);
    expect(robotSlotsFreeAt(window)[0]).toBe(61_001);
  });

  it("several slots taken at once wrap the ring oldest first", () => {
    const full = takeRobotSlots({ seq: 0, times: [], queuedUntil: 0 }, 0, 20);
    const later = takeRobotSlots(full, 60_000, 5);
    expect(later.seq).toBe(25);
    expect(freeRobotSlots(later, 60_000)).toBe(15);
    expect(robotSlotsFreeAt(later).slice(0, 2)).toEqual([60_000, 60_000]);
    expect(robotSlotsFreeAt(later).slice(-5)).toEqual(Array(5).fill(120_000));
  });

  it("a dispatcher sends what fits, leaves the rest of the first 20 due, and defers those beyond to the end of the line, 3 s apart", () => {
    const empty = { seq: 0, times: [], queuedUntil: 0 };
    const first = planRobot(empty, 0, 25);
    expect(first.slots).toBe(20);
    expect(first.deferTo).toEqual([60_000, 63_000, 66_000, 69_000, 72_000]);
    expect(first.next.queuedUntil).toBe(75_000);
    // Ten more come due a second later: the window is full, so nothing is written or deferred.
    expect(planRobot(first.next, 1000, 10)).toEqual({ slots: 0, next: first.next, deferTo: [] });
    // A minute on, 22 are due: 20 go, 2 join the line after the 5 already waiting.
    const later = planRobot(first.next, 60_000, 22);
    expect(later.slots).toBe(20);
    expect(later.deferTo).toEqual([120_000, 123_000]);
    expect(planRobot(first.next, 130_000, 23).deferTo).toEqual([190_000, 193_000, 196_000]);
  });
});
