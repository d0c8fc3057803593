import type { ApplicationChannel, ProvisionForm } from "../application.ts";
import { addWorkingDays, type Calendar, isWorkingDay } from "../calendar.ts";
import { type IsoDate, nextDay } from "../date.ts";
import { fail } from "../error.ts";
import {
  type AnyEvent,
  correctionRequestWorkingDays,
  openPause,
  type PauseKind,
  pauseLabel,
  type Running,
} from "./state.ts";

const refuse = (message: string) => fail("conflict", message);

/** What a new event is judged against besides the running state. */
export type CheckContext = {
  /** The day of receipt: online, the confirmation day (Art. 31(三)). */
  receivedOn: IsoDate;
  channel: ApplicationChannel;
  provisionForm?: ProvisionForm | undefined;
  /** The latest date in the log so far (receipt, if no event yet). */
  previousOn: IsoDate;
  today: IsoDate;
  calendar: Calendar;
  /** The due date before the event, counted only when the event needs it (an extension). */
  currentDue: () => IsoDate;
};

/**
 * Refuses (409) an event that may not follow the log so far (OGI Art. 30–36): dated before
 * the previous one or after today, recorded after the end, or not allowed in the state the
 * log left. Nothing is changed: replay applies the event once it passes.
 */
export function checkEvent(r: Running, event: AnyEvent, context: CheckContext): void {
  if (event.on < context.previousOn) {
    refuse(`事件日期${event.on}早于上一事件或收到申请的日期${context.previousOn}`);
  }
  if (event.on > context.today) refuse(`事件日期${event.on}晚于今天`);
  if (r.ended && event.type !== "disclosed-proactively" && event.type !== "calendar-changed") {
    refuse("申请已办结，不能再记录办理事件");
  }
  checkAllowed(r, event, context);
}

/** The clock must be running: no correction awaited, no pause open. */
function mustBeRunning(r: Running, what: string) {
  const open = openPause(r);
  if (r.correctBy) refuse(`等待补正期间不能${what}`);
  if (open) refuse(`${pauseLabel[open.kind]}尚未结束，不能${what}`);
}

function mustBePaused(r: Running, kind: PauseKind, what: string) {
  if (openPause(r)?.kind !== kind) refuse(`没有进行中的${pauseLabel[kind]}，不能记录${what}`);
}

/** Events whose one rule is a running clock, named as the refusal names them. */
const whileRunning = {
  "consult-third-party": "征求第三方意见",
  "consult-agency": "征求其他机关意见",
  "fee-notice": "发出收费通知",
  decline: "答复不予处理",
} as const;

/** Events that end a pause: that kind of pause must be the open one. */
const pauseEnding = {
  "third-party-replied": ["third-party", "第三方答复"],
  "agency-replied": ["agency", "其他机关答复"],
  "fee-paid": ["fee", "缴费"],
} as const satisfies Record<string, readonly [PauseKind, string]>;

/** What the state the log left allows; the system's own events (calendar, proactive copy) need nothing. */
function checkAllowed(r: Running, event: AnyEvent, context: CheckContext): void {
  // Art. 31(三): until the office confirms an online application, only the confirmation (or a
  // closing without reply) may be recorded.
  if (
    r.awaitingConfirmation &&
    !["confirm", "close-other", "calendar-changed", "disclosed-proactively"].includes(event.type)
  ) {
    refuse("网上申请尚未确认收到，请先记录确认（条例第三十一条第三项）");
  }
  switch (event.type) {
    case "confirm":
      checkConfirmation(r, event, context);
      break;
    case "accept":
      if (r.accepted || r.correctBy) refuse("申请已受理或正在等待补正");
      break;
    case "request-correction":
      checkCorrectionRequest(r, event, context);
      break;
    case "correction-received":
      if (!r.correctBy) refuse("没有待补正的事项");
      break;
    case "abandon": {
      const correctBy = r.correctBy ?? refuse("只有等待补正的申请才能视为放弃");
      if (event.on <= correctBy) refuse(`补正期限${correctBy}尚未届满，不能视为放弃`);
      break;
    }
    case "consult-third-party":
    case "consult-agency":
    case "decline":
      mustBeRunning(r, whileRunning[event.type]);
      break;
    case "fee-notice":
      mustBeRunning(r, whileRunning[event.type]);
      checkFeeNotice(event, context);
      break;
    case "third-party-replied":
    case "agency-replied":
    case "fee-paid": {
      const [kind, what] = pauseEnding[event.type];
      mustBePaused(r, kind, what);
      break;
    }
    case "extend":
      checkExtension(r, event, context.currentDue());
      break;
    case "fee-unpaid": {
      const fee = openPause(r);
      if (fee?.kind !== "fee") refuse("没有待缴费的收费通知");
      // 109号: only after the 20 working days to pay may it be closed as unpaid.
      if (fee?.payBy && event.on <= fee.payBy) {
        refuse(
          `缴费期限至${fee.payBy}，尚未届满；${nextDay(fee.payBy)}起方可按逾期未缴费办结（国办函〔2020〕109号）`,
        );
      }
      break;
    }
    case "third-party-received": {
      const open = openPause(r);
      if (open?.kind !== "third-party") refuse("没有进行中的征求第三方意见，不能记录第三方收到日期");
      if (open?.thirdPartyReceipt && !open.thirdPartyReceipt.assumed) refuse("第三方收到日期已记录");
      break;
    }
    case "extend-reasonable":
      checkReasonableExtension(r, event, context.currentDue());
      break;
    case "respond":
      mustBeRunning(r, "答复");
      checkResponse(event);
      // Art. 30: “still unclear after correction” presupposes the one correction was asked for.
      if (event.unavailableGround === "unclear-after-correction" && !r.correctionRequested) {
        refuse("未告知补正，不能以“补正后申请内容仍不明确”答复（条例第三十条）");
      }
      break;
    case "close-other":
      if (r.ended) refuse("申请已办结");
      break;
  }
}

