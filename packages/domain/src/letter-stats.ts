import { type Calendar, workingDaysBetween } from "./calendar.ts";
import type { IsoDate } from "./date.ts";
import { isLetterOverdue, type Letter } from "./letter.ts";
import type { Settings } from "./settings.ts";

/** What the statistics need of a letter; nothing about its writer. */
export type LetterFacts = Pick<Letter, "id" | "state" | "unitCode" | "receivedOn" | "repliedOn">;

export type LetterStats = {
  received: number;
  replied: number;
  /** replied ÷ received, 4 decimals; null when nothing was received. */
  replyRate: number | null;
  /** Working days from receipt to reply (the receipt day not counted). */
  averageReplyWorkingDays: number | null;
  longestReplyWorkingDays: number | null;
  replyLimitWorkingDays: number;
  onTime: number;
  late: number;
  /** Still open and past the reply deadline today. */
  openOverdue: number;
  /** Open for more than 3 months: a national website check fails on any. */
  unansweredOverThreeMonths: { id: string; receivedOn: IsoDate }[];
  /** True when a count touched a year whose holidays are not loaded. */
  provisional: boolean;
};

/** The date `months` calendar months after `date`, clamped to the month's last day (31 Mar + 1 → 30 Apr). */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Unanswered on `today` and received more than 3 calendar months before it. */
export function isUnansweredOverThreeMonths(letter: LetterFacts, today: IsoDate): boolean {
  return letter.state !== "replied" && addCalendarMonths(letter.receivedOn, 3) < today;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * 市长信箱 statistics over the letters given (a year's, a unit's): counts, reply rate, reply
 * time in working days against the reply-deadline setting, and the letters a national
 * website check would fail on.
 */
export function letterStats(
  letters: readonly LetterFacts[],
  calendar: Calendar,
  settings: Settings,
  today: IsoDate,
): LetterStats {
  const limit = settings.mailboxReplyWorkingDays;
  let provisional = false;
  const replyDays = letters.flatMap((letter) => {
    if (letter.state !== "replied" || !letter.repliedOn) return [];
    const count = workingDaysBetween(calendar, letter.receivedOn, letter.repliedOn);
    provisional ||= count.provisional;
    return [count.days];
  });
  const open = letters.filter((l) => l.state !== "replied");
  const total = replyDays.reduce((sum, days) => sum + days, 0);
  return {
    received: letters.length,
    replied: replyDays.length,
    replyRate: letters.length ? round(replyDays.length / letters.length, 4) : null,
    averageReplyWorkingDays: replyDays.length ? round(total / replyDays.length, 1) : null,
    longestReplyWorkingDays: replyDays.length ? Math.max(...replyDays) : null,
    replyLimitWorkingDays: limit,
    onTime: replyDays.filter((days) => days <= limit).length,
    late: replyDays.filter((days) => days > limit).length,
    openOverdue: open.filter((l) => isLetterOverdue(l, calendar, settings, today)).length,
    unansweredOverThreeMonths: open
      .filter((l) => isUnansweredOverThreeMonths(l, today))
      .map(({ id, receivedOn }) => ({ id, receivedOn })),
    provisional,
  };
}
