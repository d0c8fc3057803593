import type { ResponseType } from "../application.ts";
import { rowLabel, rowOfEnding, unavailableBasis } from "../application-report.ts";
import { addWorkingDays, type Calendar } from "../calendar.ts";
import { nextDay } from "../date.ts";
import {
  type AnyEvent,
  feePaymentWorkingDays,
  openPause,
  type Running,
  replyWorkingDays,
  thirdPartyWorkingDays,
} from "./state.ts";

/** One line of the explanation: what the event was and what it did to the clock, in Chinese. */
export type Effect = { event: string; effect: string };

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

/**
 * What one event does to the running clock (OGI Art. 30–36), and how the explanation says
 * it. Whether the event was allowed is the event checks' business, asked before this.
 */
export function applyEvent(r: Running, event: AnyEvent, calendar: Calendar): Effect {
  const open = openPause(r);
  const closePause = () => {
    if (open) open.to = event.on;
  };

  switch (event.type) {
    case "confirm":
      r.awaitingConfirmation = false;
      r.confirmRecorded = true;
      r.confirmedOn = event.on;
      r.start = event.on;
      return {
        event: "确认收到",
        effect: `本机关确认收到网上申请，${event.on}为收到申请之日，自次日起计算${replyWorkingDays}个工作日（条例第三十一条第三项）`,
      };
    case "accept":
      r.accepted = true;
      return { event: "受理", effect: "登记受理，不影响答复期限" };
    case "request-correction":
      r.correctionRequested = true;
      r.correctBy = event.correctBy;
      return {
        event: "告知补正",
        effect: `一次性告知补正${event.items.length}项，补正期限至${event.correctBy}；答复期限暂停，收到补正后重新起算（条例第三十条）`,
      };
    case "correction-received":
      r.correctBy = null;
      r.start = event.on;
      r.budget = replyWorkingDays;
      r.pauses = [];
      return {
        event: "收到补正",
        effect: `以收到补正之日${event.on}为收到申请之日，重新计算${replyWorkingDays}个工作日（条例第三十条）`,
      };
    case "abandon":
      r.ended = { state: "closed", on: event.on, outcome: rowOfEnding({ type: "abandon" }) };
      return { event: "视为放弃", effect: "申请人无正当理由逾期不补正，视为放弃申请，办结（条例第三十条）" };
    case "consult-third-party": {
      // Until the third party's receipt is recorded, it is assumed to be the day sent.
      const by = addWorkingDays(calendar, event.on, thirdPartyWorkingDays).date;
      r.pauses.push({
        kind: "third-party",
        firstDay: nextDay(event.on),
        to: null,
        until: by,
        thirdPartyReceipt: { on: event.on, assumed: true },
      });
      return {
        event: "征求第三方意见",
        effect: `书面征求${event.thirdParty}意见；第三方收到之日未记录，暂按发出之日推定，应于${thirdPartyWorkingDays}个工作日内（${by}前）答复；所需时间不计入答复期限，至多至第三方答复期限届满（条例第三十二条）`,
      };
    }
    case "third-party-received": {
      const by = addWorkingDays(calendar, event.on, thirdPartyWorkingDays).date;
      if (open) {
        open.until = by;
        open.thirdPartyReceipt = { on: event.on, assumed: false };
      }
      return {
        event: "第三方收到征求意见",
        effect: `第三方于${event.on}收到征求意见书，自收到之日起${thirdPartyWorkingDays}个工作日内（${by}前）提出意见（条例第三十二条）`,
      };
    }
    case "third-party-replied":
      closePause();
      return { event: "第三方答复", effect: "征求第三方意见结束，次日起恢复计算答复期限" };
    case "consult-agency":
      r.pauses.push({ kind: "agency", firstDay: nextDay(event.on), to: null });
      return {
        event: "征求其他机关意见",
        effect: `征求${event.agency}意见，所需时间不计入答复期限（条例第三十三条第三款）`,
      };
    case "agency-replied":
      closePause();
      return { event: "其他机关答复", effect: "征求其他机关意见结束，次日起恢复计算答复期限" };
    case "extend":
      r.extended = true;
      r.extendedOn = event.on;
      r.budget += event.days;
      return {
        event: "延长答复期限",
        effect: `经${event.approver}同意延长${event.days}个工作日，已于${event.applicantNotifiedOn}告知申请人（条例第三十三条第二款）`,
      };
    case "extend-reasonable":
      r.reasonableDue = event.dueOn;
      return {
        event: "确定延迟答复的合理期限",
        effect: `申请的数量、频次明显超过合理范围，理由合理但无法在法定期限内答复，确定延迟答复的合理期限至${event.dueOn}，理由：${event.reason}；已于${event.applicantNotifiedOn}告知申请人（条例第三十五条）`,
      };
    case "fee-notice": {
      const receivedOn = event.applicantReceivedOn ?? event.on;
      const payBy = addWorkingDays(calendar, receivedOn, feePaymentWorkingDays).date;
      // 109号: 自发出收费通知之日起至缴费之日止 is not counted, both days included.
      r.pauses.push({ kind: "fee", firstDay: event.on, to: null, payBy });
      return {
        event: "收费通知",
        effect:
          `通知缴纳信息处理费${event.amountYuan}元${event.basis === "by-pages" ? "（按量计收）" : event.basis === "by-count" ? "（按件计收）" : ""}；` +
          `申请人${event.applicantReceivedOn ? `于${receivedOn}收到通知` : "收到通知之日未记录，按发出之日推定"}，应于次日起${feePaymentWorkingDays}个工作日内（${payBy}前）缴费；` +
          `自发出通知之日至缴费之日不计入答复期限（国办函〔2020〕109号）`,
      };
    }
    case "fee-paid":
      closePause();
      return { event: "已缴费", effect: "缴费之日不计入答复期限，次日起恢复计算（国办函〔2020〕109号）" };
    case "fee-unpaid":
      closePause();
      r.ended = { state: "closed", on: event.on, outcome: rowOfEnding({ type: "fee-unpaid" }) };
      return {
        event: "逾期未缴费",
        effect: `申请人逾期（${open?.payBy ?? "缴费期限"}前）未缴纳信息处理费，视为放弃申请，不再处理，办结（国办函〔2020〕109号）`,
      };
    case "respond":
      r.ended = {
        state: "answered",
        on: event.on,
        outcome: rowOfEnding(event),
        responseType: event.responseType,
      };
      return {
        event: "答复",
        effect: `作出答复：${
          // 无法提供 says its row and the article of that row (36(四), 38 or 30), as table three does.
          event.responseType === "does-not-exist" && event.unavailableGround
            ? `无法提供：${rowLabel(r.ended.outcome)}（${unavailableBasis[event.unavailableGround]}）`
            : responseLabel[event.responseType]
        }，办结`,
      };
    case "decline":
      r.ended = { state: "answered", on: event.on, outcome: rowOfEnding(event) };
      return { event: "不予处理", effect: "告知申请人不予处理，办结" };
    case "close-other":
      r.ended = { state: "closed", on: event.on, outcome: rowOfEnding(event) };
      return { event: "其他处理", effect: `${event.note}，办结` };
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
