import { type ChannelInput, dingtalkMessage } from "@gov/domain";
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dingtalkSender, dingtalkSign } from "./dingtalk.ts";
import { attempt, consoleDuring, fixedNow, sampleNotice } from "./testing.ts";

const token = "6e2cf1f5c7b74b48a0e2b3d4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4";
const secret = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const webhookUrl = `https://oapi.dingtalk.com/robot/send?access_token=${token}`;
const signed: ChannelInput = { kind: "dingtalk", webhookUrl, secret };
const unsigned: ChannelInput = { kind: "dingtalk", webhookUrl };

/**
 * The fixed vector, computed once outside this code:
 *   printf '%s\n%s' 1573797600000 "$SECRET" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64
 *   → 7zSQm/MGVEAYkb39/3PCG2WglTsYNW1NrT2fTv5b4WQ=
 * and URL-encoded (python3 urllib.parse.quote_plus) → 7zSQm%2FMGVEAYkb39%2F3PCG2WglTsYNW1NrT2fTv5b4WQ%3D.
 * 1573797600000 is the tests' fixed clock, 2019-11-15T06:00:00Z.
 */
const timestamp = "1573797600000";
const expectedSign = "7zSQm%2FMGVEAYkb39%2F3PCG2WglTsYNW1NrT2fTv5b4WQ%3D";

const base = "http://capture.test/robots/dingtalk";
const requests: Request[] = [];
let answer: () => Response | Promise<Response> = () => HttpResponse.json({ errcode: 0, errmsg: "ok" });
const server = setupServer(
  http.post(`${base}/robot/send`, ({ request }) => {
    requests.push(request.clone());
    return answer();
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  requests.length = 0;
  answer = () => HttpResponse.json({ errcode: 0, errmsg: "ok" });
});
afterAll(() => server.close());

const send = (channel: ChannelInput = signed) => dingtalkSender(base, attempt)(channel, sampleNotice);

describe("DingTalk group robot", () => {
  it("DingTalk 加签: the signature matches the vector computed by hand with openssl", () => {
    expect(String(fixedNow.getTime())).toBe(timestamp);
    expect(encodeURIComponent(dingtalkSign(secret, fixedNow.getTime()))).toBe(expectedSign);
  });

  it("DingTalk request: POST to the configured base with the token, the clock's timestamp and the sign; the markdown message as JSON", async () => {
    expect(await send()).toEqual({ outcome: "sent" });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(
      `${base}/robot/send?access_token=${token}&timestamp=${timestamp}&sign=${expectedSign}`,
    );
    expect(request?.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await request?.json()).toEqual({
      msgtype: "markdown",
      markdown: {
        title: "【培训通知】关于举办2019年全市政务公开工作培训会的通知",
        text: dingtalkMessage(sampleNotice).markdown.text,
      },
    });
    // The keyword a robot in keyword mode can require is in every message.
    expect(dingtalkMessage(sampleNotice).markdown.text).toContain("政务公开平台");
  });

  it("a robot without a secret is sent to with its token only", async () => {
    await send(unsigned);
    expect(requests[0]?.url).toBe(`${base}/robot/send?access_token=${token}`);
  });

  it("HTTP 500 is worth another attempt", async () => {
    answer = () => new HttpResponse(null, { status: 502 });
    expect(await send()).toEqual({ outcome: "retry", reason: "服务暂不可用：HTTP 502" });
  });

  it("a robot that does not answer within the attempt's time is worth another attempt", async () => {
    answer = async () => {
      await delay(5_000);
      return HttpResponse.json({ errcode: 0 });
    };
    expect(await send()).toEqual({ outcome: "retry", reason: "超时：0.3秒内无应答" });
  });

  it("429 with Retry-After in seconds and as an HTTP-date", async () => {
    answer = () => new HttpResponse(null, { status: 429, headers: { "retry-after": "7" } });
    expect(await send()).toMatchObject({ outcome: "retry", retryAfterSeconds: 7 });
    answer = () =>
      new HttpResponse(null, { status: 429, headers: { "retry-after": "Fri, 15 Nov 2019 06:10:00 GMT" } });
    expect(await send()).toMatchObject({ outcome: "retry", retryAfterSeconds: 600 });
  });

  it("errcode 130101 in a 200 (over 20 a minute) waits out DingTalk's 10-minute hold", async () => {
    answer = () =>
      HttpResponse.json({ errcode: 130101, errmsg: "send too fast, exceed 20 times per minute" });
    expect(await send()).toEqual({
      outcome: "retry",
      reason: "钉钉返回错误码130101（发送太快，每分钟超过20条）：send too fast, exceed 20 times per minute",
      retryAfterSeconds: 600,
    });
  });

  it("errcode 310000 in a 200 (keyword, signature or IP refused) fails", async () => {
    answer = () => HttpResponse.json({ errcode: 310000, errmsg: "sign not match" });
    expect(await send()).toEqual({
      outcome: "failed",
      reason: "钉钉返回错误码310000（关键词、加签或IP地址校验未通过）：sign not match",
    });
  });

  it("errcode 300001 in a 200 (token not valid) fails", async () => {
    answer = () => HttpResponse.json({ errcode: 300001, errmsg: "token is not exist" });
    expect(await send()).toMatchObject({ outcome: "failed" });
  });

  it("a malformed answer (not JSON, or no errcode) is worth another attempt", async () => {
    answer = () => new HttpResponse("OK", { status: 200 });
    expect(await send()).toEqual({ outcome: "retry", reason: "应答格式不正确：不是JSON" });
    answer = () => HttpResponse.json({ errmsg: "ok" });
    expect(await send()).toEqual({ outcome: "retry", reason: "应答格式不正确：缺少errcode" });
  });

  it("another 4xx fails", async () => {
    answer = () => new HttpResponse(null, { status: 403 });
    expect(await send()).toEqual({ outcome: "failed", reason: "请求被拒绝：HTTP 403" });
  });

  it("the token, the signing secret and the sign never appear in a reason or the console", async () => {
    answer = () =>
      HttpResponse.json({
        errcode: 310000,
        errmsg: `sign not match: access_token=${token}&sign=${expectedSign} secret ${secret}`,
      });
    let reason = "";
    const written = await consoleDuring(async () => {
      const outcome = await send();
      reason = outcome.outcome === "sent" ? "" : outcome.reason;
    });
    expect(reason).toBe(
      "钉钉返回错误码310000（关键词、加签或IP地址校验未通过）：sign not match: access_token=***&sign=*** secret ***",
    );
    for (const s of [token, secret, expectedSign]) expect(written).not.toContain(s);
  });
});
