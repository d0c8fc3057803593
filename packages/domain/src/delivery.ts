import { z } from "zod";
import { ChannelKind, DeliveryId, type SendOutcome } from "./channel.ts";
import { CitizenMailId } from "./citizen-mail.ts";
import { fail } from "./error.ts";
import { type Notice, NoticeId } from "./notice.ts";
import { UnitCode } from "./unit.ts";

/**
 * One notice on one channel of one target unit (送达记录), written with the notice (ADR 0045).
 * `pending` until a dispatcher sends it or gives up: `sent`, or `dead` after a refusal that
 * another attempt cannot change or after `deliveryPolicy.maxAttempts`. Every attempt leaves
 * its trace: how many, the last error, when.
 */
export const DeliveryStatus = z.enum(["pending", "sent", "dead"]);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/**
 * Whom a delivery reaches: the unit on its own channels, its leadership contact (分管领导,
 * ADR 0053) on theirs, or a citizen's address (ADR 0060: a subscription's or a status mail,
 * `noticeId` then names the citizen mail and `unitCode` the unit it is sent for). Records from
 * before the contact have none: the unit.
 */
export const DeliveryRecipient = z.enum(["unit", "leadership", "citizen"]);
export type DeliveryRecipient = z.infer<typeof DeliveryRecipient>;

