import type {
  Application,
  ApplicationChannel,
  ApplicationEvent,
  ApplicationEventInput,
  ApplicationState,
  ResponseType,
  SystemEvent,
} from "./application.ts";
import {
  applicationStatistics,
  type ReportRow,
  rowOfEnding,
  type StatisticsInput,
} from "./application-report.ts";
import { addWorkingDays, type Calendar, isWorkingDay, workingDaysBetween } from "./calendar.ts";
import { type IsoDate, nextDay } from "./date.ts";
import { fail } from "./error.ts";
import type { Settings } from "./settings.ts";

/** OGI Art. 33: 20 working days; one extension of at most 20 more. */
export const replyWorkingDays = 20;
/** OGI Art. 30: a correction may be requested only within 7 working days of receipt. */
export const correctionRequestWorkingDays = 7;
/** OGI Art. 32: the third party has 15 working days; only that much is not counted. */
export const thirdPartyWorkingDays = 15;

type PauseKind = "third-party" | "agency" | "fee";
type Pause = { kind: PauseKind; from: IsoDate; to: IsoDate | null; capWorkingDays?: number };

export type ExplanationLine = { on: IsoDate; event: string; effect: string };

export type ApplicationClock = {
  state: ApplicationState;
  /** Null while the clock waits for a correction: it restarts only when one arrives. */
  dueOn: IsoDate | null;
  dueIsProvisional: boolean;
  calendarVersion: string;
  /** 为何在此日期到期: every event and its effect, in Chinese. */
  explanation: ExplanationLine[];
  extended: boolean;
  responseType?: ResponseType;
  endedOn?: IsoDate;
  /** The annual report row an ended application is counted in. */
  outcome?: ReportRow;
};

type Clocked = { channel: ApplicationChannel; receivedOn: IsoDate };
type AnyEvent = ApplicationEventInput | SystemEvent;

/** OGI Art. 31: which day counts as receipt, said the way the notice to the applicant says it. */
const receiptRule: Record<ApplicationChannel, string> = {
  online: "网上提交，双方确认之日为收到申请之日（条例第三十一条第三项）",
  fax: "传真提交，双方确认之日为收到申请之日（条例第三十一条第三项）",
  "in-person": "当面提交，提交之日为收到申请之日（条例第三十一条第一项）",
  "registered-post": "以邮政快递等方式提交，签收之日为收到申请之日（条例第三十一条第二项）",
  letter: "以平常信函等无需签收的方式提交，与申请人确认之日为收到申请之日（条例第三十一条第二项）",
};

/**
 * Working days of `pauses` are not counted; a capped pause stops being excused once its cap
 * of working days is used (the third party's 15). An open pause runs through `today`.
 */
function dueOf(calendar: Calendar, start: IsoDate, budget: number, pauses: Pause[], today: IsoDate) {
  const used = pauses.map(() => 0);
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
    const pausing = pauses.findIndex(
      (p, i) => p.from < day && day <= (p.to ?? today) && (p.capWorkingDays ?? Infinity) > (used[i] ?? 0),
    );
    if (pausing >= 0) {
      used[pausing] = (used[pausing] ?? 0) + 1;
      excused += 1;
    } else {
      counted += 1;
    }
  }
  return { date: day, provisional, excused };
}

type Running = {
  start: IsoDate;
  budget: number;
  pauses: Pause[];
  extended: boolean;
  accepted: boolean;
  correctionRequested: boolean;
  correctBy: IsoDate | null;
  ended: {
    state: "answered" | "closed";
    on: IsoDate;
    outcome: ReportRow;
    responseType?: ResponseType;
  } | null;
};

const pauseLabel: Record<PauseKind, string> = {
  "third-party": "征求第三方意见",
  agency: "征求其他机关意见",
  fee: "收费通知至缴费",
};

function stateOf(r: Running): ApplicationState {
  if (r.ended) return r.ended.state;
  if (r.correctBy) return "awaiting-correction";
  const open = r.pauses.find((p) => p.to === null);
  if (open) return open.kind === "fee" ? "awaiting-fee" : "in-consultation";
  return r.extended ? "extended" : "received";
}

