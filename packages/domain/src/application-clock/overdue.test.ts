import { describe, expect, it } from "vitest";
import { defaultSettings } from "../settings.ts";
import { timelinessOfApplication } from "./overdue.ts";
import { cal } from "./testing.ts";

describe("overdue and very overdue (derived)", () => {
  const clock = { dueOn: "2019-03-29", endedOn: undefined };

  it("an open application is overdue the day after its due date", () => {
    expect(timelinessOfApplication(clock, "2019-03-29", cal, defaultSettings)).toBe("on-time");
    expect(timelinessOfApplication(clock, "2019-04-01", cal, defaultSettings)).toBe("overdue");
  });

  it("very overdue from the setting's number of working days past due (default 10)", () => {
    // 9 working days after 29 March (5 April off) is 12 April; the 10th is 15 April.
    expect(timelinessOfApplication(clock, "2019-04-12", cal, defaultSettings)).toBe("overdue");
    expect(timelinessOfApplication(clock, "2019-04-15", cal, defaultSettings)).toBe("very-overdue");
    expect(timelinessOfApplication(clock, "2019-04-01", cal, { veryOverdueWorkingDays: 1 })).toBe(
      "very-overdue",
    );
  });

  it("an ended application is judged on the day it ended", () => {
    const late = { dueOn: "2019-03-29", endedOn: "2019-04-01" };
    expect(timelinessOfApplication(late, "2030-01-01", cal, defaultSettings)).toBe("overdue");
    expect(
      timelinessOfApplication({ ...late, endedOn: "2019-03-29" }, "2030-01-01", cal, defaultSettings),
    ).toBe("on-time");
  });
});