export const Delivery = z.object({
  id: DeliveryId,
  /** The notice delivered; for a citizen, the citizen mail. */
  noticeId: z.union([NoticeId, CitizenMailId]),
  unitCode: UnitCode,
  kind: ChannelKind,
  recipient: DeliveryRecipient.default("unit"),
  status: DeliveryStatus,
  attempts: z.number().int().nonnegative(),
  /** When a dispatcher may next take it; null once sent or dead. */
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  /** The provider's message id, when it gives one (SES, the SMS gateway). */
  providerId: z.string().nullable(),
  /** The notice's issue time: lists of deliveries run newest notice first. */
  issuedAt: z.string(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Delivery = z.infer<typeof Delivery>;

/**
 * The figures behind retries, leases and pacing. The sources for each are in ADR 0045:
 * - a lease outlives an attempt (5 s timeout) many times over, so only a dispatcher that
 *   died leaves one to expire;
 * - backoff doubles from 30 s to an hour, fully jittered, so units hit by one outage do not
 *   come back in one burst; 8 attempts span about two hours at the expected delays;
 * - a provider's Retry-After is honoured up to an hour, so a wrong header cannot park a
 *   delivery for days.
 */
export const deliveryPolicy = {
  leaseSeconds: 120,
  baseDelaySeconds: 30,
  maxDelaySeconds: 3600,
  maxRetryAfterSeconds: 3600,
  maxAttempts: 8,
};

/**
 * Group robots take 20 messages a minute each: WeCom's robot document (path/91770, "每个机器人
 * 发送的消息不能超过20条/分钟") and DingTalk's custom robot ("每个机器人每分钟最多发送20条").
 */
export const robotRate = { messages: 20, windowSeconds: 60 };

/**
 * One pending delivery per target unit and channel the unit (or, for `leadership`, its
 * leadership contact) has when the notice is issued.
 */
export function newDeliveries(
  notice: Notice,
  kindsOfUnit: (unitCode: string) => readonly ChannelKind[],
  newId: () => string,
  recipient: DeliveryRecipient = "unit",
): Delivery[] {
  return notice.unitCodes.flatMap((unitCode) =>
    kindsOfUnit(unitCode).map((kind) => ({
      id: newId(),
      noticeId: notice.id,
      unitCode,
      kind,
      recipient,
      status: "pending" as const,
      attempts: 0,
      nextAttemptAt: notice.createdAt,
      lastAttemptAt: null,
      lastError: null,
      sentAt: null,
      providerId: null,
      issuedAt: notice.createdAt,
      version: 1,
      createdAt: notice.createdAt,
      updatedAt: notice.createdAt,
    })),
  );
}

/** The one delivery of a citizen mail, written with it: email, sent for `unitCode`. */
export function citizenDelivery(input: {
  id: string;
  mailId: string;
  unitCode: string;
  now: string;
}): Delivery {
  return {
    id: input.id,
    noticeId: input.mailId,
    unitCode: input.unitCode,
    kind: "email",
    recipient: "citizen",
    status: "pending",
    attempts: 0,
    nextAttemptAt: input.now,
    lastAttemptAt: null,
    lastError: null,
    sentAt: null,
    providerId: null,
    issuedAt: input.now,
    version: 1,
    createdAt: input.now,
    updatedAt: input.now,
  };
}

/** DynamoDB's TransactWriteItems takes at most 100 writes. */
export const transactionLimit = 100;

/**
 * A notice is written in one transaction with everything that must exist with it: the notice,
 * its audit entry, a receipt per unit, a delivery per unit and channel, and whatever the
 * caller adds (the Idempotency-Key answer). Over the limit it is refused at `targets`, with the
 * count, rather than split: a notice is never issued half delivered.
 */
export function checkNoticeWrites(counts: { receipts: number; deliveries: number; extra: number }): void {
  const total = 2 + counts.receipts + counts.deliveries + counts.extra;
  if (total > transactionLimit)
    fail("validation", "通知对象过多，无法一次发出", [
      {
        path: "targets",
        message: `该通知需一次写入${total}条记录（通知及审计2条、回执${counts.receipts}条、送达${counts.deliveries}条、其他${counts.extra}条），超过${transactionLimit}条上限，请将通知对象拆分为几份通知分别发送`,
      },
    ]);
}

/**
 * Seconds until the next attempt after the n-th has failed: "full jitter" over a ceiling that
 * doubles from the base to the cap, at least a second; a provider's Retry-After (capped)
 * is a floor, never shortened by the jitter.
 */
export function retryDelaySeconds(
  attempts: number,
  random: () => number,
  retryAfterSeconds?: number,
): number {
  const { baseDelaySeconds, maxDelaySeconds, maxRetryAfterSeconds } = deliveryPolicy;
  const ceiling = Math.min(maxDelaySeconds, baseDelaySeconds * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.max(1, Math.floor(ceiling * random()));
  return retryAfterSeconds === undefined
    ? jittered
    : Math.max(jittered, Math.min(Math.ceil(retryAfterSeconds), maxRetryAfterSeconds));
}

const later = (now: string, seconds: number) => new Date(Date.parse(now) + seconds * 1000).toISOString();

/** The delivery after one attempt's outcome: sent, due again after a backoff, or dead. */
export function afterAttempt(
  delivery: Delivery,
  outcome: SendOutcome,
  now: string,
  random: () => number,
): Delivery {
  const attempts = delivery.attempts + 1;
  const base = { ...delivery, attempts, lastAttemptAt: now, version: delivery.version + 1, updatedAt: now };
  if (outcome.outcome === "sent")
    return {
      ...base,
      status: "sent",
      nextAttemptAt: null,
      sentAt: now,
      providerId: outcome.providerId ?? null,
    };
  if (outcome.outcome === "failed")
    return { ...base, status: "dead", nextAttemptAt: null, lastError: outcome.reason };
  if (attempts >= deliveryPolicy.maxAttempts)
    return {
      ...base,
      status: "dead",
      nextAttemptAt: null,
      lastError: `已尝试${attempts}次仍未成功：${outcome.reason}`,
    };
  return {
    ...base,
    nextAttemptAt: later(now, retryDelaySeconds(attempts, random, outcome.retryAfterSeconds)),
    lastError: outcome.reason,
  };
}

/** A dead delivery the office sends again: pending, due now, its attempts counted afresh, its last error kept. */
export function retriedDelivery(delivery: Delivery, now: string): Delivery {
  if (delivery.status !== "dead") fail("conflict", "只有发送失败（dead）的送达记录可以重新发送");
  return {
    ...delivery,
    status: "pending",
    attempts: 0,
    nextAttemptAt: now,
    version: delivery.version + 1,
    updatedAt: now,
  };
}

/**
 * A robot's recent sends as a ring of its last `robotRate.messages` send times (ms), oldest
 * first from slot `seq % messages`: a send now fits when the one that many sends ago is at
 * least a window old, which is exactly "no more than 20 in any 60 s". `queuedUntil` is the
 * end of the line of deliveries deferred for it, one every 3 s (20 a minute), so a delivery put
 * off is put off once, after those already waiting, not onto a slot another was given.
 */
export type RobotWindow = { seq: number; times: number[]; queuedUntil: number };

const windowMs = () => robotRate.windowSeconds * 1000;

/** How many sends fit now: the slots never used and those whose send is a window old. */
export function freeRobotSlots(window: RobotWindow, nowMs: number): number {
  const unused = robotRate.messages - window.times.length;
  return unused + window.times.filter((t) => t + windowMs() <= nowMs).length;
}

/** The window after `count` sends now; the caller has checked they fit (`freeRobotSlots`). */
export function takeRobotSlots(window: RobotWindow, nowMs: number, count: number): RobotWindow {
  const times = [...window.times];
  let seq = window.seq;
  for (let i = 0; i < count; i++) {
    if (times.length < robotRate.messages) times.push(nowMs);
    else times[seq % robotRate.messages] = nowMs;
    seq += 1;
  }
  return { ...window, seq, times };
}

/** When the next sends fit, in order: each slot's send plus the window (for a robot with none free). */
export function robotSlotsFreeAt(window: RobotWindow): number[] {
  const slot = window.seq % robotRate.messages;
  const inOrder =
    window.times.length < robotRate.messages
      ? window.times
      : [...window.times.slice(slot), ...window.times.slice(0, slot)];
  return inOrder.map((t) => t + windowMs());
}

/**
 * What a dispatcher does with `due` deliveries of one robot now: send `slots` of them, leave
 * the rest of the first `robotRate.messages` due (a slot frees within the window), and defer
 * those beyond to the end of the robot's line (`deferTo`, one time each, in order). `next` is
 * the window to write, conditionally, before anything is sent; nothing to write when no slot is free.
 */
export function planRobot(
  window: RobotWindow,
  nowMs: number,
  due: number,
): { slots: number; next: RobotWindow; deferTo: number[] } {
  const slots = Math.min(due, freeRobotSlots(window, nowMs));
  if (slots === 0) return { slots, next: window, deferTo: [] };
  const taken = takeRobotSlots(window, nowMs, slots);
  const over = Math.max(0, due - robotRate.messages);
  const spacing = windowMs() / robotRate.messages;
  const start = Math.max(window.queuedUntil, robotSlotsFreeAt(taken)[0] ?? nowMs + windowMs());
  const deferTo = Array.from({ length: over }, (_, i) => start + i * spacing);
  return { slots, next: over > 0 ? { ...taken, queuedUntil: start + over * spacing } : taken, deferTo };
}
