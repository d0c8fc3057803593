import { timelinessOfApplication } from "../application-clock/overdue.ts";
import { clockAsOf } from "../application-clock/replay.ts";
import { correctionRequestWorkingDays } from "../application-clock/state.ts";
import { addWorkingDays, workingDaysBetween } from "../calendar.ts";
import { yearOf } from "../date.ts";
import { aboutApplication } from "./deduction.ts";
import { deadlineFacts, needed } from "./facts.ts";
import { type RuleDefinition, simple } from "./rule.ts";

/**
 * OGI Art. 33: answered within 20 working days of receipt (or the extended period). Judged with
 * the one clock derivation (application-clock/replay.ts), from the events dated up to the day and the
 * calendar in force. In scope: applications received in the year, and those received earlier
 * that are still open on the day or whose due date fell in the year (answered late in it): a
 * late answer is deducted once, in the year its lateness happened, while an application left
 * unanswered is deducted every year it stays open. A due date
 * counted across a year whose holidays are not loaded is provisional and not held against the
 * unit, as for proactive timeliness.
 */
export const applicationsOnTime: RuleDefinition = {
  id: "applications-on-time",
  name: "依申请公开按时答复",
  params: simple,
  needs: ["applications"],
  evaluate: (_params, facts, asOf) => {
    const { calendar, settings } = deadlineFacts(facts);
    const yearStart = `${facts.year}-01-01`;
    return needed(facts.applications, "applications").flatMap((application) => {
      if (application.receivedOn > asOf || yearOf(application.receivedOn) > facts.year) return [];
      const clock = clockAsOf(application, calendar, asOf);
      const open = clock.endedOn === undefined;
      const inScope =
        yearOf(application.receivedOn) === facts.year || open || (clock.dueOn ?? "") >= yearStart;
      if (!inScope || !clock.dueOn || clock.dueIsProvisional) return [];
      const timeliness = timelinessOfApplication(clock, asOf, calendar, settings);
      if (timeliness === "on-time") return [];
      const late = workingDaysBetween(calendar, clock.dueOn, clock.endedOn ?? asOf).days;
      const serious = timeliness === "very-overdue" ? "，属严重逾期" : "";
      const what = open
        ? `至${asOf}仍未答复，已逾期${late}个工作日`
        : `${clock.endedOn}才${clock.state === "answered" ? "答复" : "办结"}，逾期${late}个工作日`;
      return [
        aboutApplication(
          application,
          `${clock.receiptOn ?? application.receivedOn}收到申请，答复期限为${clock.dueOn}，${what}${serious}（条例第三十三条）`,
        ),
      ];
    });
  },
};

/**
 * OGI Art. 30: a correction is requested once, within 7 working days of receipt. The event
 * route already refuses a late request (checkNewEvent), so this finds what bypassed that check:
 * records migrated from paper registers, and requests that a holiday notice loaded later shows
 * to be late. Judged in the year the request was made (a December application's request may
 * fall in January); a limit counted across an unloaded year is provisional and not held.
 */
export const correctionNoticeTimeliness: RuleDefinition = {
  id: "correction-notice-timeliness",
  name: "补正告知在7个工作日内",
  params: simple,
  needs: ["applications"],
  evaluate: (_params, facts, asOf) => {
    const { calendar } = deadlineFacts(facts);
    return needed(facts.applications, "applications").flatMap((application) => {
      // Only once is allowed; the first request is the one the applicant waited for.
      const request = application.events.find((e) => e.type === "request-correction");
      if (!request || request.on > asOf || yearOf(request.on) !== facts.year) return [];
      // Receipt as Art. 31 has it: online, the day confirmed.
      const receipt = clockAsOf(application, calendar, request.on).receiptOn ?? application.receivedOn;
      const limit = addWorkingDays(calendar, receipt, correctionRequestWorkingDays);
      if (limit.provisional || request.on <= limit.date) return [];
      const used = workingDaysBetween(calendar, receipt, request.on).days;
      return [
        aboutApplication(
          application,
          `${receipt}收到申请，${request.on}才告知补正（第${used}个工作日），超过收到申请之日起${correctionRequestWorkingDays}个工作日（${limit.date}前）一次性告知的时限（条例第三十条）`,
        ),
      ];
    });
  },
};
