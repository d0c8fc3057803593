import { z } from "zod";
import type { Application, ApplicationChannel, ApplicationState, ResponseType } from "../application.ts";
import type { ReportRow } from "../application-report.ts";
import { addWorkingDays, type Calendar, isWorkingDay } from "../calendar.ts";
import { IsoDate, nextDay } from "../date.ts";
import { fail } from "../error.ts";
import { checkEvent } from "./event-checks.ts";
import { applyEvent } from "./event-effects.ts";
import {
  type AnyEvent,
  type Clocked,
  openPause,
  type Pause,
  pauseLabel,
  type Running,
  replyWorkingDays,
} from "./state.ts";

export const ExplanationLine = z.object({ on: IsoDate, event: z.string(), effect: z.string() });
export type ExplanationLine = z.infer<typeof ExplanationLine>;

export type ApplicationClock = {
  state: ApplicationState;
  /** Null while the clock waits for a correction: it restarts only when one arrives. */
  dueOn: IsoDate | null;
  dueIsProvisional: boolean;
  calendarVersion: string;
  /** 为何在此日期到期: every event and its effect, in Chinese. */
  explanation: ExplanationLine[];
  extended: boolean;
  /** The day of the Art. 33 extension: statistics count it in that day's year. */
  extendedOn?: IsoDate;
  /** OGI Art. 31: the day of receipt the count starts from; absent while awaiting confirmation. */
  receiptOn?: IsoDate;
  /** OGI Art. 35: the reasonable deadline set for an excessive application, when one was. */
  reasonableDueOn?: IsoDate;
  responseType?: ResponseType;
  endedOn?: IsoDate;
  /** The annual report row an ended application is counted in. */
  outcome?: ReportRow;
};

/**
 * OGI Art. 31(三): an online application is received the day it is confirmed. Confirming
 * automatically, that is the first working day after submission (a submission on a day off
 * is confirmed on a working day at the earliest); the office may confirm earlier.
 */
function autoConfirmationDay(calendar: Calendar, submittedOn: IsoDate): IsoDate {
  return addWorkingDays(calendar, submittedOn, 1).date;
}

/** OGI Art. 31: which day counts as receipt, said the way the notice to the applicant says it. */
const receiptRule: Record<ApplicationChannel, string> = {
  online: "网上提交，双方确认之日为收到申请之日（条例第三十一条第三项）",
  fax: "传真提交，双方确认之日为收到申请之日（条例第三十一条第三项）",
  "in-person": "当面提交，提交之日为收到申请之日（条例第三十一条第一项）",
  "registered-post": "以邮政快递等方式提交，签收之日为收到申请之日（条例第三十一条第二项）",
  letter: "以平常信函等无需签收的方式提交，与申请人确认之日为收到申请之日（条例第三十一条第二项）",
};

/**
 * Working days of `pauses` are not counted; a third-party pause stops being excused after the
 * third party's own 15 working days (`until`). An open pause runs through `today`.
 */
function dueOf(calendar: Calendar, start: IsoDate, budget: number, pauses: Pause[], today: IsoDate) {
  let day = start;
  let counted = 0;
  let excused = 0;
  let provisional = false;
  // A bound far beyond any statutory period turns corrupt data into an error, not a hang.
  for (let guard = 0; counted < budget; guard++) {
    if (guard > 40_000) fail("unprocessable", "答复期限无法计算：暂停期间过长");
    day = nextDay(day);
    const status = isWorkingDay(calendar, day);
    if (!status.loaded) provisional = true;
    if (!status.working) continue;
    const pausing = pauses.some(
      (p) => p.firstDay <= day && day <= (p.to ?? today) && (p.until === undefined || day <= p.until),
    );
    if (pausing) {
      excused += 1;
    } else {
      counted += 1;
    }
  }
  return { date: day, provisional, excused };
}

const startingAt = (application: Clocked, calendar: Calendar): Running => {
  const online = application.channel === "online" ? application.confirmation : undefined;
  const autoConfirmOn = online === "auto" ? autoConfirmationDay(calendar, application.receivedOn) : null;
  return {
    start: autoConfirmOn ?? application.receivedOn,
    awaitingConfirmation: online === "by-office",
    confirmedOn: autoConfirmOn,
    autoConfirmOn,
    confirmRecorded: false,
    budget: replyWorkingDays,
    pauses: [],
    extended: false,
    reasonableDue: null,
    extendedOn: null,
    accepted: false,
    correctionRequested: false,
    correctBy: null,
    ended: null,
  };
};

function stateOf(r: Running): ApplicationState {
  if (r.ended) return r.ended.state;
  if (r.correctBy) return "awaiting-correction";
  const open = openPause(r);
  if (open) return open.kind === "fee" ? "awaiting-fee" : "in-consultation";
  return r.extended || r.reasonableDue ? "extended" : "received";
}

const endingOf = (r: Running) =>
  r.ended
    ? {
        endedOn: r.ended.on,
        outcome: r.ended.outcome,
        ...(r.ended.responseType ? { responseType: r.ended.responseType } : {}),
      }
    : {};

