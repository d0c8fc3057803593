import { describe, expect, it } from "vitest";
import { checkPlausibleDates, happened, implausibleDates, planned } from "./date.ts";

const today = "2026-03-02";
const earliest = "1949-10-01";

describe("issue 12 #12 plausible dates: facts no later than today, plans no later than ten years ahead, nothing before the earliest day", () => {
  it("a fact may be dated from the earliest day to today", () => {
    expect(
      implausibleDates([happened("generatedOn", earliest), happened("receivedOn", today)], today, earliest),
    ).toEqual([]);
  });

  it("a fact dated after today, or before the earliest day, is refused with its path", () => {
    expect(
      implausibleDates(
        [
          happened("generatedOn", "9999-12-31"),
          happened("filing.filedOn", "2026-03-03"),
          happened("approvedOn", "0000-01-01"),
        ],
        today,
        earliest,
      ),
    ).toEqual([
      { path: "generatedOn", message: "不能晚于今天（2026-03-02）" },
      { path: "filing.filedOn", message: "不能晚于今天（2026-03-02）" },
      { path: "approvedOn", message: "不能早于1949-10-01" },
    ]);
  });

  it("a plan may lie ahead to the end of the year ten years from now, not beyond", () => {
    expect(implausibleDates([planned("deadline", "2036-12-31")], today, earliest)).toEqual([]);
    expect(implausibleDates([planned("deadline", "2037-01-01")], today, earliest)).toEqual([
      { path: "deadline", message: "不能晚于2036-12-31" },
    ]);
    expect(implausibleDates([planned("effectiveOn", "1949-09-30")], today, earliest)).toEqual([
      { path: "effectiveOn", message: "不能早于1949-10-01" },
    ]);
  });

  it("absent dates are skipped; the locality's earliest day moves the lower bound", () => {
    expect(implausibleDates([happened("approvedOn", undefined)], today, earliest)).toEqual([]);
    expect(implausibleDates([happened("generatedOn", "1930-05-01")], today, "1900-01-01")).toEqual([]);
  });

  it("as a check: a 400 validation error naming every field", () => {
    expect(() => checkPlausibleDates([happened("generatedOn", "9999-12-31")], today, earliest)).toThrow(
      expect.objectContaining({
        kind: "validation",
        issues: [expect.objectContaining({ path: "generatedOn" })],
      }),
    );
  });
});
