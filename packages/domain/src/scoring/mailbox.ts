import { type IsoDate, yearOf } from "../date.ts";
import { isLetterOverdue, letterDueDate } from "../letter.ts";
import { addCalendarMonths, isUnansweredOverThreeMonths } from "../letter-stats.ts";
import { aboutLetter } from "./deduction.ts";
import { deadlineFacts, type LetterFact, needed } from "./facts.ts";
import { type RuleDefinition, simple } from "./rule.ts";

/** A letter counts as replied on the day only if the reply is dated on or before it. */
const letterAsOf = (letter: LetterFact, asOf: IsoDate): LetterFact =>
  letter.repliedOn !== null && letter.repliedOn <= asOf
    ? letter
    : { ...letter, state: letter.state === "replied" ? "assigned" : letter.state, repliedOn: null };

/**
 * 信箱回复率, scored per letter: each letter the unit holds, received in the year, still
 * unreplied on the day and past its reply deadline (the local setting, from receipt: a transfer
 * does not restart it) is one deduction. A rate threshold would hide which letters to answer;
 * a letter still within its deadline is not counted, nor a deadline counted across an unloaded
 * year. The unit that holds the letter now answers for it.
 */
export const mailboxReplyRate: RuleDefinition = {
  id: "mailbox-reply-rate",
  name: "信箱回复率",
  params: simple,
  needs: ["letters"],
  evaluate: (_params, facts, asOf) => {
    const { calendar, settings } = deadlineFacts(facts);
    return needed(facts.letters, "letters")
      .filter((l) => l.receivedOn <= asOf && yearOf(l.receivedOn) === facts.year)
      .map((l) => letterAsOf(l, asOf))
      .flatMap((letter) => {
        const due = letterDueDate(letter, calendar, settings);
        if (due.provisional || !isLetterOverdue(letter, calendar, settings, asOf)) return [];
        return [
          aboutLetter(
            letter,
            `${letter.receivedOn}收到来信，答复期限为${due.date}（收到后${settings.mailboxReplyWorkingDays}个工作日），至${asOf}仍未答复`,
          ),
        ];
      });
  },
};

/**
 * The national website check: a message left unanswered more than 3 calendar months after it
 * was received fails the site (互动回应差, a single-item veto). Every letter the unit holds
 * counts, whatever year it came in, while it stays unanswered.
 */
export const lettersUnanswered: RuleDefinition = {
  id: "letters-unanswered",
  name: "超过3个月未回复的来信",
  params: simple,
  needs: ["letters"],
  evaluate: (_params, facts, asOf) =>
    needed(facts.letters, "letters")
      .filter((l) => l.receivedOn <= asOf)
      .map((l) => letterAsOf(l, asOf))
      .filter((letter) => isUnansweredOverThreeMonths(letter, asOf))
      .map((letter) =>
        aboutLetter(
          letter,
          `${letter.receivedOn}收到来信，${addCalendarMonths(letter.receivedOn, 3)}已满3个月，至${asOf}仍未答复（政府网站检查指标“互动回应差”）`,
        ),
      ),
};
