import type { ApplicationChannel, ApplicationEventInput, ResponseType, SystemEvent } from "../application.ts";
import type { ReportRow } from "../application-report.ts";
import type { IsoDate } from "../date.ts";

/** OGI Art. 33: 20 working days; one extension of at most 20 more. */
export const replyWorkingDays = 20;
/** OGI Art. 30: a correction may be requested only within 7 working days of receipt. */
export const correctionRequestWorkingDays = 7;
/** OGI Art. 32: the third party has 15 working days; only that much is not counted. */
export const thirdPartyWorkingDays = 15;

export type PauseKind = "third-party" | "agency" | "fee";
export type Pause = { kind: PauseKind; from: IsoDate; to: IsoDate | null; capWorkingDays?: number };

export const pauseLabel: Record<PauseKind, string> = {
  "third-party": "征求第三方意见",
  agency: "征求其他机关意见",
  fee: "收费通知至缴费",
};

/** What the clock needs of an application besides its events. */
export type Clocked = { channel: ApplicationChannel; receivedOn: IsoDate };
export type AnyEvent = ApplicationEventInput | SystemEvent;

/**
 * Where the log so far has left the clock: replay builds it event by event, and the event
 * checks read it, so a new event is judged on the same state that explains the old ones.
 */
export type Running = {
  start: IsoDate;
  budget: number;
  pauses: Pause[];
  extended: boolean;
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
