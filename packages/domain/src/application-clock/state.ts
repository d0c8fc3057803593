import type {
  ApplicationChannel,
  ApplicationEventInput,
  OnlineConfirmation,
  ProvisionForm,
  ResponseType,
  SystemEvent,
} from "../application.ts";
import type { ReportRow } from "../application-report.ts";
import type { IsoDate } from "../date.ts";

/** OGI Art. 33: 20 working days; one extension of at most 20 more. */
export const replyWorkingDays = 20;
/** OGI Art. 30: a correction may be requested only within 7 working days of receipt. */
export const correctionRequestWorkingDays = 7;
/**
 * OGI Art. 32: the third party has 15 working days from its receipt of the letter; only that
 * much is not counted.
 */
export const thirdPartyWorkingDays = 15;
/** 国办函〔2020〕109号: the applicant pays within 20 working days from the day after receiving the notice. */
export const feePaymentWorkingDays = 20;

export type PauseKind = "third-party" | "agency" | "fee";
export type Pause = {
  kind: PauseKind;
  /**
   * The first day not counted: the day after a consultation is sent (Art. 32, 33); the fee
   * notice's own day, since 109号 leaves out the period 自发出收费通知之日起.
   */
  firstDay: IsoDate;
  /** The last day not counted: the reply or the payment day; null while open (runs through today). */
  to: IsoDate | null;
  /** The third party's 15 working days end here (Art. 32): later days count again. */
  until?: IsoDate;
  /** The day the third party received the letter, and whether it was assumed to be the day sent. */
  thirdPartyReceipt?: { on: IsoDate; assumed: boolean };
  /** The fee notice: the last day to pay (109号); before it the application may not be closed as unpaid. */
  payBy?: IsoDate;
};

export const pauseLabel: Record<PauseKind, string> = {
  "third-party": "征求第三方意见",
  agency: "征求其他机关意见",
  fee: "收费通知至缴费",
};

/** What the clock needs of an application besides its events. */
export type Clocked = {
  channel: ApplicationChannel;
  receivedOn: IsoDate;
  confirmation?: OnlineConfirmation | undefined;
  provisionForm?: ProvisionForm | undefined;
};
export type AnyEvent = ApplicationEventInput | SystemEvent;

/**
 * Where the log so far has left the clock: replay builds it event by event, and the event
 * checks read it, so a new event is judged on the same state that explains the old ones.
 */
export type Running = {
  /** The receipt day the count starts from (restarted by a correction). */
  start: IsoDate;
  /** OGI Art. 31(三): an online application not yet confirmed by the office; no clock runs. */
  awaitingConfirmation: boolean;
  /** Confirmed (by the office or automatically) on this day, for online applications. */
  confirmedOn: IsoDate | null;
  /** The automatic confirmation day, when the setting confirms automatically. */
  autoConfirmOn: IsoDate | null;
  /** A `confirm` event has been recorded (once is the rule). */
  confirmRecorded: boolean;
  budget: number;
  pauses: Pause[];
  extended: boolean;
  /** OGI Art. 35: the reasonable deadline set for an excessive application; it replaces the count. */
  reasonableDue: IsoDate | null;
  /** The day of the Art. 33 extension: the statistics count it in that day's year. */
  extendedOn: IsoDate | null;
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

export const openPause = (r: Running): Pause | undefined => r.pauses.find((p) => p.to === null);