const refuse = (message: string) => fail("conflict", message);

/**
 * The one derivation of an application's clock from its event log (OGI Art. 30–35). With
 * `strictFrom`, events from that index on are checked against the rules before they apply:
 * that is how a new event is validated, with the same code that explains the old ones.
 */
export function applicationClock(
  application: Clocked,
  events: readonly AnyEvent[],
  calendar: Calendar,
  today: IsoDate,
  strictFrom = events.length,
): ApplicationClock {
  const r: Running = {
    start: application.receivedOn,
    budget: replyWorkingDays,
    pauses: [],
    extended: false,
    accepted: false,
    correctionRequested: false,
    correctBy: null,
    ended: null,
  };
  const explanation: ExplanationLine[] = [
    {
      on: application.receivedOn,
      event: "收到申请",
      effect: `${receiptRule[application.channel]}；自次日起计算${replyWorkingDays}个工作日的答复期限（条例第三十三条）`,
    },
  ];
  const currentDue = () => dueOf(calendar, r.start, r.budget, r.pauses, today);
  let previousOn = application.receivedOn;

  events.forEach((event, index) => {
    const strict = index >= strictFrom;
    if (strict) {
      if (event.on < previousOn) refuse(`事件日期${event.on}早于上一事件或收到申请的日期${previousOn}`);
      if (event.on > today) refuse(`事件日期${event.on}晚于今天`);
      if (r.ended && event.type !== "disclosed-proactively" && event.type !== "calendar-changed") {
        refuse("申请已办结，不能再记录办理事件");
      }
    }
    if (event.on > previousOn) previousOn = event.on;
    explanation.push({
      on: event.on,
      ...apply(r, event, strict, calendar, currentDue, application.receivedOn),
    });
  });

  const base = {
    state: stateOf(r),
    calendarVersion: calendar.version,
    extended: r.extended,
    ...(r.ended
      ? {
          endedOn: r.ended.on,
          outcome: r.ended.outcome,
          ...(r.ended.responseType ? { responseType: r.ended.responseType } : {}),
        }
      : {}),
  };
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
  const due = currentDue();
  const open = r.pauses.find((p) => p.to === null);
  explanation.push({
    on: r.start,
    event: "答复期限",
    effect:
      `自${r.start}次日起${r.budget}个工作日${due.excused ? `（不计征求意见等暂停期间的${due.excused}个工作日）` : ""}，` +
      `至${due.date}${open && !r.ended ? `；${pauseLabel[open.kind]}尚未结束，按今日恢复计算，此日期将随暂停顺延` : ""}` +
      `${due.provisional ? `；期间涉及尚未载入节假日安排的年份，此日期为暂定，载入后重新计算` : ""}` +
      `（工作日历版本${calendar.version}）`,
  });
  return { ...base, dueOn: due.date, dueIsProvisional: due.provisional, explanation };
}

type Effect = { event: string; effect: string };

