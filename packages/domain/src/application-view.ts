import { z } from "zod";
import { Applicant, Application, ApplicationState, ResponseType } from "./application.ts";
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

/**
 * One unit's part of an application (ADR 0061) as staff see it beside any part: who holds it,
 * where it stands and when it is due, so the office follows every part from one detail and a
 * unit knows who else answers the same request. Another unit's record stays its own (404).
 */
export const ApplicationPartSummary = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  state: ApplicationState,
  receivedOn: z.string(),
  dueOn: z.string().nullable(),
  dueIsProvisional: z.boolean(),
  overdue: z.boolean(),
  responseType: ResponseType.optional(),
  endedOn: z.string().optional(),
});
export type ApplicationPartSummary = z.infer<typeof ApplicationPartSummary>;

/** The detail: the whole record, why it is due when it is, the applicant (personal data) and every unit's part. */
export const ApplicationDetail = Application.extend({
  timeliness: ApplicationTimeliness,
  explanation: z.array(ExplanationLine),
  applicant: Applicant.nullable(),
  parts: z.array(ApplicationPartSummary),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

/** 转主动公开: the drafted item and the application that records it. */
export const DisclosedApplication = z.object({ item: Item, application: ApplicationDetail });
export type DisclosedApplication = z.infer<typeof DisclosedApplication>;
