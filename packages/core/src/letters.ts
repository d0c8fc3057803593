import {
  canSeeLetter,
  fail,
  isLetterOverdue,
  type Letter,
  type LetterDetail,
  type LetterState,
  type LetterView,
  latestOverdueReceipt,
  letterDueDate,
  letterView,
  newLetter,
  publishedLetter,
  type ReplyLetterInput,
  replyToLetter as replied,
  type SubmitLetterInput,
  type TransferLetterInput,
  transferLetter as transferred,
  yearOf,
} from "@gov/domain";
import {
  issueTrackingCredentials,
  newId,
  type PageRequest,
  type Principal,
  type PublishedLetterFilter,
} from "@gov/store";
import { auditOf } from "./audit.ts";
import { currentCalendar } from "./calendar.ts";
import type { Change } from "./change.ts";
import { nowIso, todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { byCredentials, type Credentials, citizen } from "./intake.ts";
import { statusMailWrites, watchWrites } from "./status-watches.ts";
import type { PortalLinks } from "./subscriptions.ts";
import { checkVersion } from "./version.ts";
import { alsoWritten, type CreateOptions } from "./writes.ts";

/** 市长信箱: anyone writes; the office assigns and transfers, the holding unit replies, consent publishes. */

// Staff views count deadlines with the built-in calendar, as they always have; the writer's
// status and receipt count them with the calendar in force.
const view = (deps: Deps, letter: Letter) => letterView(letter, deps.calendar, deps.settings, todayOf(deps));

/** The letter as the caller may see it (another unit's reads as missing), at the version the caller read. */
async function readLetter(deps: Deps, actor: Principal, change: Change) {
  const letter = await deps.store.letters.get(change.id, { consistent: true });
  if (!letter || !canSeeLetter(actor, letter)) return fail("not-found", "来信不存在");
  checkVersion(letter.version, change.expectedVersion);
  return letter;
}

/** The letters a unit holds (the office: the whole mailbox), newest receipt first; `overdue` filters either way. */
export async function listLetters(
  deps: Deps,
  actor: Principal,
  input: { state?: LetterState | undefined; overdue?: boolean | undefined } & PageRequest,
) {
  const { state, overdue, ...page } = input;
  const filter = {
    state,
    openReceivedOnOrBefore: overdue
      ? latestOverdueReceipt(deps.calendar, deps.settings, todayOf(deps))
      : undefined,
  };
  const result = await deps.store.letters.list(actor, filter, page);
  // "Not overdue" is the complement; it reads the list and drops the overdue ones.
  const items = result.items.map((l) => view(deps, l)).filter((l) => overdue !== false || !l.overdue);
  return { items, nextCursor: result.nextCursor };
}

/** The letter with its writer's contact: read only by the unit that holds it and the office. */
export async function letterDetail(deps: Deps, actor: Principal, input: Change): Promise<LetterDetail> {
  const letter = await readLetter(deps, actor, input);
  const writer = await deps.store.letters.writer(letter.id);
  return { ...view(deps, letter), writer: writer ?? null };
}

/** 交办、转办: the office moves any letter, a holding unit passes its own on; the move is recorded with its reason. */
export async function transferLetter(
  deps: Deps,
  actor: Principal,
  input: Change & TransferLetterInput,
): Promise<LetterView> {
  const letter = await readLetter(deps, actor, input);
  if (!(await deps.store.units.get(input.unitCode))) {
    fail("unprocessable", "目标单位不存在", [{ path: "unitCode", message: `单位“${input.unitCode}”不存在` }]);
  }
  const next = transferred(letter, actor, input, nowIso(deps));
  await deps.store.letters.update(
    next,
    letter,
    auditOf("letter", next, "transfer", actor, input.reason),
    await letterStatusMail(deps, letter, next),
  );
  return view(deps, next);
}

/** The holding unit answers once, dated today (Beijing time), signed with its name as it is now. */
export async function replyToLetter(
  deps: Deps,
  actor: Principal,
  input: Change & ReplyLetterInput,
): Promise<LetterView> {
  const letter = await readLetter(deps, actor, input);
  const unit = await deps.store.units.get(actor.unitCode);
  const reply = { body: input.body, unitName: unit?.name ?? actor.unitCode };
  const next = replied(letter, actor, reply, deps.clock(), todayOf(deps));
  await deps.store.letters.update(
    next,
    letter,
    auditOf("letter", next, "reply", actor),
    await letterStatusMail(deps, letter, next),
  );
  return view(deps, next);
}

const letterStateTold: Record<LetterState, string> = {
  received: "已受理",
  assigned: "已交承办单位办理",
  replied: "已答复",
};

/** The writer's status mail, if they asked for one and the state changed (ADR 0060). */
const letterStatusMail = (deps: Deps, before: Letter, next: Letter) =>
  before.state === next.state
    ? Promise.resolve([])
    : statusMailWrites(deps, {
        recordId: next.id,
        unitCode: next.unitCode ?? before.unitCode ?? "public",
        what: "市长信箱来信",
        trackingCode: next.trackingCode,
        state: letterStateTold[next.state],
        statusPath: "/mailbox/status",
      });

/** What the writer is told on submission, besides the secret (which no stored answer may hold). */
export type LetterReceipt = Pick<
  LetterView,
  "id" | "trackingCode" | "receivedOn" | "dueOn" | "dueIsProvisional"
>;

/** A citizen writes to the mailbox: the letter, its writer in their own record, and tracking credentials. */
export async function submitLetter(
  deps: Deps,
  input: SubmitLetterInput,
  options: CreateOptions<LetterReceipt> = {},
  /** Where status mails link to (the portal the writer used); needed only with `notifyByEmail`. */
  links?: PortalLinks,
): Promise<{ receipt: LetterReceipt; secret: string }> {
  const { store } = deps;
  if (input.unitCode && !(await store.units.get(input.unitCode))) {
    fail("unprocessable", "建议的承办单位不存在", [
      { path: "unitCode", message: `单位“${input.unitCode}”不存在` },
    ]);
  }
  const today = todayOf(deps);
  const { trackingCode, secret, secretHash } = issueTrackingCredentials("XX", yearOf(today));
  const letter = newLetter(input, { id: newId("letter"), trackingCode }, today, nowIso(deps));
  const due = letterDueDate(letter, await currentCalendar(deps), deps.settings);
  const receipt = {
    id: letter.id,
    trackingCode: letter.trackingCode,
    receivedOn: letter.receivedOn,
    dueOn: due.date,
    dueIsProvisional: due.provisional,
  };
  const audit = auditOf("letter", letter, "submit", citizen());
  const watch =
    input.notifyByEmail && input.writer.email && links
      ? watchWrites(deps, letter.id, input.writer.email, links)
      : [];
  await store.letters.create(letter, input.writer, secretHash, audit, [
    ...alsoWritten(options, receipt),
    ...watch,
  ]);
  return { receipt, secret };
}

/** The writer's own view, by tracking code and secret: progress, deadline and the reply, published or not. */
export async function letterStatus(deps: Deps, credentials: Credentials) {
  const { letter } = await byCredentials(deps, credentials, deps.store.letters.byTrackingCode);
  const calendar = await currentCalendar(deps);
  const due = letterDueDate(letter, calendar, deps.settings);
  return {
    trackingCode: letter.trackingCode,
    state: letter.state,
    receivedOn: letter.receivedOn,
    dueOn: due.date,
    dueIsProvisional: due.provisional,
    overdue: isLetterOverdue(letter, calendar, deps.settings, todayOf(deps)),
    reply:
      letter.reply && letter.repliedOn
        ? { repliedOn: letter.repliedOn, unitName: letter.reply.unitName, body: letter.reply.body }
        : null,
  };
}

/** Replies published with the writer's consent, as the portal shows them (never the writer). */
export async function publishedLetters(deps: Deps, filter: PublishedLetterFilter, page: PageRequest) {
  const result = await deps.store.letters.listPublished(filter, page);
  return {
    items: result.items.flatMap((letter) => publishedLetter(letter) ?? []),
    nextCursor: result.nextCursor,
  };
}

/** One published reply; a letter not published (no consent, no reply yet) reads as missing, as it does in the list. */
export async function publishedLetterDetail(deps: Deps, id: string) {
  const letter = await deps.store.letters.get(id);
  const published = letter && publishedLetter(letter);
  return published ?? fail("not-found", "公开答复不存在");
}
