import { z } from "zod";
import type { PreparedMail } from "./citizen-mail.ts";
import { idSchema } from "./id.ts";
import { type Notice, NoticeId, type ReceiptDeadline } from "./notice.ts";
import { UnitCode } from "./unit.ts";

/**
 * The channels a unit receives notices on (送达渠道), set by the office: a WeCom group robot,
 * a DingTalk group robot, email addresses and mobile numbers. One channel of each kind per
 * unit, so a delivery is named by (notice, unit, kind) and can never be made twice.
 */

export const ChannelKind = z.enum(["wecom", "dingtalk", "email", "sms"]);
export type ChannelKind = z.infer<typeof ChannelKind>;

/**
 * A robot's webhook is its official address and nothing else: the key in it is the secret,
 * and a URL of any other host would let whoever sets channels make the server call inside
 * the intranet. The sender rebuilds the address from a configured base and the key, so the
 * local capture endpoint stands in for the real host without accepting arbitrary URLs.
 */
const wecomWebhook = /^https:\/\/qyapi\.weixin\.qq\.com\/cgi-bin\/webhook\/send\?key=([0-9A-Za-z-]{8,64})$/;
const dingtalkWebhook = /^https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token=([0-9A-Za-z]{16,128})$/;

export const WecomChannelInput = z.strictObject({
  kind: z.literal("wecom"),
  webhookUrl: z
    .string()
    .regex(wecomWebhook, "须为企业微信群机器人地址 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"),
});

export const DingtalkChannelInput = z.strictObject({
  kind: z.literal("dingtalk"),
  webhookUrl: z
    .string()
    .regex(dingtalkWebhook, "须为钉钉群机器人地址 https://oapi.dingtalk.com/robot/send?access_token=…"),
  /** The robot's 加签 secret; without it the robot must accept by keyword or IP instead. */
  secret: z
    .string()
    .regex(/^SEC[0-9a-f]{64}$/, "加签密钥须为SEC开头的67位字符")
    .optional(),
});

export const EmailChannelInput = z.strictObject({
  kind: z.literal("email"),
  addresses: z
    .array(z.email("电子邮箱格式不正确").max(200))
    .min(1, "至少一个邮箱")
    .max(10, "不能超过10个邮箱"),
});

export const SmsChannelInput = z.strictObject({
  kind: z.literal("sms"),
  phones: z
    .array(z.string().regex(/^1[3-9]\d{9}$/, "须为11位手机号码"))
    .min(1, "至少一个手机号码")
    .max(10, "不能超过10个手机号码"),
});

export const ChannelInput = z.discriminatedUnion("kind", [
  WecomChannelInput,
  DingtalkChannelInput,
  EmailChannelInput,
  SmsChannelInput,
]);
export type ChannelInput = z.infer<typeof ChannelInput>;

/** `PUT /notices/v1/units/{unitCode}/channels`: the whole set, replacing the previous one. */
export const UnitChannelsInput = z.strictObject({
  channels: z
    .array(ChannelInput)
    .max(ChannelKind.options.length)
    .superRefine((channels, ctx) => {
      const seen = new Set<ChannelKind>();
      for (const [i, channel] of channels.entries()) {
        if (seen.has(channel.kind))
          ctx.addIssue({ code: "custom", path: [i, "kind"], message: "每种渠道只能设置一个" });
        seen.add(channel.kind);
      }
    }),
});
export type UnitChannelsInput = z.infer<typeof UnitChannelsInput>;

/** The robot key a webhook URL carries (its secret part). */
export function webhookKey(
  channel: z.infer<typeof WecomChannelInput> | z.infer<typeof DingtalkChannelInput>,
) {
  const match = (channel.kind === "wecom" ? wecomWebhook : dingtalkWebhook).exec(channel.webhookUrl);
  return match?.[1] ?? "";
}

export const DeliveryId = idSchema("delivery");

/**
 * What one attempt at sending came to, as a channel reports it:
 * - `sent`: the provider accepted the message;
 * - `retry`: worth another attempt later (5xx, timeout, 429, a busy-robot errcode), after
 *   `retryAfterSeconds` when the provider said so;
 * - `failed`: another attempt cannot succeed (a wrong key, a malformed answer is NOT this:
 *   it is `retry`, since the message may not have been taken).
 */
export const SendOutcome = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("sent"), providerId: z.string().optional() }),
  z.object({
    outcome: z.literal("retry"),
    reason: z.string(),
    retryAfterSeconds: z.number().nonnegative().optional(),
  }),
  z.object({ outcome: z.literal("failed"), reason: z.string() }),
]);
export type SendOutcome = z.infer<typeof SendOutcome>;

/** Who a delivery is for: the notice, the unit and the channel kind, fixed when the notice is issued. */
export const DeliveryTarget = z.object({ noticeId: NoticeId, unitCode: UnitCode, kind: ChannelKind });
export type DeliveryTarget = z.infer<typeof DeliveryTarget>;

/** What a sender is given: the notice, its deadline on today's calendar, the unit's name and where the whole notice is read. */
export type OutgoingNotice = {
  notice: Notice;
  receiptDeadline: ReceiptDeadline | null;
  unitName: string;
  link: string;
};

/** One attempt on one channel. A provider's failure is an outcome, never a throw. */
export type Sender = (channel: ChannelInput, message: OutgoingNotice) => Promise<SendOutcome>;
/** One attempt at a citizen's mail (ADR 0060), rendered whole with its headers. */
export type MailSender = (address: string, mail: PreparedMail) => Promise<SendOutcome>;
/** `mail` is the email channel's sender for citizens; without it their mails fail visibly. */
export type Senders = Record<ChannelKind, Sender> & { mail?: MailSender };

/**
 * A channel as the API shows it: its kind and enough to recognise it (the robot key's last
 * four characters, how many addresses or phones), never the secret or the personal data.
 */
export const ChannelView = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("wecom"), keyHint: z.string() }),
  z.object({ kind: z.literal("dingtalk"), keyHint: z.string(), signed: z.boolean() }),
  z.object({ kind: z.literal("email"), addressCount: z.number().int() }),
  z.object({ kind: z.literal("sms"), phoneCount: z.number().int() }),
]);
export type ChannelView = z.infer<typeof ChannelView>;

export const UnitChannelsView = z.object({
  unitCode: UnitCode,
  channels: z.array(ChannelView),
  /** When the office last set them; null while a unit has none. */
  updatedAt: z.string().nullable(),
});
export type UnitChannelsView = z.infer<typeof UnitChannelsView>;

/** Four characters say which robot it is to whoever holds the address, and nothing to anyone else. */
const keyHint = (key: string) => `…${key.slice(-4)}`;

export function channelView(channel: ChannelInput): ChannelView {
  switch (channel.kind) {
    case "wecom":
      return { kind: "wecom", keyHint: keyHint(webhookKey(channel)) };
    case "dingtalk":
      return {
        kind: "dingtalk",
        keyHint: keyHint(webhookKey(channel)),
        signed: channel.secret !== undefined,
      };
    case "email":
      return { kind: "email", addressCount: channel.addresses.length };
    case "sms":
      return { kind: "sms", phoneCount: channel.phones.length };
  }
}
