import {
  type Consultation,
  type ConsultationFeedbackInput,
  type ConsultationView,
  canSeeUnit,
  checkCommentWindow,
  consultationStats,
  fail,
  type IsoDate,
  newConsultation,
  type OpenConsultationInput,
  phaseOf,
  planned,
  publicConsultation,
  publishFeedback,
  type SubmitCommentInput,
  yearOf,
} from "@gov/domain";
import { type ConsultationFilter, newId, type PageRequest, type Principal } from "@gov/store";
import { auditOf } from "./audit.ts";
import type { Change } from "./change.ts";
import { checkDates, nowIso, todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { checkVersion } from "./version.ts";
import { alsoWritten, type CreateOptions } from "./writes.ts";

/** 征求意见: the drafting unit opens one on its draft and publishes the feedback; anyone comments inside the window. */

/** The drafting unit's view: the record with its phase as of today. */
const view = (consultation: Consultation, today: IsoDate): ConsultationView => ({
  ...consultation,
  phase: phaseOf(consultation, today),
});

/** Another unit's consultation reads as missing (its existence is not revealed), checked at the version the caller read. */
async function scopedConsultation(deps: Deps, actor: Principal, change: Change): Promise<Consultation> {
  const found = await deps.store.consultations.get(change.id, { consistent: true });
  if (!found || !canSeeUnit(actor, found.unitCode)) return fail("not-found", "征求意见不存在");
  checkVersion(found.version, change.expectedVersion);
  return found;
}

/** A unit opens a consultation on one of its own items; the window is whole Beijing days, both ends included. */
export async function openConsultation(
  deps: Deps,
  actor: Principal,
  input: OpenConsultationInput,
  options: CreateOptions<ConsultationView> = {},
): Promise<ConsultationView> {
  checkDates(deps, [planned("opensOn", input.opensOn), planned("closesOn", input.closesOn)]);
  const item = await deps.store.items.get(input.itemId, { consistent: true });
  if (!item || !canSeeUnit(actor, item.unitCode)) {
    fail("unprocessable", "关联的信息不存在", [{ path: "itemId", message: "须为本单位的信息" }]);
  }
  const today = todayOf(deps);
  const consultation = newConsultation(input, actor.unitCode, newId("consultation"), today, nowIso(deps));
  const opened = view(consultation, today);
  await deps.store.consultations.create(
    consultation,
    auditOf("consultation", consultation, "open", actor),
    alsoWritten(options, opened),
  );
  return opened;
}

/** A unit's consultations (the office: all), newest opening first. */
export async function listConsultations(
  deps: Deps,
  actor: Principal,
  input: Pick<ConsultationFilter, "phase"> & PageRequest,
) {
  const { phase, ...page } = input;
  const today = todayOf(deps);
  const result = await deps.store.consultations.list({ phase }, today, page, actor);
  return { items: result.items.map((x) => view(x, today)), nextCursor: result.nextCursor };
}

/** The comments received, with the commenters' contact: for the drafting unit only. */
export async function consultationComments(deps: Deps, actor: Principal, id: string) {
  const consultation = await scopedConsultation(deps, actor, { id });
  return deps.store.consultations.comments(consultation.id);
}

/**
 * After the window, once: how many comments were adopted and why the others were not, against
 * the number actually received (counted by the system, never declared).
 */
export async function publishConsultationFeedback(
  deps: Deps,
  actor: Principal,
  input: Change & { feedback: ConsultationFeedbackInput },
): Promise<ConsultationView> {
  const consultation = await scopedConsultation(deps, actor, input);
  const { store, clock } = deps;
  const received = await store.consultations.countComments(consultation.id);
  const today = todayOf(deps);
  const next = publishFeedback(consultation, input.feedback, received, today, clock().toISOString());
  await store.consultations.update(next, consultation, auditOf("consultation", next, "feedback", actor));
  return view(next, today);
}

/** Consultations as the portal lists them: upcoming, open and closed, newest opening first. */
export async function publicConsultations(deps: Deps, input: ConsultationFilter & PageRequest) {
  const { limit, cursor, ...filter } = input;
  const today = todayOf(deps);
  const result = await deps.store.consultations.list(filter, today, { limit, cursor });
  return { items: result.items.map((x) => publicConsultation(x, today)), nextCursor: result.nextCursor };
}

/** One consultation as the portal shows it, with the feedback once published. */
export async function publicConsultationDetail(deps: Deps, id: string) {
  const found = await deps.store.consultations.get(id);
  if (!found) return fail("not-found", "征求意见不存在");
  return publicConsultation(found, todayOf(deps));
}

export type CommentReceipt = { id: string; consultationId: string; receivedAt: string };

/** Anyone comments while the consultation is open (both window days included, Beijing time). */
export async function submitComment(
  deps: Deps,
  input: { consultationId: string; comment: SubmitCommentInput },
  options: CreateOptions<CommentReceipt> = {},
): Promise<CommentReceipt> {
  const { consultationId } = input;
  const consultation = await deps.store.consultations.get(consultationId, { consistent: true });
  if (!consultation) return fail("not-found", "征求意见不存在");
  checkCommentWindow(consultation, todayOf(deps));
  const receipt = { id: newId("comment"), consultationId, receivedAt: nowIso(deps) };
  await deps.store.consultations.addComment({ ...receipt, ...input.comment }, alsoWritten(options, receipt));
  return receipt;
}

/** A year's figures (the current year unless named): consultations, comments received, adoption. */
export async function consultationYear(deps: Deps, year: number | undefined) {
  const of = year ?? yearOf(todayOf(deps));
  return consultationStats(of, await deps.store.consultations.ofYear(of));
}