function apply(
  r: Running,
  event: AnyEvent,
  strict: boolean,
  calendar: Calendar,
  currentDue: () => { date: IsoDate },
  receivedOn: IsoDate,
): Effect {
  const openPause = r.pauses.find((p) => p.to === null);
  const mustBeRunning = (what: string) => {
    if (!strict) return;
    if (r.correctBy) refuse(`等待补正期间不能${what}`);
    if (openPause) refuse(`${pauseLabel[openPause.kind]}尚未结束，不能${what}`);
  };
  const closePause = (kind: PauseKind, what: string) => {
    if (strict && openPause?.kind !== kind) refuse(`没有进行中的${pauseLabel[kind]}，不能记录${what}`);
    if (openPause) openPause.to = event.on;
  };

  switch (event.type) {
    case "accept": {
      if (strict && (r.accepted || r.correctBy)) refuse("申请已受理或正在等待补正");
      r.accepted = true;
      return { event: "受理", effect: "登记受理，不影响答复期限" };
    }
    case "request-correction": {
      if (strict) {
        if (r.correctionRequested) refuse("补正只能一次性告知（条例第三十条）");
        mustBeRunning("要求补正");
        const limit = addWorkingDays(calendar, receivedOn, correctionRequestWorkingDays).date;
        if (event.on > limit) {
          refuse(
            `补正须在收到申请之日起${correctionRequestWorkingDays}个工作日内（${limit}前）一次性告知（条例第三十条）`,
          );
        }
        if (event.correctBy <= event.on) refuse("补正期限须晚于告知补正之日");
      }
      r.correctionRequested = true;
      r.correctBy = event.correctBy;
      return {
        event: "告知补正",
        effect: `一次性告知补正${event.items.length}项，补正期限至${event.correctBy}；答复期限暂停，收到补正后重新起算（条例第三十条）`,
      };
    }
    case "correction-received": {
      if (strict && !r.correctBy) refuse("没有待补正的事项");
      r.correctBy = null;
      r.start = event.on;
      r.budget = replyWorkingDays;
      r.pauses = [];
      return {
        event: "收到补正",
        effect: `以收到补正之日${event.on}为收到申请之日，重新计算${replyWorkingDays}个工作日（条例第三十条）`,
      };
    }
    case "abandon": {
      if (strict) {
        const correctBy = r.correctBy ?? refuse("只有等待补正的申请才能视为放弃");
        if (event.on <= correctBy) refuse(`补正期限${correctBy}尚未届满，不能视为放弃`);
      }
      r.ended = { state: "closed", on: event.on, outcome: rowOfEnding({ type: "abandon" }) };
      return { event: "视为放弃", effect: "申请人无正当理由逾期不补正，视为放弃申请，办结（条例第三十条）" };
    }
    case "consult-third-party": {
      mustBeRunning("征求第三方意见");
      const by = addWorkingDays(calendar, event.on, thirdPartyWorkingDays).date;
      r.pauses.push({ kind: "third-party", from: event.on, to: null, capWorkingDays: thirdPartyWorkingDays });
      return {
        event: "征求第三方意见",
        effect: `书面征求${event.thirdParty}意见，第三方应于${thirdPartyWorkingDays}个工作日内（${by}前）答复；所需时间不计入答复期限，最多不计${thirdPartyWorkingDays}个工作日（条例第三十二条）`,
      };
    }
    case "third-party-replied":
      closePause("third-party", "第三方答复");
      return { event: "第三方答复", effect: "征求第三方意见结束，次日起恢复计算答复期限" };
    case "consult-agency": {
      mustBeRunning("征求其他机关意见");
      r.pauses.push({ kind: "agency", from: event.on, to: null });
      return {
        event: "征求其他机关意见",
        effect: `征求${event.agency}意见，所需时间不计入答复期限（条例第三十三条第三款）`,
      };
    }
    case "agency-replied":
      closePause("agency", "其他机关答复");
      return { event: "其他机关答复", effect: "征求其他机关意见结束，次日起恢复计算答复期限" };
    case "extend": {
      const before = strict ? currentDue().date : "";
      if (strict) {
        if (r.extended) refuse("答复期限只能延长一次（条例第三十三条）");
        mustBeRunning("延长答复期限");
        if (event.on > before) refuse(`答复期限已于${before}届满，不能再延长`);
        if (event.applicantNotifiedOn < event.on || event.applicantNotifiedOn > before) {
          refuse(`延期须在原期限${before}内告知申请人`);
        }
      }
      r.extended = true;
      r.budget += event.days;
      return {
        event: "延长答复期限",
        effect: `经${event.approver}同意延长${event.days}个工作日，已于${event.applicantNotifiedOn}告知申请人（条例第三十三条第二款）`,
      };
    }
    case "fee-notice": {
      mustBeRunning("发出收费通知");
      r.pauses.push({ kind: "fee", from: event.on, to: null });
      return {
        event: "收费通知",
        effect: `通知缴纳信息处理费${event.amountYuan}元；自发出通知至缴费期间不计入答复期限（国办函〔2020〕109号）`,
      };
    }
    case "fee-paid":
      closePause("fee", "缴费");
      return { event: "已缴费", effect: "次日起恢复计算答复期限" };
    case "fee-unpaid": {
      if (strict && openPause?.kind !== "fee") refuse("没有待缴费的收费通知");
      if (openPause) openPause.to = event.on;
      r.ended = { state: "closed", on: event.on, outcome: rowOfEnding({ type: "fee-unpaid" }) };
      return { event: "逾期未缴费", effect: "申请人逾期未缴纳信息处理费，不再处理该申请，办结" };
    }
    case "respond": {
      mustBeRunning("答复");
      if (strict) checkResponse(event);
      r.ended = {
        state: "answered",
        on: event.on,
        outcome: rowOfEnding(event),
        responseType: event.responseType,
      };
      return { event: "答复", effect: `作出答复：${responseLabel[event.responseType]}，办结` };
    }
    case "decline": {
      mustBeRunning("答复不予处理");
      r.ended = { state: "answered", on: event.on, outcome: rowOfEnding(event) };
      return { event: "不予处理", effect: "告知申请人不予处理，办结" };
    }
    case "close-other": {
      if (strict && r.ended) refuse("申请已办结");
      r.ended = { state: "closed", on: event.on, outcome: rowOfEnding(event) };
      return { event: "其他处理", effect: `${event.note}，办结` };
    }
    case "calendar-changed":
      return {
        event: "节假日安排变更",
        effect: `载入${event.noticeYear}年节假日安排（工作日历版本${event.calendarVersion}），答复期限由${event.dueBefore ?? "（无）"}调整为${event.dueAfter ?? "（无）"}`,
      };
    case "disclosed-proactively":
      return {
        event: "转主动公开",
        effect: `所公开信息已转为主动公开草稿（${event.itemId}），按程序审核发布`,
      };
  }
}

