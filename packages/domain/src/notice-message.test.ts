import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OutgoingNotice } from "./channel.ts";
import type { Notice, NoticeAttachment } from "./notice.ts";
import {
  chineseDate,
  dingtalkMessage,
  messageLimits,
  noticeEmail,
  smsParams,
  wecomMessage,
} from "./notice-message.ts";
import { textIssue, utf8Bytes } from "./text.ts";

const link = "https://notices.example.gov.cn/notices/ntc_01JD6Q3Z5K8X9V2M4N7P0R1S3T";

const notice = (fields: Partial<Notice> = {}): Notice => ({
  id: "ntc_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
  kind: "training",
  title: "关于举办2019年全市政务公开工作培训会的通知",
  body: "定于2019年11月15日举办全市政务公开工作培训会。\n\n请各单位分管领导及工作人员参加。",
  attachments: [],
  targets: { scope: "all" },
  unitCodes: ["000014351"],
  receipt: { required: true, workingDays: 5, dueOn: null },
  issuedOn: "2019-11-08",
  issuedBy: "000014349",
  version: 1,
  createdAt: "2019-11-08T02:00:00.000Z",
  updatedAt: "2019-11-08T02:00:00.000Z",
  ...fields,
});

const outgoing = (fields: Partial<Notice> = {}, rest: Partial<OutgoingNotice> = {}): OutgoingNotice => ({
  notice: notice(fields),
  receiptDeadline: { dueOn: "2019-11-15", provisional: false },
  unitName: "共青城市财政局",
  link,
  ...rest,
});

const deadlineLine = "**回执截止日期：2019年11月15日**";
const linkLine = `[查看全文](${link})`;

/** A body of 汉字 (3 bytes each) and ASCII padding that brings `measure` to exactly `target`. */
function bodyOfSize(measure: (body: string) => number, target: number): string {
  const overhead = measure("汉") - 3;
  const room = target - overhead;
  return "汉".repeat(Math.floor(room / 3)) + "a".repeat(room % 3);
}

const wecomBytes = (body: string) => utf8Bytes(wecomMessage(outgoing({ body })).markdown.content);
const dingtalkBytes = (body: string) => utf8Bytes(JSON.stringify(dingtalkMessage(outgoing({ body }))));

describe("the templates per kind", () => {
  it("each kind is announced by its own word: 培训通知, 考评通知, 督办通知, 通报", () => {
    const heads = (["training", "assessment", "supervision", "circular"] as const).map(
      (kind) => wecomMessage(outgoing({ kind })).markdown.content.split("\n")[0],
    );
    expect(heads).toEqual([
      "### 【培训通知】关于举办2019年全市政务公开工作培训会的通知",
      "### 【考评通知】关于举办2019年全市政务公开工作培训会的通知",
      "### 【督办通知】关于举办2019年全市政务公开工作培训会的通知",
      "### 【通报】关于举办2019年全市政务公开工作培训会的通知",
    ]);
  });

  it("a chat message greets the unit, says what the kind asks, carries the body, attachments, deadline and link", () => {
    const attachments: NoticeAttachment[] = [{ title: "报名回执表", url: "https://example.gov.cn/a.docx" }];
    expect(wecomMessage(outgoing({ attachments })).markdown.content).toBe(
      [
        "### 【培训通知】关于举办2019年全市政务公开工作培训会的通知",
        "**共青城市财政局**：",
        "现将培训有关事项通知如下，请按要求安排人员参加。",
        "定于2019年11月15日举办全市政务公开工作培训会。\n\n请各单位分管领导及工作人员参加。",
        "附件：\n1. [报名回执表](https://example.gov.cn/a.docx)",
        deadlineLine,
        linkLine,
        "——政务公开平台",
      ].join("\n\n"),
    );
  });

  it("a deadline counted over a year whose holidays are not loaded is said to be provisional", () => {
    const m = outgoing({}, { receiptDeadline: { dueOn: "2027-01-08", provisional: true } });
    expect(wecomMessage(m).markdown.content).toContain(
      "**回执截止日期：2027年1月8日（暂按周一至周五推算，以该年节假日安排公布后为准）**",
    );
  });

  it("a notice without a receipt says so instead of a deadline", () => {
    const m = outgoing(
      { receipt: { required: false, workingDays: null, dueOn: null } },
      { receiptDeadline: null },
    );
    expect(wecomMessage(m).markdown.content).toContain("**本通知无需回执。**");
  });

  it("dates read as official documents write them: 2019年11月5日", () => {
    expect(chineseDate("2019-11-05")).toBe("2019年11月5日");
  });
});

