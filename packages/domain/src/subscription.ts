import { z } from "zod";
import { citizenMail, type MailLink, type PreparedMail } from "./citizen-mail.ts";
import { ColumnId } from "./column.ts";
import { type IsoDate, shanghaiDate } from "./date.ts";
import { idSchema } from "./id.ts";
import { UnitCode } from "./unit.ts";

/**
 * 订阅: anyone subscribes an email address to a column, a unit or a search (issue 18,
 * ADR 0060). Double opt-in: a subscription is `pending` until the link mailed to the address
 * is followed, and only a confirmed one receives digests. The address is personal data: it is
 * sealed in the record, found by a keyed hash, never answered by any route, and the record is
 * deleted on unsubscribe.
 */
export const SubscriptionId = idSchema("subscription");

export const SubscriptionTopic = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("column"), columnId: ColumnId }),
  z.object({ kind: z.literal("unit"), unitCode: UnitCode }),
  z.object({ kind: z.literal("search"), q: z.string() }),
]);
export type SubscriptionTopic = z.infer<typeof SubscriptionTopic>;

const topicFields = ["columnId", "unitCode", "q"] as const;

/** `POST /public/v1/subscriptions`: an address and exactly one of a column, a unit or a search. */
export const SubscribeInput = z
  .strictObject({
    email: z.email("电子邮箱格式不正确").max(254, "电子邮箱不能超过254个字符"),
    columnId: ColumnId.optional(),
    unitCode: UnitCode.optional(),
    q: z.string().trim().min(1, "检索词不能为空").max(100, "检索词不能超过100个字符").optional(),
  })
  .superRefine((input, ctx) => {
    const given = topicFields.filter((f) => input[f] !== undefined);
    if (given.length !== 1)
      for (const path of given.length ? given : topicFields)
        ctx.addIssue({
          code: "custom",
          path: [path],
          message: "栏目（columnId）、单位（unitCode）、检索词（q）须且只能填写一项",
        });
  });
export type SubscribeInput = z.infer<typeof SubscribeInput>;

export function topicOf(input: SubscribeInput): SubscriptionTopic {
  if (input.columnId !== undefined) return { kind: "column", columnId: input.columnId };
  if (input.unitCode !== undefined) return { kind: "unit", unitCode: input.unitCode };
  return { kind: "search", q: (input.q ?? "").replace(/\s+/g, " ") };
}

/** One subscription per address and topic: the same search typed again is the same topic. */
export function topicKey(topic: SubscriptionTopic): string {
  if (topic.kind === "column") return `column:${topic.columnId}`;
  if (topic.kind === "unit") return `unit:${topic.unitCode}`;
  return `search:${topic.q.toLowerCase()}`;
}

/** The topic as a mail names it; `name` is the column's or unit's name when known. */
export function topicLabel(topic: SubscriptionTopic, name?: string): string {
  if (topic.kind === "column") return `栏目“${name ?? topic.columnId}”`;
  if (topic.kind === "unit") return `单位“${name ?? topic.unitCode}”`;
  return `检索词“${topic.q}”`;
}

/** Email addresses compare case-insensitively in practice (the local part rarely matters). */
export const normalizedAddress = (email: string) => email.trim().toLowerCase();

export const Subscription = z.object({
  id: SubscriptionId,
  topic: SubscriptionTopic,
  state: z.enum(["pending", "confirmed"]),
  /** AES-256-GCM sealed address; opened only to write a mail. */
  sealedAddress: z.string(),
  /** HMAC of the normalized address: finds the address's subscriptions without holding it. */
  addressKey: z.string(),
  createdAt: z.string(),
  confirmationSentAt: z.string(),
  confirmedAt: z.string().nullable(),
  /** Items published before this instant have been told (or predate the confirmation). */
  digestedThrough: z.string().nullable(),
  /** The last day a digest was sent. */
  lastDigestOn: z.string().nullable(),
  version: z.number().int().positive(),
});
export type Subscription = z.infer<typeof Subscription>;

