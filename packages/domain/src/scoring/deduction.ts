import { z } from "zod";
import { findColumn } from "../column.ts";
import type { ApplicationFact, ItemFact, LetterFact } from "./facts.ts";

/**
 * One lost point's cause: the record to fix (an item id, or a column id for column rules),
 * why, and where to see it, so a unit knows exactly what to correct.
 */
export const Deduction = z.object({
  recordId: z.string(),
  reason: z.string(),
  title: z.string().optional(),
  link: z.string().optional(),
});
export type Deduction = z.infer<typeof Deduction>;

const itemLink = (item: ItemFact) => `/public/v1/items/${encodeURIComponent(item.indexNumber ?? item.id)}`;
export const aboutItem = (item: ItemFact, reason: string): Deduction => ({
  recordId: item.id,
  reason,
  title: item.title,
  link: itemLink(item),
});

export const columnLink = (columnId: string, unitCode: string) =>
  `/public/v1/items?column=${encodeURIComponent(columnId)}&unit=${encodeURIComponent(unitCode)}`;
export const aboutColumn = (columnId: string, unitCode: string, reason: string): Deduction => ({
  recordId: columnId,
  reason,
  title: findColumn(columnId)?.name ?? columnId,
  link: columnLink(columnId, unitCode),
});

/** Staff pages of the record (apps/publish): the unit sees it there; nothing public names a person. */
const applicationLink = (id: string) => `/publish/v1/applications/${encodeURIComponent(id)}`;
const letterLink = (id: string) => `/publish/v1/letters/${encodeURIComponent(id)}`;
/** Titled by tracking code: a description or a subject may carry personal data, and sheets are circulated. */
export const aboutApplication = (application: ApplicationFact, reason: string): Deduction => ({
  recordId: application.id,
  reason,
  title: `依申请公开 ${application.trackingCode}`,
  link: applicationLink(application.id),
});
export const aboutLetter = (letter: LetterFact, reason: string): Deduction => ({
  recordId: letter.id,
  reason,
  title: `市长信箱来信 ${letter.trackingCode}`,
  link: letterLink(letter.id),
});