describe("WeCom markdown: content at most 4,096 UTF-8 bytes", () => {
  it("WeCom 4,096 bytes: a CJK message of exactly 4,096 bytes is sent whole", () => {
    const body = bodyOfSize(wecomBytes, messageLimits.wecomContentBytes);
    const { content } = wecomMessage(outgoing({ body })).markdown;
    expect(utf8Bytes(content)).toBe(4096);
    expect(content).toContain(body);
    expect(content).not.toContain("……");
  });

  it("WeCom 4,096 bytes: one byte more and the body is cut on a character boundary to the longest prefix that fits", () => {
    const body = bodyOfSize(wecomBytes, messageLimits.wecomContentBytes + 1);
    const { content } = wecomMessage(outgoing({ body })).markdown;
    expect(utf8Bytes(content)).toBeLessThanOrEqual(4096);
    const kept = content.split("\n\n")[3] ?? "";
    expect(kept.endsWith("……")).toBe(true);
    const prefix = kept.slice(0, -2);
    expect(body.startsWith(prefix)).toBe(true);
    // One character more would not have fitted: nothing was given away.
    const longer = content.replace(`${prefix}……`, `${body.slice(0, prefix.length + 1)}……`);
    expect(utf8Bytes(longer)).toBeGreaterThan(4096);
    expect(content).toContain(deadlineLine);
    expect(content).toContain(linkLine);
  });

  it("the link and the deadline are never trimmed away, however long the body", () => {
    const { content } = wecomMessage(outgoing({ body: "政务公开".repeat(5000) })).markdown;
    expect(utf8Bytes(content)).toBeLessThanOrEqual(4096);
    expect(content.endsWith(`${deadlineLine}\n\n${linkLine}\n\n——政务公开平台`)).toBe(true);
  });

  it("a character of four bytes is never split in half", () => {
    const { content } = wecomMessage(outgoing({ body: "📢".repeat(2000) })).markdown;
    expect(textIssue(content)).toBeUndefined();
    expect(Buffer.from(content, "utf8").toString("utf8")).toBe(content);
  });

  it("attachments that do not fit become one line pointing to the whole notice, never a link cut in half", () => {
    const attachments = Array.from({ length: 20 }, (_, i) => ({
      title: `附件材料${i + 1}`,
      url: `https://example.gov.cn/files/${"x".repeat(300)}${i}.pdf`,
    }));
    const { content } = wecomMessage(outgoing({ attachments, body: "请按附件要求报送材料。" })).markdown;
    expect(utf8Bytes(content)).toBeLessThanOrEqual(4096);
    expect(content).toContain("请按附件要求报送材料。\n\n附件20个，见全文。");
    expect(content).not.toContain("example.gov.cn/files");
  });

  it("any body at all: the content fits and keeps the deadline and the link", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 3000 }), (body) => {
        const { content } = wecomMessage(outgoing({ body: `开始${body}` })).markdown;
        return utf8Bytes(content) <= 4096 && content.includes(deadlineLine) && content.includes(linkLine);
      }),
      { numRuns: 60 },
    );
  });
});

