import { createHash, randomUUID } from "node:crypto";
import {
  afterAttempt,
  type ChannelInput,
  type Delivery,
  deliveryPolicy,
  fail,
  hasRole,
  receiptDeadline,
  retriedDelivery,
  robotRate,
  type Senders,
  type SendOutcome,
  takeRobotSlot,
  webhookKey,
} from "@gov/domain";
import type { DeliveryFilter, Page, Principal, StoredUnitChannels } from "@gov/store";
import { currentCalendar } from "./calendar.ts";
import { nowIso } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { openChannel, requireSecrets } from "./unit-channels.ts";

/**
 * The outbox's dispatcher and the office's view of deliveries (ADR 0045). A dispatcher takes
 * due deliveries from the sparse due index, claims each with a lease (a conditional write:
 * two dispatchers never both hold one), keeps each robot within its rate in a window record
 * all dispatchers share, sends, and records the outcome on the delivery it holds.
 */

export type DispatchOptions = {
  /** Where a unit reads the whole notice: `${linkBase}/${noticeId}` (NOTICE_LINK_BASE). */
  linkBase: string;
  /** Uniform in [0, 1): the backoff's jitter. Passed in, so tests are deterministic. */
  random: () => number;
  /** Deliveries taken from the due index per call. */
  batchSize?: number;
  /** Deliveries in flight at once. */
  concurrency?: number;
};

export type DispatchResult = {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  deferred: number;
};

const later = (now: string, ms: number) => new Date(Date.parse(now) + ms).toISOString();

/** A group robot is named by a hash of its kind and key (the window record must not hold the key); other channels have no rate. */
const robotOf = (channel: ChannelInput | undefined) =>
  channel?.kind === "wecom" || channel?.kind === "dingtalk"
    ? createHash("sha256")
        .update(`${channel.kind}:${webhookKey(channel)}`)
        .digest("hex")
        .slice(0, 32)
    : undefined;

/** One pass over the deliveries due now: at most `batchSize` of them. Call again until it finds none. */
export async function dispatchDeliveries(
  deps: Deps,
  senders: Senders,
  options: DispatchOptions,
): Promise<DispatchResult> {
  const secrets = requireSecrets(deps);
  const result: DispatchResult = { claimed: 0, sent: 0, retried: 0, dead: 0, deferred: 0 };
  const now = nowIso(deps);
  const due = await deps.store.deliveries.due(now, options.batchSize ?? 50);
  if (due.length === 0) return result;
  const calendar = await currentCalendar(deps);
  const notices = memo((id: string) => deps.store.notices.get(id));
  const units = memo((code: string) => deps.store.units.get(code));
  const channels = memo(async (code: string) => deps.store.unitChannels.get(code));
  // What this pass learnt of full robots: when their next sends fit, and how many it has put
  // off already, so those it defers are spread over the coming windows instead of all
  // coming back at the first free slot.
  const full = new Map<string, { freeAt: number[]; deferred: number }>();
  const nowMs = Date.parse(now);

  const deferral = (robot: string) => {
    const known = full.get(robot);
    if (!known || (known.freeAt[0] ?? 0) <= nowMs) return undefined;
    const k = known.deferred++;
    const slot = known.freeAt[k % known.freeAt.length] ?? nowMs;
    return new Date(
      slot + Math.floor(k / known.freeAt.length) * robotRate.windowSeconds * 1000,
    ).toISOString();
  };

  /** Takes one of the robot's slots, or learns when they free up. Retries while another dispatcher writes first. */
  async function takeSlot(robot: string): Promise<boolean> {
    for (;;) {
      const window = await deps.store.deliveries.robotWindow(robot);
      const slot = takeRobotSlot(window, nowMs);
      if (!slot.taken) {
        full.set(robot, { freeAt: slot.freeAt, deferred: 0 });
        return false;
      }
      const expiresAt = Math.ceil(nowMs / 1000) + robotRate.windowSeconds * 2;
      if (await deps.store.deliveries.saveRobotWindow(robot, window, slot.next, expiresAt)) return true;
    }
  }

  async function attempt(delivery: Delivery, channel: ChannelInput): Promise<SendOutcome> {
    const notice = await notices(delivery.noticeId);
    if (!notice) return { outcome: "failed", reason: "通知不存在" };
    const unit = await units(delivery.unitCode);
    try {
      return await senders[delivery.kind](channel, {
        notice,
        receiptDeadline: receiptDeadline(notice, calendar),
        unitName: unit?.name ?? delivery.unitCode,
        link: `${options.linkBase.replace(/\/+$/, "")}/${notice.id}`,
      });
    } catch {
      // A sender never throws by contract; if one does, the attempt is lost, not the delivery.
      return { outcome: "retry", reason: "发送程序异常" };
    }
  }

  async function handle(candidate: Delivery): Promise<void> {
    const stored: StoredUnitChannels | undefined = await channels(candidate.unitCode);
    const channel = openChannel(secrets, stored, candidate.kind);
    const robot = robotOf(channel);
    // A robot this pass already found full: put the delivery off without claiming it.
    const known = robot && deferral(robot);
    if (known) {
      if (await deps.store.deliveries.defer(candidate.id, known, now)) result.deferred++;
      return;
    }
    const leaseUntil = later(now, deliveryPolicy.leaseSeconds * 1000);
    const claimed = await deps.store.deliveries.claim(candidate.id, now, leaseUntil, randomUUID());
    if (!claimed) return;
    result.claimed++;
    const { delivery, token } = claimed;
    if (robot && !(await takeSlot(robot))) {
      await deps.store.deliveries.defer(delivery.id, deferral(robot) ?? later(now, 1000), now, token);
      result.deferred++;
      return;
    }
    const outcome: SendOutcome = channel
      ? await attempt(delivery, channel)
      : { outcome: "failed", reason: "该单位已无此送达渠道（可重新设置后重发）" };
    const next = afterAttempt(delivery, outcome, now, options.random);
    if (!(await deps.store.deliveries.record(next, token))) return;
    if (next.status === "sent") result.sent++;
    else if (next.status === "dead") result.dead++;
    else result.retried++;
  }

  await inPool(due, options.concurrency ?? 8, handle);
  return result;
}

