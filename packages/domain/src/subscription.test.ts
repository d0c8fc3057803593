import { describe, expect, it } from "vitest";
import { citizenMail } from "./citizen-mail.ts";
import {
  digestCutoff,
  SubscribeInput,
  type Subscription,
  topicKey,
  topicOf,
  untold,
} from "./subscription.ts";

const sub = (digestedThrough: string | null): Subscription => ({
  id: "sub_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
  topic: { kind: "column", columnId: "decision" },
  state: "confirmed",
  sealedAddress: "v1.address.x.y.z",
  addressKey: "k",
  createdAt: "2026-03-01T00:00:00.000Z",
  confirmationSentAt: "2026-03-01T00:00:00.000Z",
  confirmedAt: "2026-03-01T00:00:00.000Z",
  digestedThrough,
  lastDigestOn: null,
  version: 2,
});

describe("the daily digest's window", () => {
  it("the digest of day D tells what was published before D began in Beijing (00:00 +08:00), after the last digest", () => {
    expect(digestCutoff("2026-03-04")).toBe("2026-03-03T16:00:00.000Z");
    const items = [
      { id: "a", publishedAt: "2026-03-02T10:00:00.000Z" }, // told by the last digest
      { id: "b", publishedAt: "2026-03-03T15:59:59.999Z" }, // 23:59:59 on the 3rd in Beijing
      { id: "c", publishedAt: "2026-03-03T16:00:00.000Z" }, // 00:00 on the 4th: tomorrow's
      { id: "d", publishedAt: null },
    ];
    const told = untold(sub("2026-03-02T16:00:00.000Z"), items, digestCutoff("2026-03-04"));
    expect(told.map((i) => i.id)).toEqual(["b"]);
    // Control: without a last digest, the window starts at the subscription's creation.
    expect(untold(sub(null), items, digestCutoff("2026-03-04")).map((i) => i.id)).toEqual(["a", "b"]);
  });
});

describe("what a subscription is to", () => {
  it("exactly one of a column, a unit or a search; the same search in other case or spacing is the same topic", () => {
    const base = { email: "a@example.com" };
    expect(SubscribeInput.safeParse({ ...base, q: "社会  救助" }).success).toBe(true);
    expect(SubscribeInput.safeParse({ ...base }).success).toBe(false);
    expect(SubscribeInput.safeParse({ ...base, q: "预算", unitCode: "000014351" }).success).toBe(false);
    const key = (q: string) => topicKey(topicOf(SubscribeInput.parse({ ...base, q })));
    expect(key("社会  救助 GDP")).toBe(key("社会 救助 gdp"));
    // Control: a different search is a different topic.
    expect(key("社会救助")).not.toBe(key("社会 救助"));
  });
});

describe("a citizen's mail", () => {
  it("RFC 8058: an unsubscribe URL gives List-Unsubscribe in angle brackets and List-Unsubscribe-Post; none without one", () => {
    const url = "https://zwgk.example.gov.cn/public/v1/subscriptions/unsubscribe?token=sub_X.Y";
    expect(citizenMail({ subject: "主题", paragraphs: ["正文"], unsubscribeUrl: url }).headers).toEqual([
      { name: "List-Unsubscribe", value: `<${url}>` },
      { name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click" },
    ]);
    expect(citizenMail({ subject: "主题", paragraphs: ["正文"] }).headers).toEqual([]);
  });

  it("escapes what it is given and keeps a subject on one line", () => {
    const mail = citizenMail({
      subject: "标题\r\nBcc: x@example.com",
      paragraphs: ["<script>alert(1)</script>"],
    });
    expect(mail.subject).toBe("标题 Bcc: x@example.com");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
  });
});
