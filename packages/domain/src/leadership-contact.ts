import { z } from "zod";
import type { ChannelInput, ChannelKind } from "./channel.ts";
import { UnitCode } from "./unit.ts";

/**
 * A unit's leadership contact (分管领导), set by the office: who is told when the unit's 督办
 * findings become very overdue (issue 14, ADR 0053), beside the office's own escalation. An
 * email address, a mobile number or both; sealed at rest like a unit's channels, and answered
 * masked only: it is one named person's personal data.
 */
export const LeadershipContactInput = z
  .strictObject({
    name: z.string().trim().min(1, "请填写姓名").max(50),
    /** The post, as the digest may name it (分管副局长). */
    post: z.string().trim().min(1).max(50).optional(),
    email: z.email("电子邮箱格式不正确").max(200).optional(),
    mobile: z
      .string()
      .regex(/^1[3-9]\d{9}$/, "须为11位手机号码")
      .optional(),
  })
  .superRefine((contact, ctx) => {
    if (contact.email === undefined && contact.mobile === undefined)
      ctx.addIssue({ code: "custom", path: ["email"], message: "邮箱和手机号码至少填写一项" });
  });
export type LeadershipContactInput = z.infer<typeof LeadershipContactInput>;

/** What the API shows: enough for the office to recognise the person, not to reach them. */
export const LeadershipContactMasked = z.object({
  name: z.string(),
  post: z.string().nullable(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
});
export type LeadershipContactMasked = z.infer<typeof LeadershipContactMasked>;

export const LeadershipContactView = z.object({
  unitCode: UnitCode,
  /** Null while the unit has none: its very-overdue findings go to the office only. */
  contact: LeadershipContactMasked.nullable(),
  updatedAt: z.string().nullable(),
});
export type LeadershipContactView = z.infer<typeof LeadershipContactView>;

/** 王敏 → 王*; the surname is what a colleague recognises. */
const maskName = (name: string) => {
  const chars = [...name];
  return `${chars[0] ?? ""}${"*".repeat(Math.max(1, chars.length - 1))}`;
};

/** wangmin@czj.gov.cn → w***@czj.gov.cn: the domain says which office, the mailbox stays hidden. */
const maskEmail = (email: string) => {
  const at = email.lastIndexOf("@");
  return `${email.slice(0, 1)}***${email.slice(at)}`;
};

/** 13807920001 → 138****0001, as Chinese services show a number. */
const maskMobile = (mobile: string) => `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;

export function maskedContact(contact: LeadershipContactInput): LeadershipContactMasked {
  return {
    name: maskName(contact.name),
    post: contact.post ?? null,
    email: contact.email === undefined ? null : maskEmail(contact.email),
    mobile: contact.mobile === undefined ? null : maskMobile(contact.mobile),
  };
}

/** The channel kinds a contact is reached on, in the order deliveries are made. */
export function contactKinds(contact: Pick<LeadershipContactMasked, "email" | "mobile">): ChannelKind[] {
  return [
    ...(contact.email === null ? [] : ["email" as const]),
    ...(contact.mobile === null ? [] : ["sms" as const]),
  ];
}

/** The contact as the senders take a channel: their email and SMS senders need nothing new. */
export function contactChannel(contact: LeadershipContactInput, kind: ChannelKind): ChannelInput | undefined {
  if (kind === "email" && contact.email !== undefined) return { kind, addresses: [contact.email] };
  if (kind === "sms" && contact.mobile !== undefined) return { kind, phones: [contact.mobile] };
  return undefined;
}
