import { describe, expect, it } from "vitest";
import { builtInCalendar } from "./calendar.ts";
import { addCalendarMonths, type LetterFacts, letterStats } from "./letter-stats.ts";
import { defaultSettings } from "./settings.ts";

const calendar = builtInCalendar();
let n = 0;
const fact = (receivedOn: string, repliedOn: string | null, unitCode = "000014351"): LetterFacts => ({
  id: `let_${++n}`,
  state: repliedOn ? "replied" : "assigned",
  unitCode,
  receivedOn,
  repliedOn,
});

describe("mayor's mailbox statistics", () => {
  it("received, replied, reply rate, average and longest reply time in working days, on time and late", () => {
    const letters = [
      fact("2025-09-30", "2025-10-14"), // 5 working days across National Day and the 调休 Saturday: on time
      fact("2025-09-30", "2025-10-15"), // 6: late
      fact("2025-10-13", "2025-10-14"), // 1
      fact("2025-11-03", null),
    ];
    const stats = letterStats(letters, calendar, defaultSettings, "2025-11-04");
    expect(stats).toMatchObject({
      received: 4,
      replied: 3,
      replyRate: 0.75,
      averageReplyWorkingDays: 4,
      longestReplyWorkingDays: 6,
      replyLimitWorkingDays: 5,
      onTime: 2,
      late: 1,
      openOverdue: 0,
      unansweredOverThreeMonths: [],
      provisional: false,
    });
  });

  it("the seed's 2019 figures: 302 received, 300 replied is a reply rate of 0.9934", () => {
    const letters = Array.from({ length: 302 }, (_, i) => fact("2019-03-01", i < 300 ? "2019-03-05" : null));
    const stats = letterStats(letters, calendar, defaultSettings, "2019-12-31");
    expect([stats.received, stats.replied, stats.replyRate]).toEqual([302, 300, 0.9934]);
  });

  it("national website check: a letter unanswered for more than 3 months is listed, one at exactly 3 months is not", () => {
    const old = fact("2025-06-30", null);
    const edge = fact("2025-07-31", null);
    const stats = letterStats(
      [old, edge, fact("2025-06-01", "2025-06-03")],
      calendar,
      defaultSettings,
      "2025-10-31",
    );
    expect(stats.unansweredOverThreeMonths).toEqual([{ id: old.id, receivedOn: "2025-06-30" }]);
    expect(stats.openOverdue).toBe(2);
    expect(
      letterStats([edge], calendar, defaultSettings, "2025-11-01").unansweredOverThreeMonths,
    ).toHaveLength(1);
  });

  it("no letters: counts are zero and rates are null, not NaN", () => {
    const stats = letterStats([], calendar, defaultSettings, "2025-11-01");
    expect(stats).toMatchObject({ received: 0, replyRate: null, averageReplyWorkingDays: null });
  });

  it("calendar months clamp to the month's end", () => {
    expect(addCalendarMonths("2025-11-30", 3)).toBe("2026-02-28");
    expect(addCalendarMonths("2025-01-15", 3)).toBe("2025-04-15");
  });
});