export const responseLabel: Record<ResponseType, string> = {
  "already-public": "已主动公开，告知获取方式和途径（条例第三十六条第一项）",
  disclosed: "予以提供（条例第三十六条第二项）",
  "partially-disclosed": "部分公开，提供可以公开的部分并说明理由（条例第三十七条）",
  "not-disclosed": "不予公开，告知理由（条例第三十六条第三项）",
  "does-not-exist": "经检索没有所申请公开的信息（条例第三十六条第四项）",
  "not-this-agency": "不属于本机关负责公开，告知负责机关（条例第三十六条第五项）",
  "repeat-application": "重复申请，告知不予重复处理（条例第三十六条第六项）",
  "special-legal-route": "依照有关法律、行政法规的特别规定办理（条例第三十六条第七项）",
};

function checkResponse(event: Extract<ApplicationEventInput, { type: "respond" }>) {
  const t = event.responseType;
  if ((t === "not-disclosed") !== (event.withholdingGround !== undefined)) {
    fail("validation", "不予公开须且仅须注明不予公开的理由类别", [
      { path: "withholdingGround", message: "不予公开时必填，其他答复类型不填" },
    ]);
  }
  if (event.unavailableGround !== undefined && t !== "does-not-exist") {
    fail("validation", "无法提供的理由仅用于“信息不存在”类答复", [
      { path: "unavailableGround", message: "仅用于does-not-exist" },
    ]);
  }
  if ((t === "already-public" || t === "not-this-agency") && !event.reference) {
    fail("validation", "须告知获取途径或负责公开的机关", [
      { path: "reference", message: "已公开的须告知途径，非本机关的须告知负责机关" },
    ]);
  }
}

export type ApplicationTimeliness = "on-time" | "overdue" | "very-overdue";

/**
 * Derived, never stored: an open application past its due date is overdue, and very overdue
 * once `veryOverdueWorkingDays` working days have passed since; an ended one is judged on
 * the day it ended.
 */
