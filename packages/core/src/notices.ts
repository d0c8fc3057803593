import {
  type AcknowledgeInput,
  acknowledge,
  checkNoticeWrites,
  clockOfNotice,
  contactKinds,
  type DeliveryRecipient,
  DomainError,
  fail,
  hasRole,
  type IssueNoticeInput,
  type Notice,
  type NoticeView,
  newDeliveries,
  newNotice,
  pendingReceipts,
  planned,
  type Receipt,
  type ReceiptsOverview,
  receiptDeadline,
  receiptsOverview,
  receiptView,
  resolveTargets,
} from "@gov/domain";
import { newId, type Page, type Principal } from "@gov/store";
import { auditOf } from "./audit.ts";
import { currentCalendar } from "./calendar.ts";
import { checkDates, nowIso, todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { alsoWritten, type CreateOptions } from "./writes.ts";

// Delivery (WeCom, DingTalk, email, SMS) comes from an outbox written in `issueNotice`'s own
// transaction: one delivery per target unit and channel, so a notice is never issued undelivered.

/** Deadlines are read on the calendar in force, so a provisional one settles once its year is loaded. */
async function viewOf(deps: Deps, notice: Notice, ownReceipt: Receipt | null): Promise<NoticeView> {
  const deadline = receiptDeadline(notice, await currentCalendar(deps));
  return {
    ...notice,
    receiptDeadline: deadline,
    ownReceipt: ownReceipt && receiptView(ownReceipt, deadline, todayOf(deps)),
  };
}

const requireOffice = (actor: Principal) => {
  if (!hasRole(actor, "office")) fail("forbidden", "只有政务公开办可以发布通知和查看回执");
};

/**
 * The office issues a notice: the targets become the units they name today, and each gets a
 * pending receipt, and a pending delivery per channel it has today, in the notice's own
 * transaction. Everything is counted against the transaction's limit before anything is written.
 * `deliverTo: "leadership"` sends it to each target's leadership contact instead of the unit's
 * channels (the 督办 escalation, ADR 0053); the unit still finds it among its notices.
 */
export async function issueNotice(
  deps: Deps,
  actor: Principal,
  input: IssueNoticeInput,
  options: CreateOptions<NoticeView> & { deliverTo?: DeliveryRecipient } = {},
): Promise<NoticeView> {
  requireOffice(actor);
  checkDates(deps, [planned("receipt.dueOn", input.receipt.dueOn)]);
  const unitCodes = resolveTargets(input.targets, await deps.store.units.list());
  const notice = newNotice(input, unitCodes, {
    id: newId("notice"),
    issuedBy: actor.unitCode,
    now: nowIso(deps),
  });
  const deliveries = newDeliveries(
    notice,
    await kindsOfTargets(deps, unitCodes, options.deliverTo ?? "unit"),
    () => newId("delivery"),
    options.deliverTo,
  );
  const receipts = pendingReceipts(notice);
  const view = await viewOf(deps, notice, null);
  const extra = alsoWritten(options, view);
  // A required receipt is also a supervision clock, written by the store in this transaction (ADR 0049).
  const clock = clockOfNotice(notice) ? 1 : 0;
  checkNoticeWrites({
    receipts: receipts.length,
    deliveries: deliveries.length,
    extra: extra.length + clock,
  });
  await deps.store.notices.create(notice, receipts, auditOf("notice", notice, "issue", actor, notice.title), [
    ...deps.store.deliveries.writes(deliveries),
    ...extra,
  ]);
  if (deliveries.length > 0) await wakeDispatcher(deps, notice.id);
  return view;
}

/** The channel kinds each target has today: its own, or its leadership contact's. */
async function kindsOfTargets(deps: Deps, unitCodes: string[], recipient: DeliveryRecipient) {
  if (recipient === "leadership") {
    const contacts = await deps.store.leadershipContacts.ofUnits(unitCodes);
    return (unitCode: string) => {
      const masked = contacts.get(unitCode)?.masked;
      return masked ? contactKinds(masked) : [];
    };
  }
  const channels = await deps.store.unitChannels.ofUnits(unitCodes);
  return (unitCode: string) => channels.get(unitCode)?.channels.map((c) => c.kind) ?? [];
}

/**
 * Best effort: the deliveries are committed and the dispatcher's schedule sends them anyway,
 * so a failed wake-up is logged and never fails the notice (ADR 0048).
 */
export async function wakeDispatcher(deps: Deps, noticeId: string) {
  try {
    await deps.wakeDispatcher?.();
  } catch (error) {
    console.error(
      JSON.stringify({ level: "warn", event: "dispatcher-wake-failed", noticeId, error: String(error) }),
    );
  }
}

/** Newest first: the office sees every notice, a unit the notices sent to it, each with its own receipt. */
export async function listNotices(
  deps: Deps,
  actor: Principal,
  input: { limit: number; cursor?: string | undefined },
): Promise<Page<NoticeView>> {
  if (hasRole(actor, "office")) {
    const page = await deps.store.notices.list(input);
    return {
      items: await Promise.all(page.items.map((n) => viewOf(deps, n, null))),
      nextCursor: page.nextCursor,
    };
  }
  const page = await deps.store.notices.listOfUnit(actor.unitCode, input);
  return {
    items: await Promise.all(page.items.map((u) => viewOf(deps, u.notice, u.receipt))),
    nextCursor: page.nextCursor,
  };
}

/**
 * The notice as the actor may see it: the office any, a unit only one sent to it. To any
 * other unit it does not exist (404, never 403), so ids reveal nothing.
 */
async function visibleNotice(deps: Deps, actor: Principal, id: string) {
  const notice = await deps.store.notices.get(id);
  if (notice && hasRole(actor, "office")) return { notice, receipt: null };
  const receipt = notice && (await deps.store.notices.receipt(id, actor.unitCode));
  if (!notice || !receipt) return fail("not-found", "通知不存在");
  return { notice, receipt };
}

export async function noticeDetail(deps: Deps, actor: Principal, input: { id: string }): Promise<NoticeView> {
  const { notice, receipt } = await visibleNotice(deps, actor, input.id);
  return viewOf(deps, notice, receipt);
}

/**
 * A target unit acknowledges with its own key. Twice is harmless: the first acknowledgement
 * stands and nothing is written, including when two arrive at once and one loses the race.
 */
export async function acknowledgeNotice(
  deps: Deps,
  actor: Principal,
  input: AcknowledgeInput & { id: string },
): Promise<NoticeView> {
  const { id, ...ack } = input;
  const notice = await deps.store.notices.get(id);
  const before = notice && (await deps.store.notices.receipt(id, actor.unitCode));
  if (!notice || !before) return fail("not-found", "通知不存在");
  const { receipt, changed } = acknowledge(before, ack, actor.keyId, nowIso(deps));
  if (!changed) return viewOf(deps, notice, receipt);
  try {
    await deps.store.notices.acknowledge(
      receipt,
      before,
      auditOf(
        "notice-receipt",
        { id: `${id}/${actor.unitCode}`, ...receipt },
        "acknowledge",
        actor,
        ack.note,
      ),
    );
  } catch (error) {
    if (!(error instanceof DomainError && error.kind === "precondition-failed")) throw error;
    const stored = await deps.store.notices.receipt(id, actor.unitCode);
    if (!stored?.acknowledgedAt) throw error;
    return viewOf(deps, notice, stored);
  }
  return viewOf(deps, notice, receipt);
}

/** The office's view of a notice's receipts: each target unit's status and the counts. */
export async function receiptsOf(
  deps: Deps,
  actor: Principal,
  input: { id: string },
): Promise<ReceiptsOverview> {
  requireOffice(actor);
  const notice = (await deps.store.notices.get(input.id)) ?? fail("not-found", "通知不存在");
  const receipts = await deps.store.notices.receipts(notice.id);
  return receiptsOverview(notice, receipts, await currentCalendar(deps), todayOf(deps));
}
