import { z } from "zod";
import { Applicant, Application } from "./application.ts";
import { ApplicationTimeliness } from "./application-clock/overdue.ts";
import { ExplanationLine } from "./application-clock/replay.ts";
import { Item } from "./item.ts";

/**
 * What staff are shown of an application: the record with its clock recounted as of today.
 * core builds them (the clock needs the current calendar); their shapes are the domain's.
 */

/** A list entry: the record without its events, with its state, due date and timeliness as of today. */
export const ApplicationListEntry = Application.omit({ events: true }).extend({
  timeliness: ApplicationTimeliness,
});
export type ApplicationListEntry = z.infer<typeof ApplicationListEntry>;

/** The detail: the whole record, why it is due when it is, and the applicant (personal data). */
export const ApplicationDetail = Application.extend({
  timeliness: ApplicationTimeliness,
  explanation: z.array(ExplanationLine),
  applicant: Applicant.nullable(),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

/** 转主动公开: the drafted item and the application that records it. */
export const DisclosedApplication = z.object({ item: Item, application: ApplicationDetail });
export type DisclosedApplication = z.infer<typeof DisclosedApplication>;
