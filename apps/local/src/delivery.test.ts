import type { AddressInfo } from "node:net";
import type { OutgoingNotice } from "@gov/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CapturedMessage, createCapture } from "./capture.ts";
import { localSenders } from "./delivery.ts";
import { startEmailEmulator } from "./email-emulator.ts";
import { listen, ServerTimeouts } from "./http-server.ts";

const now = new Date("2019-11-08T02:00:00.000Z");
const message: OutgoingNotice = {
  notice: {
    id: "ntc_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
    kind: "training",
    title: "关于举办全市政务公开工作培训会的通知<script>",
    body: "定于2019年11月15日举办全市政务公开工作培训会。",
    attachments: [],
    targets: { scope: "all" },
    unitCodes: ["000014351"],
    receipt: { required: true, workingDays: 5, dueOn: null },
    issuedOn: "2019-11-08",
    issuedBy: "000014349",
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  },
  receiptDeadline: { dueOn: "2019-11-15", provisional: false },
  unitName: "共青城市财政局",
  link: "http://127.0.0.1:3000/notices/v1/notices/ntc_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
};
const wecomKey = "0a1b2c3d-4e5f-6789-abcd-ef0123456789";

let captureUrl = "";
let emailUrl = "";
const stops: (() => Promise<void>)[] = [];
beforeAll(async () => {
  const email = await startEmailEmulator(0);
  stops.push(email.stop);
  emailUrl = email.url;
  const server = await listen(createCapture(() => now).fetch, 0, ServerTimeouts.parse({}));
  stops.push(() => new Promise((resolve) => server.close(() => resolve())));
  captureUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const stop of stops) await stop();
});

const captured = async () =>
  ((await (await fetch(`${captureUrl}/messages`)).json()) as { messages: CapturedMessage[] }).messages;

describe("issue 13 where it runs: the local stack's channels answer as the real providers do", () => {
  it("a WeCom, a DingTalk (signed) and an SMS message arrive at the capture endpoint, robot keys masked", async () => {
    const senders = localSenders({ captureUrl, emailUrl }, () => now);
    expect(
      await senders.wecom(
        { kind: "wecom", webhookUrl: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${wecomKey}` },
        message,
      ),
    ).toEqual({ outcome: "sent" });
    expect(
      await senders.dingtalk(
        {
          kind: "dingtalk",
          webhookUrl: "https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789abcdef",
          secret: `SEC${"a".repeat(64)}`,
        },
        message,
      ),
    ).toEqual({ outcome: "sent" });
    expect(await senders.sms({ kind: "sms", phones: ["13800000000"] }, message)).toMatchObject({
      outcome: "sent",
    });

    const messages = await captured();
    expect(messages.map((m) => m.channel)).toEqual(["sms", "dingtalk", "wecom"]);
    expect(messages[2]?.to).toBe(`企业微信机器人 …${wecomKey.slice(-4)}`);
    expect(messages[1]?.to).toContain("（加签）");
    expect(JSON.stringify(messages)).not.toContain(wecomKey);
    expect(messages[0]?.to).toBe("13800000000");
  });

  it("the capture page shows the messages, escaped, with no script or outside asset", async () => {
    const page = await (await fetch(`${captureUrl}/`)).text();
    expect(page).toContain("本地消息捕获");
    expect(page).toContain("&lt;script&gt;");
    expect(page).not.toMatch(/<script|<link|src=/);
  });

  it("taken down, the capture endpoint answers 503 and the sender says retry; brought up, it sends again", async () => {
    const senders = localSenders({ captureUrl, emailUrl }, () => now);
    const channel = {
      kind: "wecom" as const,
      webhookUrl: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${wecomKey}`,
    };
    await fetch(`${captureUrl}/down`, { method: "POST" });
    expect(await senders.wecom(channel, message)).toMatchObject({ outcome: "retry" });
    await fetch(`${captureUrl}/up`, { method: "POST" });
    expect(await senders.wecom(channel, message)).toEqual({ outcome: "sent" });
  });

  it("an email goes through the real SDK to the SES v2 emulator, which keeps its HTML and text parts", async () => {
    const senders = localSenders({ captureUrl, emailUrl }, () => now);
    const outcome = await senders.email({ kind: "email", addresses: ["caizheng@example.gov.cn"] }, message);
    expect(outcome).toMatchObject({ outcome: "sent" });
    const store = (await (await fetch(`${emailUrl}/store`)).json()) as {
      emails: { subject: string; destination: { to: string[] }; body: { html?: string; text?: string } }[];
    };
    const sent = store.emails.find((e) => e.subject.includes("政务公开工作培训会"));
    expect(sent?.destination.to).toEqual(["caizheng@example.gov.cn"]);
    expect(sent?.body.html).toContain(message.link);
    expect(sent?.body.text).toContain("回执截止日期：2019年11月15日");
  });
});
