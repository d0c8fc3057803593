import { escapeXml } from "./feed.ts";
import { idSchema } from "./id.ts";
import { platformName } from "./notice-message.ts";

/**
 * A mail to one citizen's address (a subscription's confirmation or digest, a status change
 * of an application or letter; ADR 0060), rendered when it is written and carried by the
 * notices outbox: a delivery with `recipient: "citizen"` points at it. The address is sealed
 * in the mail's record and the record expires a few days after it is written, so a sent mail
 * does not keep the address.
 */
export const CitizenMailId = idSchema("citizenMail");

export type MailHeader = { name: string; value: string };

/** What the email sender is given for a citizen: the whole message, headers included. */
export type PreparedMail = { subject: string; text: string; html: string; headers: MailHeader[] };

/**
 * RFC 8058 one-click unsubscribe: a mail client shows "unsubscribe" and POSTs
 * `List-Unsubscribe=One-Click` to the https URL of `List-Unsubscribe`, no page to read.
 * RFC 2369 puts the URL in angle brackets.
 */
export function unsubscribeHeaders(unsubscribeUrl: string): MailHeader[] {
  return [
    { name: "List-Unsubscribe", value: `<${unsubscribeUrl}>` },
    { name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click" },
  ];
}

/** A link's paragraph in both parts. */
export type MailLink = { label: string; url: string };

/**
 * A citizen's mail in Chinese: a heading, paragraphs, an optional list of links, and the
 * unsubscribe line when there is one. Everything is escaped; a subject never holds a line break.
 */
export function citizenMail(input: {
  subject: string;
  paragraphs: string[];
  links?: MailLink[];
  unsubscribeUrl?: string;
}): PreparedMail {
  const subject = input.subject.replace(/\s+/g, " ").trim();
  const links = input.links ?? [];
  const footer = input.unsubscribeUrl ? [`如不再需要此类邮件，可随时退订：${input.unsubscribeUrl}`] : [];
  const html = [
    "<!DOCTYPE html>",
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeXml(subject)}</title></head><body>`,
    `<h2>${escapeXml(subject)}</h2>`,
    ...input.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`),
    ...(links.length
      ? [
          "<ol>",
          ...links.map((l) => `<li><a href="${escapeXml(l.url)}">${escapeXml(l.label)}</a></li>`),
          "</ol>",
        ]
      : []),
    ...(input.unsubscribeUrl
      ? [`<p><small><a href="${escapeXml(input.unsubscribeUrl)}">退订</a></small></p>`]
      : []),
    `<p>——${platformName}</p>`,
    "</body></html>",
  ].join("\n");
  const text = [
    subject,
    ...input.paragraphs,
    ...(links.length ? [links.map((l, i) => `${i + 1}. ${l.label}\n   ${l.url}`).join("\n")] : []),
    ...footer,
    `——${platformName}`,
  ].join("\n\n");
  return {
    subject,
    text,
    html,
    headers: input.unsubscribeUrl ? unsubscribeHeaders(input.unsubscribeUrl) : [],
  };
}