describe("DingTalk markdown: title and text, the body at most 20,000 bytes", () => {
  it("DingTalk 20,000 bytes: a CJK message whose body is exactly 20,000 bytes is sent whole", () => {
    const body = bodyOfSize(dingtalkBytes, messageLimits.dingtalkBodyBytes);
    const message = dingtalkMessage(outgoing({ body }));
    expect(utf8Bytes(JSON.stringify(message))).toBe(20_000);
    expect(message.markdown.text).toContain(body);
  });

  it("DingTalk 20,000 bytes: the body is measured as sent, so escaped line breaks count twice", () => {
    const body = "通知\n".repeat(3000);
    const message = dingtalkMessage(outgoing({ body }));
    expect(utf8Bytes(JSON.stringify(message))).toBeLessThanOrEqual(20_000);
    expect(utf8Bytes(message.markdown.text)).toBeLessThan(20_000 - 2000);
    expect(message.markdown.text).toContain("……");
    expect(message.markdown.text).toContain(linkLine);
    expect(message.markdown.text).toContain(deadlineLine);
  });

  it("DingTalk title: the kind and title, cut to 64 characters", () => {
    expect(dingtalkMessage(outgoing()).markdown.title).toBe(
      "【培训通知】关于举办2019年全市政务公开工作培训会的通知",
    );
    const title = dingtalkMessage(outgoing({ title: "关于".repeat(100) })).markdown.title;
    expect(Array.from(title)).toHaveLength(64);
    expect(title.endsWith("…")).toBe(true);
  });
});

describe("email: the whole notice, escaped", () => {
  it("email: HTML is escaped in the title, the unit, the body and the attachment's address", () => {
    const email = noticeEmail(
      outgoing(
        {
          title: "关于<script>alert(1)</script>的通知",
          body: '请查收 <img src=x onerror="alert(1)"> & 回复',
          attachments: [{ title: "表<b>", url: 'https://example.gov.cn/a?x="><script>' }],
        },
        { unitName: "财政局&<i>" },
      ),
    );
    expect(email.html).not.toMatch(/<script|<img|<b>|<i>/);
    expect(email.html).toContain("<h2>【培训通知】关于&lt;script&gt;alert(1)&lt;/script&gt;的通知</h2>");
    expect(email.html).toContain("<p>请查收 &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; 回复</p>");
    expect(email.html).toContain(
      '<a href="https://example.gov.cn/a?x=&quot;&gt;&lt;script&gt;">表&lt;b&gt;</a>',
    );
    expect(email.html).toContain("<strong>财政局&amp;&lt;i&gt;</strong>");
  });

  it("email: the whole body goes in both parts, paragraphs and line breaks kept", () => {
    const body = `第一段\n第二行\n\n${"政务公开".repeat(5000)}`;
    const email = noticeEmail(outgoing({ body }));
    expect(email.html).toContain("<p>第一段<br>第二行</p>");
    expect(email.html).toContain(`<p>${"政务公开".repeat(5000)}</p>`);
    expect(email.text).toContain(body);
    expect(email.text).toContain(`查看全文：${link}`);
    expect(email.html).toContain(`<a href="${link}">查看全文</a>`);
  });

  it("email: a line break in the title cannot start a new header in the subject", () => {
    expect(noticeEmail(outgoing({ title: "培训\r\nBcc: a@example.com" })).subject).toBe(
      "【培训通知】培训 Bcc: a@example.com",
    );
  });
});

describe("SMS: template parameters only", () => {
  it("SMS: the kind, the title cut to 20 characters, the deadline and the link; never the body", () => {
    const params = smsParams(outgoing({ title: "关于举办2019年全市政务公开工作培训会暨业务交流会的通知" }));
    expect(params).toEqual({
      kind: "培训通知",
      title: "关于举办2019年全市政务公开工作培训…",
      deadline: "2019年11月15日",
      link,
    });
    expect(Array.from(params.title)).toHaveLength(20);
    expect(JSON.stringify(params)).not.toContain("分管领导");
  });

  it("SMS: a provisional deadline is marked, and a notice without a receipt says so", () => {
    expect(
      smsParams(outgoing({}, { receiptDeadline: { dueOn: "2027-01-08", provisional: true } })).deadline,
    ).toBe("2027年1月8日（暂定）");
    expect(smsParams(outgoing({}, { receiptDeadline: null })).deadline).toBe("无需回执");
  });
});
