import { type ChannelInput, citizenMail, noticeEmail } from "@gov/domain";
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { EmailConfig } from "./config.ts";
import { emailSenders } from "./email.ts";
import { attempt, sampleNotice } from "./testing.ts";

/** SES v2 in us-east-1, as the SDK addresses it; and the local emulator's kind of endpoint. */
const sesUrl = "https://email.us-east-1.amazonaws.com/v2/email/outbound-emails";
const emulator = "http://localhost.test:8005";
const config: EmailConfig = {
  region: "us-east-1",
  endpoint: undefined,
  from: "政务公开 <notices@example.gov.cn>",
};
const channel: ChannelInput = { kind: "email", addresses: ["caizheng@example.gov.cn", "gk@example.gov.cn"] };

const requests: Request[] = [];
let answer: () => Response | Promise<Response> = () => HttpResponse.json({ MessageId: "0100018c-ses-id" });
const handler = ({ request }: { request: Request }) => {
  requests.push(request.clone());
  return answer();
};
const server = setupServer(
  http.post(sesUrl, handler),
  http.post(`${emulator}/v2/email/outbound-emails`, handler),
);

/** An SES error the way SES v2 answers one: its status, the error type header and a JSON message. */
const sesError = (status: number, type: string, message: string, headers: Record<string, string> = {}) =>
  HttpResponse.json({ message }, { status, headers: { "x-amzn-errortype": type, ...headers } });

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "ses-test-secret");
});
afterEach(() => {
  requests.length = 0;
  answer = () => HttpResponse.json({ MessageId: "0100018c-ses-id" });
});
afterAll(() => {
  server.close();
  vi.unstubAllEnvs();
});

const send = (c = config) => emailSenders(c, attempt).email(channel, sampleNotice);

describe("email through Amazon SES v2", () => {
  it("SES request: SendEmail to the channel's addresses from the configured sender, subject, HTML and text in UTF-8, signed", async () => {
    expect(await send()).toEqual({ outcome: "sent", providerId: "0100018c-ses-id" });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    const email = noticeEmail(sampleNotice);
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(sesUrl);
    expect(request?.headers.get("content-type")).toBe("application/json");
    expect(request?.headers.get("authorization")).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/ses\/aws4_request, SignedHeaders=.+, Signature=[0-9a-f]{64}$/,
    );
    expect(await request?.json()).toEqual({
      FromEmailAddress: "政务公开 <notices@example.gov.cn>",
      Destination: { ToAddresses: ["caizheng@example.gov.cn", "gk@example.gov.cn"] },
      Content: {
        Simple: {
          Subject: { Data: "【培训通知】关于举办2019年全市政务公开工作培训会的通知", Charset: "UTF-8" },
          Body: {
            Html: { Data: email.html, Charset: "UTF-8" },
            Text: { Data: email.text, Charset: "UTF-8" },
          },
        },
      },
    });
  });

  it("RFC 8058: a citizen's mail goes to its one address with List-Unsubscribe and List-Unsubscribe-Post in Content.Simple.Headers; a notice carries none", async () => {
    const mail = citizenMail({
      subject: "栏目“决策公开”新公开信息1条（2026-03-04）",
      paragraphs: ["您订阅的栏目有新公开信息。"],
      unsubscribeUrl: "https://zwgk.example.gov.cn/public/v1/subscriptions/unsubscribe?token=sub_X.Y",
    });
    expect(await emailSenders(config, attempt).mail("citizen@example.com", mail)).toMatchObject({
      outcome: "sent",
    });
    type Sent = { Destination: unknown; Content: { Simple: { Headers?: unknown } } };
    const sent = async (i: number) => (await (requests[i] as Request).json()) as Sent;
    const body = await sent(0);
    expect(body.Destination).toEqual({ ToAddresses: ["citizen@example.com"] });
    expect(body.Content.Simple.Headers).toEqual([
      {
        Name: "List-Unsubscribe",
        Value: "<https://zwgk.example.gov.cn/public/v1/subscriptions/unsubscribe?token=sub_X.Y>",
      },
      { Name: "List-Unsubscribe-Post", Value: "List-Unsubscribe=One-Click" },
    ]);
    // Control: a notice to a unit's addresses has no unsubscribe headers.
    await send();
    expect((await sent(1)).Content.Simple.Headers).toBeUndefined();
  });

  it("SES_ENDPOINT sends to the local emulator instead", async () => {
    await send({ ...config, endpoint: emulator });
    expect(requests[0]?.url).toBe(`${emulator}/v2/email/outbound-emails`);
  });

  it("the SDK tries once: retries belong to the dispatcher", async () => {
    answer = () => sesError(500, "InternalServiceErrorException", "internal");
    expect(await send()).toMatchObject({ outcome: "retry" });
    expect(requests).toHaveLength(1);
  });

  it("HTTP 500 is worth another attempt", async () => {
    answer = () => sesError(500, "InternalServiceErrorException", "internal");
    expect(await send()).toEqual({
      outcome: "retry",
      reason: "邮件服务返回InternalServiceErrorException（HTTP 500）：internal",
    });
  });

  it("SES that does not answer within the attempt's time is worth another attempt", async () => {
    answer = async () => {
      await delay(5_000);
      return HttpResponse.json({ MessageId: "late" });
    };
    const started = Date.now();
    expect(await send()).toEqual({ outcome: "retry", reason: "超时：0.3秒内无应答" });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("TooManyRequestsException (429) is worth another attempt, honouring Retry-After", async () => {
    answer = () => sesError(429, "TooManyRequestsException", "Too many requests", { "retry-after": "20" });
    expect(await send()).toEqual({
      outcome: "retry",
      reason: "邮件服务返回TooManyRequestsException（HTTP 429）：Too many requests",
      retryAfterSeconds: 20,
    });
    answer = () =>
      sesError(429, "TooManyRequestsException", "Too many requests", {
        "retry-after": "Fri, 15 Nov 2019 06:00:45 GMT",
      });
    expect(await send()).toMatchObject({ outcome: "retry", retryAfterSeconds: 45 });
  });

  it("MessageRejected fails: SES will refuse the same message again", async () => {
    answer = () => sesError(400, "MessageRejected", "Email address is not verified.");
    expect(await send()).toEqual({
      outcome: "failed",
      reason: "邮件服务返回MessageRejected（HTTP 400）：Email address is not verified.",
    });
  });

  it("an unverified MAIL FROM domain or a suspended account fails", async () => {
    answer = () => sesError(400, "MailFromDomainNotVerifiedException", "not verified");
    expect(await send()).toMatchObject({ outcome: "failed" });
    answer = () => sesError(400, "AccountSuspendedException", "suspended");
    expect(await send()).toMatchObject({ outcome: "failed" });
  });

  it("a malformed answer (not JSON) is worth another attempt: the message may have been taken or not", async () => {
    answer = () => new HttpResponse("<html>proxy</html>", { status: 200 });
    const outcome = await send();
    expect(outcome).toMatchObject({ outcome: "retry" });
    expect(outcome.outcome === "retry" && outcome.reason).toMatch(/^邮件服务返回.*（HTTP 200）/);
  });

  it("without SES settings a delivery fails visibly, naming what is missing", async () => {
    expect(await emailSenders(null, attempt).email(channel, sampleNotice)).toEqual({
      outcome: "failed",
      reason: "未配置邮件发送（SES_REGION、SES_FROM）",
    });
  });
});