export const subscriptionPolicy = {
  /** An unconfirmed subscription is forgotten after a week (the table's TTL deletes it). */
  pendingSeconds: 7 * 24 * 3600,
  /** Asking again sends another confirmation at most this often, so a form cannot mail-bomb an address. */
  resendSeconds: 15 * 60,
  /** Items listed in one digest; more are summarised with a link to the list. */
  digestItems: 30,
  /** A citizen mail's record (with its sealed address) outlives its delivery's retries (~2 h) by far. */
  mailSeconds: 3 * 24 * 3600,
};

/** The confirmed subscription, told from now on; confirming twice changes nothing. */
export function confirmedSubscription(sub: Subscription, now: string): Subscription {
  if (sub.state === "confirmed") return sub;
  return { ...sub, state: "confirmed", confirmedAt: now, digestedThrough: now, version: sub.version + 1 };
}

/**
 * A digest on day D tells what was published before D began in Beijing: a run at any hour of
 * D sends the same digest, and the next day's starts where it ended.
 */
export function digestCutoff(asOf: IsoDate): string {
  return new Date(`${asOf}T00:00:00+08:00`).toISOString();
}

export type DigestEntry = { title: string; publishedAt: string; url: string };

/**
 * The items a subscription has not been told of, oldest first: published in
 * [digestedThrough, cutoff), so consecutive days' windows meet without overlap.
 */
export function untold<T extends { publishedAt: string | null }>(
  sub: Subscription,
  items: T[],
  cutoff: string,
): T[] {
  const from = sub.digestedThrough ?? sub.createdAt;
  return items
    .filter((i) => i.publishedAt !== null && i.publishedAt >= from && i.publishedAt < cutoff)
    .sort((a, b) => ((a.publishedAt ?? "") < (b.publishedAt ?? "") ? -1 : 1));
}

export function digestedSubscription(sub: Subscription, asOf: IsoDate, cutoff: string): Subscription {
  return { ...sub, digestedThrough: cutoff, lastDigestOn: asOf, version: sub.version + 1 };
}

export function confirmationMail(input: {
  label: string;
  confirmUrl: string;
  unsubscribeUrl: string;
}): PreparedMail {
  return citizenMail({
    subject: `请确认订阅：${input.label}的政务公开信息`,
    paragraphs: [
      `您（或他人使用您的邮箱）在政务公开门户订阅了${input.label}的新公开信息，每日汇总发送一次。`,
      `请点击以下链接确认订阅：${input.confirmUrl}`,
      "如非本人操作，请忽略本邮件：未确认的订阅7天后自动删除，您的邮箱地址不会被保留。",
    ],
    unsubscribeUrl: input.unsubscribeUrl,
  });
}

export function digestMail(input: {
  label: string;
  asOf: IsoDate;
  entries: DigestEntry[];
  moreUrl: string;
  unsubscribeUrl: string;
}): PreparedMail {
  const shown = input.entries.slice(0, subscriptionPolicy.digestItems);
  const more = input.entries.length - shown.length;
  const links: MailLink[] = shown.map((e) => ({
    label: `${e.title}（${shanghaiDate(new Date(e.publishedAt))}）`,
    url: e.url,
  }));
  return citizenMail({
    subject: `${input.label}新公开信息${input.entries.length}条（${input.asOf}）`,
    paragraphs: [
      `您订阅的${input.label}自上次汇总以来新公开（或更新）信息${input.entries.length}条：`,
      ...(more > 0 ? [`以下列出最早的${shown.length}条，其余${more}条请查看：${input.moreUrl}`] : []),
    ],
    links,
    unsubscribeUrl: input.unsubscribeUrl,
  });
}

/**
 * A citizen who asked to be told (an applicant, a letter writer) is mailed when their record's
 * state changes: the state and where to look, nothing of the content, which stays behind the
 * tracking code's secret.
 */
export function statusChangeMail(input: {
  what: string;
  trackingCode: string;
  state: string;
  statusUrl: string;
  unsubscribeUrl: string;
}): PreparedMail {
  return citizenMail({
    subject: `您的${input.what}（${input.trackingCode}）${input.state}`,
    paragraphs: [
      `您的${input.what}（查询码${input.trackingCode}）办理状态已更新：${input.state}。`,
      `请凭查询码和查询密钥查询详情：${input.statusUrl}`,
    ],
    unsubscribeUrl: input.unsubscribeUrl,
  });
}