export function timelinessOfApplication(
  clock: Pick<ApplicationClock, "dueOn" | "endedOn">,
  today: IsoDate,
  calendar: Calendar,
  settings: Pick<Settings, "veryOverdueWorkingDays">,
): ApplicationTimeliness {
  if (!clock.dueOn) return "on-time";
  const asOf = clock.endedOn ?? today;
  if (asOf <= clock.dueOn) return "on-time";
  const late = workingDaysBetween(calendar, clock.dueOn, asOf).days;
  return late >= settings.veryOverdueWorkingDays ? "very-overdue" : "overdue";
}

/** Appends a staff or system event after checking it against the rules; returns the new clock. */
export function checkNewEvent(
  application: Clocked & { events: readonly ApplicationEvent[] },
  event: AnyEvent,
  calendar: Calendar,
  today: IsoDate,
): ApplicationClock {
  return applicationClock(
    application,
    [...application.events, event],
    calendar,
    today,
    application.events.length,
  );
}

type Registration = {
  id: string;
  trackingCode: string;
  unitCode: string;
  channel: ApplicationChannel;
  receivedOn: IsoDate;
  applicantKind: Application["applicantKind"];
  description: string;
  provisionForm?: Application["provisionForm"];
};

/** The stored snapshot of the derived clock, so lists and the open index need no recomputation. */
function snapshot(clock: ApplicationClock) {
  return {
    state: clock.state,
    dueOn: clock.dueOn,
    dueIsProvisional: clock.dueIsProvisional,
    calendarVersion: clock.calendarVersion,
    responseType: clock.responseType,
    endedOn: clock.endedOn,
  };
}

/** A newly received application: version 1, no events, its clock running from `receivedOn`. */
export function newApplication(
  registration: Registration,
  calendar: Calendar,
  today: IsoDate,
  now: string,
): Application {
  if (registration.receivedOn > today)
    fail("validation", "收到申请的日期不能晚于今天", [{ path: "receivedOn", message: "不能晚于今天" }]);
  const clock = applicationClock(registration, [], calendar, today);
  return { ...registration, events: [], ...snapshot(clock), version: 1, createdAt: now, updatedAt: now };
}

/** The application with one more event, checked against the rules (409 when they forbid it). */
export function withEvent(
  application: Application,
  event: ApplicationEventInput | SystemEvent,
  meta: { at: string; by: string },
  calendar: Calendar,
  today: IsoDate,
): Application {
  const clock = checkNewEvent(application, event, calendar, today);
  return {
    ...application,
    events: [...application.events, { ...event, ...meta } as ApplicationEvent],
    ...snapshot(clock),
    version: application.version + 1,
    updatedAt: meta.at,
  };
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

/**
 * One application as the statistics see it on `asOf` (the year's end, or today if earlier):
 * counts and dates only, never the applicant.
 */
export function statisticsInputOf(
  application: Application,
  asOf: IsoDate,
  calendar: Calendar,
  settings: Pick<Settings, "veryOverdueWorkingDays">,
): StatisticsInput {
  const clock = clockOfApplication(application, calendar, asOf);
  const endedInTime = clock.endedOn !== undefined && clock.endedOn <= asOf;
  const judged = { dueOn: clock.dueOn, endedOn: endedInTime ? clock.endedOn : undefined };
  return {
    applicantKind: application.applicantKind,
    channel: application.channel,
    receivedOn: application.receivedOn,
    endedOn: clock.endedOn,
    outcome: clock.outcome,
    responseType: clock.responseType,
    extended: clock.extended,
    timely: timelinessOfApplication(judged, asOf, calendar, settings) === "on-time",
  };
}

/** A year's statistics (table three among them) from the applications received up to its end. */
export function applicationStatisticsOfYear(
  year: number,
  applications: readonly Application[],
  today: IsoDate,
  calendar: Calendar,
  settings: Pick<Settings, "veryOverdueWorkingDays">,
) {
  const yearEnd = `${year}-12-31`;
  const asOf = today < yearEnd ? today : yearEnd;
  return applicationStatistics(
    year,
    applications.map((a) => statisticsInputOf(a, asOf, calendar, settings)),
  );
}
