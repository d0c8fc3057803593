import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelConfig, createSenders } from "./index.ts";
import { retryAfterSeconds } from "./provider-answer.ts";
import { fixedNow, sampleNotice, testTimeoutMs } from "./testing.ts";

const hosts: string[] = [];
const server = setupServer(
  http.post("http://capture.test/*", ({ request }) => {
    hosts.push(new URL(request.url).pathname);
    return HttpResponse.json({ errcode: 0, errmsg: "ok" });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

describe("channel configuration, read in one place", () => {
  it("the robot bases default to the official hosts", () => {
    const config = channelConfig({});
    expect(config.wecomApiBase).toBe("https://qyapi.weixin.qq.com");
    expect(config.dingtalkApiBase).toBe("https://oapi.dingtalk.com");
    expect(config.email).toBeNull();
    expect(config.sms).toBeNull();
  });

  it("email and SMS settings are all or nothing; the error names what is missing, never a value", () => {
    expect(() => channelConfig({ SES_REGION: "cn-northwest-1" })).toThrow(
      "送达渠道配置有误：SES_FROM 须与SES_REGION、SES_FROM一并设置",
    );
    let message = "";
    try {
      channelConfig({ SMS_GATEWAY_URL: "http://sms.test/send", SMS_GATEWAY_TOKEN: "tok-9f8e7d" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("SMS_TEMPLATE_ID");
    expect(message).toContain("SMS_SIGN_NAME");
    expect(message).not.toContain("tok-9f8e7d");
  });

  it("a robot base must be an http(s) URL; an empty variable counts as unset", () => {
    expect(() => channelConfig({ WECOM_API_BASE: "file:///etc/passwd" })).toThrow("WECOM_API_BASE");
    expect(channelConfig({ WECOM_API_BASE: "" }).wecomApiBase).toBe("https://qyapi.weixin.qq.com");
  });

  it("every setting given: email and SMS are configured", () => {
    const config = channelConfig({
      SES_REGION: "cn-northwest-1",
      SES_ENDPOINT: "http://localhost:8005",
      SES_FROM: "notices@example.gov.cn",
      SMS_GATEWAY_URL: "http://sms.test/send",
      SMS_TEMPLATE_ID: "SMS_1",
      SMS_SIGN_NAME: "共青城政务公开",
    });
    expect(config.email).toEqual({
      region: "cn-northwest-1",
      endpoint: "http://localhost:8005",
      from: "notices@example.gov.cn",
    });
    expect(config.sms).toEqual({
      url: "http://sms.test/send",
      templateId: "SMS_1",
      signName: "共青城政务公开",
      token: undefined,
    });
  });

  it("the senders built from the configuration reach the configured robot bases, a trailing slash or not", async () => {
    const senders = createSenders(
      channelConfig({
        WECOM_API_BASE: "http://capture.test/wecom/",
        DINGTALK_API_BASE: "http://capture.test/dingtalk",
      }),
      { clock: () => fixedNow, timeoutMs: testTimeoutMs },
    );
    await senders.wecom(
      { kind: "wecom", webhookUrl: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcdefgh-1234" },
      sampleNotice,
    );
    await senders.dingtalk(
      { kind: "dingtalk", webhookUrl: "https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789" },
      sampleNotice,
    );
    expect(hosts).toEqual(["/wecom/cgi-bin/webhook/send", "/dingtalk/robot/send"]);
  });
});

describe("Retry-After", () => {
  it("Retry-After is read as delay-seconds or an HTTP-date, and ignored when unreadable", () => {
    expect(retryAfterSeconds("120", fixedNow)).toBe(120);
    expect(retryAfterSeconds("Fri, 15 Nov 2019 06:01:00 GMT", fixedNow)).toBe(60);
    // RFC 850, the obsolete form RFC 9110 still asks recipients to accept.
    expect(retryAfterSeconds("Friday, 15-Nov-19 06:00:30 GMT", fixedNow)).toBe(30);
    expect(retryAfterSeconds("Fri, 15 Nov 2019 05:00:00 GMT", fixedNow)).toBe(0);
    expect(retryAfterSeconds("soon", fixedNow)).toBeUndefined();
    expect(retryAfterSeconds("-5", fixedNow)).toBeUndefined();
    expect(retryAfterSeconds(null, fixedNow)).toBeUndefined();
  });
});
