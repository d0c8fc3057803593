import type { OutgoingNotice } from "./channel.ts";
import type { IsoDate } from "./date.ts";
import { escapeXml } from "./feed.ts";
import type { NoticeKind } from "./notice.ts";
import { utf8Bytes } from "./text.ts";

/**
 * A notice as each channel carries it (ADR 0044): one Chinese template per kind, rendered as
 * a WeCom or DingTalk robot's `markdown` message, an email and an SMS template's parameters.
 * Chat messages are trimmed to their channel's limit; the deadline and the link to the whole
 * notice are never trimmed away, so a trimmed message still says by when and where to read on.
 */

/** The word a notice of each kind is announced by. */
export const noticeKindLabel: Record<NoticeKind, string> = {
  training: "培训通知",
  assessment: "考评通知",
  supervision: "督办通知",
  circular: "通报",
};

/** What each kind asks of the unit, said once under the greeting. */
const ask: Record<NoticeKind, string> = {
  training: "现将培训有关事项通知如下，请按要求安排人员参加。",
  assessment: "现将考评有关事项通知如下，请按要求做好自评和材料报送。",
  supervision: "现将督办事项通知如下，请按要求办理并按时反馈办理结果。",
  circular: "现将有关情况通报如下，请认真对照、抓好落实。",
};

export const messageLimits = {
  /**
   * WeCom group robot: `markdown.content` "最长不超过4096个字节，必须是utf8编码"
   * (developer.work.weixin.qq.com/document/path/91770); over it the robot answers errcode
   * 40058 "markdown.content exceed max length 4096".
   */
  wecomContentBytes: 4096,
  /**
   * DingTalk custom robot: the robot page (open.dingtalk.com/document/orgapp/custom-robot-access)
   * gives no per-field limit for `markdown`; the robot refuses a request body over 20,000 bytes
   * (errcode 460101 "message too long, exceed 20000 bytes", "body 大小不合法…请保持大小在
   * 20000bytes 以内"), so the whole JSON body as sent is what is measured.
   */
  dingtalkBodyBytes: 20_000,
  /**
   * The conversation list shows `markdown.title`; DingTalk's message length rule (errcode
   * 34016: "title字段长度是否超过64") caps a title at 64 characters.
   */
  dingtalkTitleChars: 64,
  /** An SMS template variable is short (providers cap one at 20–35 characters). */
  smsTitleChars: 20,
};

/** Where a message comes from: also the keyword a DingTalk robot in keyword mode can require. */
export const platformName = "政务公开平台";
const trimmed = "……";

/** 2019年11月5日, as official documents write a date. */
export function chineseDate(date: IsoDate): string {
  const [year, month, day] = date.split("-");
  return `${year}年${Number(month)}月${Number(day)}日`;
}

const headline = (m: OutgoingNotice) => `【${noticeKindLabel[m.notice.kind]}】${m.notice.title}`;

function deadline(m: OutgoingNotice): string {
  const d = m.receiptDeadline;
  if (d === null) return "本通知无需回执。";
  const provisional = d.provisional ? "（暂按周一至周五推算，以该年节假日安排公布后为准）" : "";
  return `回执截止日期：${chineseDate(d.dueOn)}${provisional}`;
}

/** At most `max` characters (code points, so no half of a pair), marked with … when cut. */
function cutChars(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

const lines = (text: string) => text.replace(/\r\n?/g, "\n");

type Chat = { head: string[]; body: string; attachments: string[]; tail: string[] };

function chat(m: OutgoingNotice): Chat {
  const { notice } = m;
  return {
    head: [`### ${headline(m)}`, `**${m.unitName}**：`, ask[notice.kind]],
    body: lines(notice.body).trim(),
    attachments: notice.attachments.length
      ? [["附件：", ...notice.attachments.map((a, i) => `${i + 1}. [${a.title}](${a.url})`)].join("\n")]
      : [],
    tail: [`**${deadline(m)}**`, `[查看全文](${m.link})`, `——${platformName}`],
  };
}

const compose = (c: Chat, body: string, attachments: string[]) =>
  [...c.head, body, ...attachments, ...c.tail].filter((part) => part !== "").join("\n\n");

/**
 * The whole message when it fits. Otherwise the attachments become one line (a link cut in
 * half is no link; all of them are on the notice's page) and the body is cut on a character
 * boundary to the longest prefix that fits, marked with ……. Head, deadline and link stay.
 */
function fitChat(c: Chat, attachmentCount: number, fits: (text: string) => boolean): string {
  const whole = compose(c, c.body, c.attachments);
  if (fits(whole)) return whole;
  const collapsed = attachmentCount ? [`附件${attachmentCount}个，见全文。`] : [];
  const fullBody = compose(c, c.body, collapsed);
  if (fits(fullBody)) return fullBody;
  const chars = Array.from(c.body);
  const cut = (n: number) => compose(c, `${chars.slice(0, n).join("").trimEnd()}${trimmed}`, collapsed);
  // The measure grows with the prefix, so the longest prefix that fits is found by halving.
  let low = 0;
  let high = chars.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(cut(mid))) low = mid;
    else high = mid - 1;
  }
  return cut(low);
}

