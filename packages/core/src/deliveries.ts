import { createHash, randomUUID } from "node:crypto";
import {
  afterAttempt,
  type ChannelInput,
  type Delivery,
  deliveryPolicy,
  fail,
  hasRole,
  planRobot,
  receiptDeadline,
  retriedDelivery,
  robotRate,
  type Senders,
  type SendOutcome,
  webhookKey,
} from "@gov/domain";
import type { Claimed, DeliveryFilter, Page, Principal } from "@gov/store";
import { currentCalendar } from "./calendar.ts";
import { nowIso } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { openContactChannel } from "./leadership-contacts.ts";
import { openChannel, requireSecrets } from "./unit-channels.ts";

/**
 * The outbox's dispatcher and the office's view of deliveries (ADR 0045). A dispatcher reads
 * the due deliveries from the sparse due index, claims each with a lease (a conditional write:
 * two dispatchers never both hold one), keeps each robot within its rate through a window
 * record all dispatchers share, sends, and records the outcome on the delivery it holds.
 */

export type DispatchOptions = {
  /** Where a unit reads the whole notice: `${linkBase}/${noticeId}` (NOTICE_LINK_BASE). */
  linkBase: string;
  /** Uniform in [0, 1): the backoff's jitter. Passed in, so tests are deterministic. */
  random: () => number;
  /** Due deliveries read per pass (one Query of the due index). */
  batchSize?: number;
  /** Channels served at once; one channel's deliveries go one after another. */
  concurrency?: number;
  /** Checked before each channel is started: false ends the pass (a scheduled run near its end). */
  hasTime?: () => boolean;
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

/**
 * One pass over the deliveries due now, channel by channel; a robot's within its rate (see
 * `robotChannel`). Call again until a pass claims and defers nothing.
 */
export async function dispatchDeliveries(
  deps: Deps,
  senders: Senders,
  options: DispatchOptions,
): Promise<DispatchResult> {
  const secrets = requireSecrets(deps);
  const store = deps.store.deliveries;
  const result: DispatchResult = { claimed: 0, sent: 0, retried: 0, dead: 0, deferred: 0 };
  const due = await store.due(nowIso(deps), options.batchSize ?? 1000);
  if (due.length === 0) return result;
  const calendar = await currentCalendar(deps);
  const notices = memo((id: string) => deps.store.notices.get(id));
  const units = memo((code: string) => deps.store.units.get(code));
  const unitsOf = (recipient: "unit" | "leadership") => [
    ...new Set(due.filter((d) => (d.recipient ?? "unit") === recipient).map((d) => d.unitCode)),
  ];
  const channels = await deps.store.unitChannels.ofUnits(unitsOf("unit"));
  const contacts = await deps.store.leadershipContacts.ofUnits(unitsOf("leadership"));
  // A leadership contact (ADR 0053) is reached on its own email and SMS, through the same senders.
  const channelOf = (d: Delivery) =>
    d.recipient === "leadership"
      ? openContactChannel(secrets, contacts.get(d.unitCode), d.kind)
      : openChannel(secrets, channels.get(d.unitCode), d.kind);
  // A pass may outlast a lease: each claim, deferral and outcome reads the clock afresh.
  const claim = async (delivery: Delivery) => {
    const at = nowIso(deps);
    const leaseUntil = later(at, deliveryPolicy.leaseSeconds * 1000);
    const claimed = await store.claim(delivery.id, at, leaseUntil, randomUUID());
    if (claimed) result.claimed++;
    return claimed;
  };

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

  /** A citizen's mail (ADR 0060): its record holds the message and the sealed address. */
  async function attemptMail(delivery: Delivery): Promise<SendOutcome> {
    const mail = await deps.store.citizenMails.get(delivery.noticeId);
    if (!mail) return { outcome: "failed", reason: "邮件已撤回（已退订或已过期）" };
    if (!senders.mail) return { outcome: "failed", reason: "未配置公众邮件发送" };
    try {
      const { subject, text, html, headers } = mail;
      return await senders.mail(secrets.openAddress(mail.id, mail.sealedAddress), {
        subject,
        text,
        html,
        headers,
      });
    } catch {
      return { outcome: "retry", reason: "发送程序异常" };
    }
  }

  async function send({ delivery, token }: Claimed, channel: ChannelInput | undefined): Promise<void> {
    const outcome: SendOutcome =
      delivery.recipient === "citizen"
        ? await attemptMail(delivery)
        : channel
          ? await attempt(delivery, channel)
          : {
              outcome: "failed",
              reason:
                delivery.recipient === "leadership"
                  ? "该单位已无此分管领导联系方式（可重新设置后重发）"
                  : "该单位已无此送达渠道（可重新设置后重发）",
            };
    const next = afterAttempt(delivery, outcome, nowIso(deps), options.random);
    if (!(await store.record(next, token))) return;
    if (next.status === "sent") result.sent++;
    else if (next.status === "dead") result.dead++;
    else result.retried++;
  }

  /**
   * A robot's due deliveries, planned on the window all dispatchers share (`planRobot`): its
   * slots are taken first, in one conditional write (read again if another dispatcher wrote
   * it meanwhile), then as many deliveries claimed as slots were taken. A slot whose delivery
   * another dispatcher claimed first goes unused: the rate is kept, never exceeded. Those
   * beyond the first `robotRate.messages` are deferred to the end of the robot's line,
   * unclaimed, no attempt counted; a full window leaves everything as it is.
   */
  async function robotChannel(robot: string, group: Delivery[], channel: ChannelInput): Promise<void> {
    const now = nowIso(deps);
    const nowMs = Date.parse(now);
    const expiresAt = Math.ceil(nowMs / 1000) + robotRate.windowSeconds * 2;
    let window = await store.robotWindow(robot);
    let plan = planRobot(window, nowMs, group.length);
    while (plan.slots > 0 && !(await store.saveRobotWindow(robot, window, plan.next, expiresAt))) {
      window = await store.robotWindow(robot);
      plan = planRobot(window, nowMs, group.length);
    }
    if (plan.slots === 0) return;
    const held: Claimed[] = [];
    for (const delivery of group.slice(0, robotRate.messages)) {
      if (held.length >= plan.slots) break;
      const claimed = await claim(delivery);
      if (claimed) held.push(claimed);
    }
    const over = group.slice(robotRate.messages);
    for (const [i, delivery] of over.entries()) {
      const until = new Date(plan.deferTo[i] ?? nowMs + robotRate.windowSeconds * 1000).toISOString();
      if (await store.defer(delivery.id, until, now)) result.deferred++;
    }
    for (const claimed of held) await send(claimed, channel);
  }

  async function channelGroup(group: Delivery[]): Promise<void> {
    const first = group[0];
    if (!first || options.hasTime?.() === false) return;
    const channel = first.recipient === "citizen" ? undefined : channelOf(first);
    const robot = robotOf(channel);
    if (robot && channel) return robotChannel(robot, group, channel);
    for (const delivery of group) {
      const claimed = await claim(delivery);
      if (claimed) await send(claimed, channel);
    }
  }

  const groups = new Map<string, Delivery[]>();
  for (const delivery of due) {
    // A citizen's mail is a channel of its own: one address, no shared rate.
    const key =
      delivery.recipient === "citizen"
        ? `citizen#${delivery.id}`
        : `${delivery.recipient ?? "unit"}#${delivery.unitCode}#${delivery.kind}`;
    const group = groups.get(key);
    if (group) group.push(delivery);
    else groups.set(key, [delivery]);
  }
  await inPool([...groups.values()], options.concurrency ?? 8, channelGroup);
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
 * Passes until one claims and defers nothing (what is left waits for a later time, a robot's
 * window, or another dispatcher's lease) or the time left is spent: what a scheduled run does.
 */
export async function dispatchUntilIdle(
  deps: Deps,
  senders: Senders,
  options: DispatchOptions & { timeLeftMs: () => number; reserveMs?: number },
): Promise<DispatchResult> {
  const total: DispatchResult = { claimed: 0, sent: 0, retried: 0, dead: 0, deferred: 0 };
  // A channel once started runs to its end: a robot's 20 attempts at the senders' 5 s timeout
  // take up to 100 s (within the 120 s lease), so none is started with less than 110 s left.
  const reserve = options.reserveMs ?? 110_000;
  const hasTime = () => options.timeLeftMs() > reserve;
  while (hasTime()) {
    const pass = await dispatchDeliveries(deps, senders, { ...options, hasTime });
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