/** Runs `work` over `items`, `size` at a time. */
async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

/** One read per key per pass. */
function memo<T>(read: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let found = cache.get(key);
    if (!found) {
      found = read(key);
      cache.set(key, found);
    }
    return found;
  };
}

/**
 * Passes until nothing is due or the time left is spent: what a scheduled run does. A pass
 * that only found deliveries other dispatchers held ends it too.
 */
export async function dispatchUntilIdle(
  deps: Deps,
  senders: Senders,
  options: DispatchOptions & { timeLeftMs: () => number; reserveMs?: number },
): Promise<DispatchResult> {
  const total: DispatchResult = { claimed: 0, sent: 0, retried: 0, dead: 0, deferred: 0 };
  // A pass takes at most a batch of attempts at the senders' timeout, run `concurrency` at a time.
  const reserve = options.reserveMs ?? 30_000;
  while (options.timeLeftMs() > reserve) {
    const pass = await dispatchDeliveries(deps, senders, options);
    for (const key of Object.keys(total) as (keyof DispatchResult)[]) total[key] += pass[key];
    if (pass.claimed === 0 && pass.deferred === 0) break;
  }
  return total;
}

const requireOffice = (actor: Principal) => {
  if (!hasRole(actor, "office")) fail("forbidden", "只有政务公开办可以查看和重发送达记录");
};

/** The office's list, narrowed by status, notice and unit. */
export async function listDeliveries(
  deps: Deps,
  actor: Principal,
  input: DeliveryFilter & { limit: number; cursor?: string | undefined },
): Promise<Page<Delivery>> {
  requireOffice(actor);
  const { limit, cursor, ...filter } = input;
  return deps.store.deliveries.list(filter, { limit, cursor });
}

/** Every delivery of a notice, by unit and channel. */
export async function deliveriesOfNotice(
  deps: Deps,
  actor: Principal,
  input: { id: string },
): Promise<Delivery[]> {
  requireOffice(actor);
  if (!(await deps.store.notices.get(input.id))) fail("not-found", "通知不存在");
  return deps.store.deliveries.ofNotice(input.id);
}

/** The office sends a dead delivery again: pending and due now, its attempts counted afresh. */
export async function retryDelivery(deps: Deps, actor: Principal, input: { id: string }): Promise<Delivery> {
  requireOffice(actor);
  const before = (await deps.store.deliveries.get(input.id)) ?? fail("not-found", "送达记录不存在");
  const next = retriedDelivery(before, nowIso(deps));
  await deps.store.deliveries.retry(next, before);
  return next;
}