type EventOf<T extends AnyEvent["type"]> = Extract<AnyEvent, { type: T }>;

function checkCorrectionRequest(r: Running, event: EventOf<"request-correction">, context: CheckContext) {
  if (r.correctionRequested) refuse("补正只能一次性告知（条例第三十条）");
  mustBeRunning(r, "要求补正");
  const limit = addWorkingDays(context.calendar, context.receivedOn, correctionRequestWorkingDays).date;
  if (event.on > limit) {
    refuse(
      `补正须在收到申请之日起${correctionRequestWorkingDays}个工作日内（${limit}前）一次性告知（条例第三十条）`,
    );
  }
  if (event.correctBy <= event.on) refuse("补正期限须晚于告知补正之日");
}

/**
 * OGI Art. 31(三): online only, once, on a working day (a submission on a day off is confirmed
 * on a working day at the earliest), and not after an automatic confirmation has happened.
 */
function checkConfirmation(r: Running, event: EventOf<"confirm">, context: CheckContext) {
  if (context.channel !== "online") refuse("只有网上申请需要确认收到（条例第三十一条第三项）");
  if (r.confirmRecorded || (r.autoConfirmOn === null && !r.awaitingConfirmation)) refuse("该申请已确认收到");
  if (r.autoConfirmOn !== null && event.on > r.autoConfirmOn) {
    refuse(`该申请已于${r.autoConfirmOn}自动确认收到`);
  }
  if (!isWorkingDay(context.calendar, event.on).working) {
    refuse(`${event.on}不是工作日，网上申请须在工作日确认（条例第三十一条第三项）`);
  }
}

/**
 * 国办函〔2020〕109号 Art. 5: charging by pages applies only to copies (paper, email, copied
 * electronic data), never to reading on site or a form not stated; the applicant receives
 * the notice on or after the day it is sent.
 */
const copies: readonly ProvisionForm[] = ["paper", "email", "electronic"];
function checkFeeNotice(event: EventOf<"fee-notice">, context: CheckContext) {
  if (event.basis === "by-pages" && !(context.provisionForm && copies.includes(context.provisionForm))) {
    fail(
      "validation",
      "按量计收仅适用于提供纸质件、发送电子邮件、复制电子数据的方式（国办函〔2020〕109号）",
      [{ path: "basis", message: "本申请的提供方式不能按量计收" }],
    );
  }
  if (event.applicantReceivedOn !== undefined && event.applicantReceivedOn < event.on) {
    fail("validation", "申请人收到收费通知的日期不能早于发出日期", [
      { path: "applicantReceivedOn", message: "不能早于发出日期" },
    ]);
  }
  if (event.applicantReceivedOn !== undefined && event.applicantReceivedOn > context.today) {
    refuse(`收到收费通知的日期${event.applicantReceivedOn}晚于今天`);
  }
}

/** OGI Art. 35: once, while the clock runs, before the deadline, to a later day told in time. */
function checkReasonableExtension(r: Running, event: EventOf<"extend-reasonable">, before: IsoDate) {
  if (r.reasonableDue) refuse("延迟答复的合理期限已确定（条例第三十五条）");
  mustBeRunning(r, "确定延迟答复的合理期限");
  if (event.on > before) refuse(`答复期限已于${before}届满，不能再确定延迟答复的期限`);
  if (event.dueOn <= before) refuse(`延迟答复的合理期限须晚于现答复期限${before}（条例第三十五条）`);
  if (event.applicantNotifiedOn < event.on || event.applicantNotifiedOn > before) {
    refuse(`延迟答复的期限和理由须在原期限${before}内告知申请人（条例第三十五条）`);
  }
}

/** `before`: the due date the extension would move, counted before the other checks as ever. */
function checkExtension(r: Running, event: EventOf<"extend">, before: IsoDate) {
  if (r.extended) refuse("答复期限只能延长一次（条例第三十三条）");
  if (r.reasonableDue) refuse("已依条例第三十五条确定延迟答复的合理期限，不再按第三十三条延长");
  mustBeRunning(r, "延长答复期限");
  if (event.on > before) refuse(`答复期限已于${before}届满，不能再延长`);
  if (event.applicantNotifiedOn < event.on || event.applicantNotifiedOn > before) {
    refuse(`延期须在原期限${before}内告知申请人`);
  }
}

function checkResponse(event: EventOf<"respond">) {
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
