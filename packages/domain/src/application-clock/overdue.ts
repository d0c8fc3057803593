import { z } from "zod";
import { type Calendar, workingDaysBetween } from "../calendar.ts";
import type { IsoDate } from "../date.ts";
import type { Settings } from "../settings.ts";
import type { ApplicationClock } from "./replay.ts";

export const ApplicationTimeliness = z.enum(["on-time", "overdue", "very-overdue"]);
export type ApplicationTimeliness = z.infer<typeof ApplicationTimeliness>;

/**
 * Derived, never stored: an open application past its due date is overdue, and very overdue
 * once `veryOverdueWorkingDays` working days have passed since; an ended one is judged on
 * the day it ended.
 */
export function timelinessOfApplication(
  clock: { dueOn: ApplicationClock["dueOn"]; endedOn?: IsoDate | undefined },
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
