import {
  addWorkingDays,
  builtInCalendar,
  defaultSettings,
  type LetterFacts,
  letterStats,
  OpenConsultationInput,
  SubmitLetterInput,
} from "@gov/domain";
import { describe, expect, it } from "vitest";
import { demoConsultations } from "./consultations.ts";
import { demoLetterCounts, demoLetters } from "./letters.ts";
import { demoUnits } from "./units.ts";

const calendar = builtInCalendar();
const unitCodes = new Set(demoUnits.map((u) => u.code));

/** The letters as the seeding leaves them: replied after their demo number of working days. */
const facts: LetterFacts[] = demoLetters.map((letter, i) => {
  const repliedOn =
    letter.replyAfterWorkingDays === null
      ? null
      : addWorkingDays(calendar, letter.receivedOn, letter.replyAfterWorkingDays).date;
  return {
    id: `let_${i}`,
    state: repliedOn ? "replied" : "assigned",
    unitCode: letter.assignTo,
    receivedOn: letter.receivedOn,
    repliedOn,
  };
});

describe("demo mailbox: the seed report's 2019 figures", () => {
  it("the 2019 statistics computed from the demo letters are 302 received and 300 replied", () => {
    const stats = letterStats(
      facts.filter((f) => f.receivedOn.startsWith("2019")),
      calendar,
      defaultSettings,
      "2020-01-15",
    );
    expect([stats.received, stats.replied]).toEqual([302, 300]);
    expect(demoLetterCounts).toEqual({ received: 302, replied: 300 });
    expect(stats.late).toBeGreaterThan(0);
    expect(stats.onTime).toBeGreaterThan(stats.late);
  });

  it("every demo letter is a valid submission assigned to a demo unit, spread over the year and the units", () => {
    for (const { receivedOn: _r, assignTo, replyAfterWorkingDays: _d, reply: _a, ...letter } of demoLetters) {
      expect(SubmitLetterInput.safeParse(letter).error, letter.subject).toBeUndefined();
      expect(unitCodes.has(assignTo), assignTo).toBe(true);
    }
    expect(new Set(demoLetters.map((l) => l.receivedOn.slice(0, 7))).size).toBe(12);
    expect(new Set(demoLetters.map((l) => l.assignTo)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(demoLetters.map((l) => l.subject + l.body)).size).toBe(demoLetters.length);
  });
});

describe("demo consultations: the report's 征求意见20余条 with published feedback", () => {
  it("has 20余 comments, all inside the window, and feedback that adds up after closing", () => {
    for (const { unitCode, draft: _d, comments, feedback, ...window } of demoConsultations) {
      expect(unitCodes.has(unitCode)).toBe(true);
      expect(
        OpenConsultationInput.safeParse({ ...window, itemId: "itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T" }).error,
      ).toBeUndefined();
      expect(comments.every((c) => c.on >= window.opensOn && c.on <= window.closesOn)).toBe(true);
      expect(feedback.on > window.closesOn).toBe(true);
      expect(feedback.adopted + feedback.notAdopted.length).toBe(comments.length);
    }
    const total = demoConsultations.reduce((sum, c) => sum + c.comments.length, 0);
    expect(total).toBeGreaterThan(20);
    expect(total).toBeLessThan(30);
  });
});