/** How the due date was counted: excused pauses, one still open, a provisional calendar. */
function dueEffect(r: Running, due: ReturnType<typeof dueOf>, calendarVersion: string): string {
  const open = openPause(r);
  return (
    `自${r.start}次日起${r.budget}个工作日${due.excused ? `（不计征求意见等暂停期间的${due.excused}个工作日）` : ""}，` +
    `至${due.date}${open && !r.ended ? `；${pauseLabel[open.kind]}尚未结束，按今日恢复计算，此日期将随暂停顺延` : ""}` +
    `${due.provisional ? `；期间涉及尚未载入节假日安排的年份，此日期为暂定，载入后重新计算` : ""}` +
    `（工作日历版本${calendarVersion}）`
  );
}

/** The first line: the channel's rule of Art. 31 and, online, how and when it is confirmed. */
function receiptEffect(application: Clocked, r: Running): string {
  const counting = `自次日起计算${replyWorkingDays}个工作日的答复期限（条例第三十三条）`;
  if (application.channel !== "online" || !application.confirmation) {
    return `${receiptRule[application.channel]}；${counting}`;
  }
  const confirming =
    application.confirmation === "auto"
      ? `未经本机关提前确认的，于提交后的下一个工作日${r.autoConfirmOn}自动确认`
      : "待本机关确认，确认前答复期限不计算";
  return `网上提交（${application.receivedOn}），以本机关确认之日为收到申请之日（条例第三十一条第三项）；${confirming}；确认之日${counting}`;
}

/**
 * The one derivation of an application's clock from its event log (OGI Art. 30–35). With
 * `strictFrom`, events from that index on are checked against the rules before they apply:
 * that is how a new event is validated, on the same running state that explains the old ones.
 */
export function applicationClock(
  application: Clocked,
  events: readonly AnyEvent[],
  calendar: Calendar,
  today: IsoDate,
  strictFrom = events.length,
): ApplicationClock {
  const r = startingAt(application, calendar);
  const explanation: ExplanationLine[] = [
    {
      on: application.receivedOn,
      event: "收到申请",
      effect: receiptEffect(application, r),
    },
  ];
  const currentDue = () => dueOf(calendar, r.start, r.budget, r.pauses, today);
  let previousOn = application.receivedOn;

  events.forEach((event, index) => {
    if (index >= strictFrom) {
      const { receivedOn } = application;
      checkEvent(r, event, {
        receivedOn: r.confirmedOn ?? receivedOn,
        channel: application.channel,
        provisionForm: application.provisionForm,
        previousOn,
        today,
        calendar,
        currentDue: () => r.reasonableDue ?? currentDue().date,
      });
    }
    if (event.on > previousOn) previousOn = event.on;
    explanation.push({ on: event.on, ...applyEvent(r, event, calendar) });
  });

  const base = {
    state: stateOf(r),
    calendarVersion: calendar.version,
    extended: r.extended,
    ...(r.extendedOn ? { extendedOn: r.extendedOn } : {}),
    // The day that counts as receipt (Art. 31): online, the confirmation day once there is one.
    ...(r.awaitingConfirmation ? {} : { receiptOn: r.confirmedOn ?? application.receivedOn }),
    ...endingOf(r),
  };
  if (r.awaitingConfirmation && !r.ended) {
    explanation.push({
      on: today,
      event: "答复期限",
      effect: "网上申请待本机关确认，确认之日为收到申请之日，期限自次日起计算（条例第三十一条第三项）",
    });
    return { ...base, dueOn: null, dueIsProvisional: false, explanation };
  }
  // Waiting for (or abandoned without) a correction, no clock runs: it restarts on receipt of one.
  if (r.correctBy) {
    if (!r.ended)
      explanation.push({
        on: today,
        event: "答复期限",
        effect: `等待补正，期限暂不计算；收到补正后重新起算${replyWorkingDays}个工作日（条例第三十条）`,
      });
    return { ...base, dueOn: null, dueIsProvisional: false, explanation };
  }
  if (r.reasonableDue) {
    explanation.push({
      on: r.start,
      event: "答复期限",
      effect: `按条例第三十五条确定的延迟答复合理期限，至${r.reasonableDue}`,
    });
    return {
      ...base,
      dueOn: r.reasonableDue,
      dueIsProvisional: false,
      reasonableDueOn: r.reasonableDue,
      explanation,
    };
  }
  const due = currentDue();
  explanation.push({ on: r.start, event: "答复期限", effect: dueEffect(r, due, calendar.version) });
  return { ...base, dueOn: due.date, dueIsProvisional: due.provisional, explanation };
}

/**
 * The clock as it stood at the end of `day`: only the events dated on or before it, counted
 * with the calendar in force. An assessment judges a past day this way, so a reply recorded
 * after that day does not count as given by it.
 */
export function clockAsOf(
  application: Clocked & { events: readonly AnyEvent[] },
  calendar: Calendar,
  day: IsoDate,
): ApplicationClock {
  // Events never go back in time (each `on` ≥ the one before), so this is a prefix of the log.
  const until = application.events.filter((event) => event.on <= day);
  return applicationClock(application, until, calendar, day);
}

/** The clock as of `today`, with the calendar in force: what every read shows. */
export function clockOfApplication(application: Application, calendar: Calendar, today: IsoDate) {
  return applicationClock(application, application.events, calendar, today);
}
