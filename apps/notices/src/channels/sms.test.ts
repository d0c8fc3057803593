import type { ChannelInput } from "@gov/domain";
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SmsConfig } from "./config.ts";
import { smsSender } from "./sms.ts";
import { attempt, consoleDuring, sampleNotice } from "./testing.ts";

const gateway = "http://sms-gateway.test/v1/messages";
const token = "gw-token-5f0c2a9e8b7d";
const config: SmsConfig = { url: gateway, templateId: "SMS_203671234", signName: "共青城政务公开", token };
const channel: ChannelInput = { kind: "sms", phones: ["13900000002", "13800000001"] };

const requests: Request[] = [];
let answer: () => Response | Promise<Response> = () => HttpResponse.json({ code: "OK", messageId: "m-1" });
const server = setupServer(
  http.post(gateway, ({ request }) => {
    requests.push(request.clone());
    return answer();
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  requests.length = 0;
  answer = () => HttpResponse.json({ code: "OK", messageId: "m-1" });
});
afterAll(() => server.close());

const send = (c: SmsConfig = config) => smsSender(c, attempt)(channel, sampleNotice);

describe("SMS gateway", () => {
  it("SMS request: POST the phones, template, signature and template parameters, with the bearer token and an idempotency key", async () => {
    expect(await send()).toEqual({ outcome: "sent", providerId: "m-1" });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(gateway);
    expect(request?.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(request?.headers.get("authorization")).toBe(`Bearer ${token}`);
    expect(request?.headers.get("idempotency-key")).toMatch(/^ntc_01JD6Q3Z5K8X9V2M4N7P0R1S3T-[0-9a-f]{16}$/);
    expect(await request?.json()).toEqual({
      phones: ["13900000002", "13800000001"],
      templateId: "SMS_203671234",
      signName: "共青城政务公开",
      params: {
        kind: "培训通知",
        title: "关于举办2019年全市政务公开工作培训…",
        deadline: "2019年11月15日",
        link: sampleNotice.link,
      },
    });
  });

  it("every attempt of one delivery carries the same idempotency key, so a gateway can drop a repeat", async () => {
    await send();
    await send();
    const [first, second] = requests.map((r) => r.headers.get("idempotency-key"));
    expect(first).toBe(second);
  });

  it("a gateway without a token is called without an Authorization header", async () => {
    await send({ ...config, token: undefined });
    expect(requests[0]?.headers.get("authorization")).toBeNull();
  });

  it("without gateway settings a delivery fails visibly, naming what is missing", async () => {
    expect(await smsSender(null, attempt)(channel, sampleNotice)).toEqual({
      outcome: "failed",
      reason: "未配置短信网关（SMS_GATEWAY_URL、SMS_TEMPLATE_ID、SMS_SIGN_NAME）",
    });
  });

  it("HTTP 500 is worth another attempt", async () => {
    answer = () => new HttpResponse(null, { status: 503, headers: { "retry-after": "15" } });
    expect(await send()).toEqual({
      outcome: "retry",
      reason: "服务暂不可用：HTTP 503",
      retryAfterSeconds: 15,
    });
  });

  it("a gateway that does not answer within the attempt's time is worth another attempt", async () => {
    answer = async () => {
      await delay(5_000);
      return HttpResponse.json({ code: "OK" });
    };
    expect(await send()).toEqual({ outcome: "retry", reason: "超时：0.3秒内无应答" });
  });

  it("429 with Retry-After in seconds and as an HTTP-date", async () => {
    answer = () => new HttpResponse(null, { status: 429, headers: { "retry-after": "120" } });
    expect(await send()).toMatchObject({ outcome: "retry", retryAfterSeconds: 120 });
    answer = () =>
      new HttpResponse(null, { status: 429, headers: { "retry-after": "Fri, 15 Nov 2019 05:59:00 GMT" } });
    // A date already past means: now.
    expect(await send()).toMatchObject({ outcome: "retry", retryAfterSeconds: 0 });
  });

  it("a code THROTTLED or UNAVAILABLE in a 2xx is worth another attempt, honouring Retry-After", async () => {
    answer = () =>
      HttpResponse.json({ code: "THROTTLED", message: "too many" }, { headers: { "retry-after": "60" } });
    expect(await send()).toEqual({
      outcome: "retry",
      reason: "短信网关返回THROTTLED：too many（网关限流）",
      retryAfterSeconds: 60,
    });
    answer = () => HttpResponse.json({ code: "UNAVAILABLE" });
    expect(await send()).toMatchObject({ outcome: "retry" });
  });

  it("any other code in a 2xx fails: the gateway refused the message", async () => {
    answer = () => HttpResponse.json({ code: "INVALID_PHONE", message: "号码无效" });
    expect(await send()).toEqual({ outcome: "failed", reason: "短信网关返回INVALID_PHONE：号码无效" });
    answer = () => HttpResponse.json({ code: "toString" });
    expect(await send()).toMatchObject({ outcome: "failed" });
  });

  it("a malformed answer (not JSON, or no code) is worth another attempt", async () => {
    answer = () => new HttpResponse("accepted", { status: 202 });
    expect(await send()).toEqual({ outcome: "retry", reason: "应答格式不正确：不是JSON" });
    answer = () => HttpResponse.json({ status: "ok" });
    expect(await send()).toEqual({ outcome: "retry", reason: "应答格式不正确：缺少code" });
  });

  it("another 4xx fails", async () => {
    answer = () => new HttpResponse(null, { status: 401 });
    expect(await send()).toEqual({ outcome: "failed", reason: "请求被拒绝：HTTP 401" });
  });

  it("the gateway token never appears in a reason or the console", async () => {
    answer = () => HttpResponse.json({ code: "UNAUTHORIZED", message: `bad token ${token}` });
    let reason = "";
    const written = await consoleDuring(async () => {
      const outcome = await send();
      reason = outcome.outcome === "sent" ? "" : outcome.reason;
    });
    expect(reason).toBe("短信网关返回UNAUTHORIZED：bad token ***");
    expect(written).not.toContain(token);
  });
});