export type WecomMarkdown = { msgtype: "markdown"; markdown: { content: string } };

/** A WeCom group robot's `markdown` message, within 4,096 UTF-8 bytes. */
export function wecomMessage(m: OutgoingNotice): WecomMarkdown {
  const content = fitChat(
    chat(m),
    m.notice.attachments.length,
    (text) => utf8Bytes(text) <= messageLimits.wecomContentBytes,
  );
  return { msgtype: "markdown", markdown: { content } };
}

export type DingtalkMarkdown = { msgtype: "markdown"; markdown: { title: string; text: string } };

const dingtalkBody = (title: string, text: string): DingtalkMarkdown => ({
  msgtype: "markdown",
  markdown: { title, text },
});

/** A DingTalk group robot's `markdown` message whose JSON body is within 20,000 bytes. */
export function dingtalkMessage(m: OutgoingNotice): DingtalkMarkdown {
  const title = cutChars(headline(m), messageLimits.dingtalkTitleChars);
  const text = fitChat(
    chat(m),
    m.notice.attachments.length,
    (candidate) =>
      utf8Bytes(JSON.stringify(dingtalkBody(title, candidate))) <= messageLimits.dingtalkBodyBytes,
  );
  return dingtalkBody(title, text);
}

export type NoticeEmail = { subject: string; html: string; text: string };

/** Markdown shown as written: escaped paragraphs, line breaks kept; no markup of its own gets through. */
const htmlParagraphs = (text: string) =>
  lines(text)
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => `<p>${escapeXml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");

/** An email with the whole notice: a one-line subject, an HTML part and a text part. */
export function noticeEmail(m: OutgoingNotice): NoticeEmail {
  const { notice } = m;
  // A line break in a subject would start a new mail header.
  const subject = headline(m).replace(/\s+/g, " ").trim();
  const html = [
    "<!DOCTYPE html>",
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeXml(subject)}</title></head><body>`,
    `<h2>${escapeXml(subject)}</h2>`,
    `<p><strong>${escapeXml(m.unitName)}</strong>：</p>`,
    `<p>${escapeXml(ask[notice.kind])}</p>`,
    htmlParagraphs(notice.body),
    ...(notice.attachments.length
      ? [
          "<p>附件：</p>",
          "<ol>",
          ...notice.attachments.map(
            (a) => `<li><a href="${escapeXml(a.url)}">${escapeXml(a.title)}</a></li>`,
          ),
          "</ol>",
        ]
      : []),
    `<p><strong>${escapeXml(deadline(m))}</strong></p>`,
    `<p><a href="${escapeXml(m.link)}">查看全文</a></p>`,
    `<p>——${platformName}</p>`,
    "</body></html>",
  ].join("\n");
  const text = [
    `${m.unitName}：`,
    subject,
    ask[notice.kind],
    lines(notice.body).trim(),
    ...(notice.attachments.length
      ? [["附件：", ...notice.attachments.map((a, i) => `${i + 1}. ${a.title}：${a.url}`)].join("\n")]
      : []),
    deadline(m),
    `查看全文：${m.link}`,
    `——${platformName}`,
  ].join("\n\n");
  return { subject, html, text };
}

/** The variables of the SMS template: no body, which an SMS cannot carry; the link leads to it. */
export type SmsParams = { kind: string; title: string; deadline: string; link: string };

export function smsParams(m: OutgoingNotice): SmsParams {
  const d = m.receiptDeadline;
  return {
    kind: noticeKindLabel[m.notice.kind],
    title: cutChars(m.notice.title.replace(/\s+/g, " ").trim(), messageLimits.smsTitleChars),
    deadline: d === null ? "无需回执" : `${chineseDate(d.dueOn)}${d.provisional ? "（暂定）" : ""}`,
    link: m.link,
  };
}
