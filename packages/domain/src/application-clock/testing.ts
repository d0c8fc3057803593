/** The clock as the tests drive it: one in-person application, its events recorded one by one. */
import { expect } from "vitest";
import type { ApplicationEventInput } from "../application.ts";
import { builtInCalendar } from "../calendar.ts";
import { DomainError } from "../error.ts";
import { checkNewEvent } from "./event-log.ts";
import { applicationClock } from "./replay.ts";

export const cal = builtInCalendar();
export const today = "2030-01-01";
export const clockOf = (
  receivedOn: string,
  events: ApplicationEventInput[] = [],
  at = today,
  calendar = cal,
) => applicationClock({ channel: "in-person", receivedOn }, events, calendar, at);

/** Applies events one by one as the API does, each checked against the rules. */
export function run(receivedOn: string, events: ApplicationEventInput[], at = today) {
  const app = { channel: "in-person" as const, receivedOn, events: [] as never[] };
  let clock = clockOf(receivedOn);
  for (const event of events) {
    clock = checkNewEvent(app, event, cal, at);
    (app.events as unknown[]).push({ ...event, at: "", by: "" });
  }
  return clock;
}

export const refused = (action: () => unknown): string => {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).message;
  }
  throw new Error("expected the event to be refused");
};

/** OGI Art. 30: the one correction request. */
export const request = (on: string, correctBy: string): ApplicationEventInput => ({
  type: "request-correction",
  on,
  items: ["所需信息的名称不明确"],
  correctBy,
});

/** OGI Art. 33: the one extension, the applicant told the same day. */
export const extend = (on: string, days = 20): ApplicationEventInput => ({
  type: "extend",
  on,
  days,
  approver: "市政府办公室主任",
  applicantNotifiedOn: on,
});
