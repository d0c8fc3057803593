import type {
  Application,
  ApplicationChannel,
  ApplicationEvent,
  ApplicationEventInput,
  SystemEvent,
} from "../application.ts";
import type { Calendar } from "../calendar.ts";
import type { IsoDate } from "../date.ts";
import { type ApplicationClock, applicationClock } from "./replay.ts";
import type { AnyEvent, Clocked } from "./state.ts";

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
  partOf?: string;
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
