import { describe, expect, it } from "vitest";
import { defaultSettings } from "../settings.ts";
import type { LetterFact } from "./facts.ts";
import { ids, run, sorted, unit, withRecords } from "./testing.ts";

let letterSerial = 0;
function letter(receivedOn: string, repliedOn: string | null = null): LetterFact {
  const n = String(letterSerial++).padStart(4, "0");
  return {
    id: `ltr_01JD6Q3Z5K8X9V2M4N7P0R${n}`,
    trackingCode: `L7K2M9P4${n.slice(-2)}`,
    unitCode: unit,
    state: repliedOn ? "replied" : "assigned",
    receivedOn,
    repliedOn,
  };
}

describe("mailbox-reply-rate (信箱回复率: each letter of the year unreplied past its deadline, 5 working days)", () => {
  const onTime = letter("2019-03-01", "2019-03-05");
  // Replied late still counts as replied: the rate is about answering.
  const repliedLate = letter("2019-03-01", "2019-03-20");
  // 2019-12-02 + 5 working days is 12-09.
  const overdue = letter("2019-12-02");
  // 2019-12-30 + 5 working days is 2020-01-07: still within its time on 12-31.
  const within = letter("2019-12-30");
  const repliedAfterTheDay = letter("2019-12-02", "2020-01-06");
  const lastYear = letter("2018-06-01");

  it("lists exactly the letters of the year still unreplied past their deadline on the day", () => {
    const letters = [onTime, repliedLate, overdue, within, repliedAfterTheDay, lastYear];
    const result = run("mailbox-reply-rate", withRecords({ letters }), { deductionPerRecord: 1 });
    expect(ids(result.deductions)).toEqual(sorted(overdue, repliedAfterTheDay));
    expect(result.score).toBe(8);
    expect(result.deductions.find((d) => d.recordId === overdue.id)).toEqual({
      recordId: overdue.id,
      reason: "2019-12-02收到来信，答复期限为2019-12-09（收到后5个工作日），至2019-12-31仍未答复",
      title: `市长信箱来信 ${overdue.trackingCode}`,
      link: `/publish/v1/letters/${overdue.id}`,
    });
  });

  it("counts the deadline from the locality's setting", () => {
    const result = run(
      "mailbox-reply-rate",
      {
        ...withRecords({ letters: [overdue] }),
        settings: { ...defaultSettings, mailboxReplyWorkingDays: 30 },
      },
      {},
    );
    expect(result.deductions).toEqual([]);
  });
});

describe("letters-unanswered (national website check: no letter unanswered more than 3 months)", () => {
  // 2019-09-30 + 3 months is 12-30: more than 3 months by 12-31. 2019-10-01 → 2020-01-01.
  const overThree = letter("2019-09-30");
  const justUnder = letter("2019-10-01");
  const fromLastYear = letter("2018-05-01");
  const replied = letter("2019-06-01", "2019-07-01");
  const repliedAfterTheDay = letter("2019-06-01", "2020-01-05");

  it("lists exactly the letters unanswered more than 3 calendar months after receipt, whatever their year", () => {
    const letters = [overThree, justUnder, fromLastYear, replied, repliedAfterTheDay];
    const result = run("letters-unanswered", withRecords({ letters }), { deductionPerRecord: 5 });
    expect(ids(result.deductions)).toEqual(sorted(overThree, fromLastYear, repliedAfterTheDay));
    expect(result.deductions.find((d) => d.recordId === overThree.id)?.reason).toBe(
      "2019-09-30收到来信，2019-12-30已满3个月，至2019-12-31仍未答复（政府网站检查指标“互动回应差”）",
    );
  });
});
