import { type ChannelInput, wecomMessage } from "@gov/domain";
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { attempt, consoleDuring, sampleNotice } from "./testing.ts";
import { wecomSender } from "./wecom.ts";

const key = "693a91f6-7aoc-4bc4-97a0-0ec2sifa5aaa";
const channel: ChannelInput = {
  kind: "wecom",
  webhookUrl: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`,
};
// The local capture endpoint's kind of base: another host, with a path of its own.
const base = "http://capture.test/robots/wecom";

const requests: Request[] = [];
let answer: () => Response | Promise<Response> = () => HttpResponse.json({ errcode: 0, errmsg: "ok" });
const server = setupServer(
  http.post(`${base}/cgi-bin/webhook/send`, ({ request }) => {
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

const send = () => wecomSender(base, attempt)(channel, sampleNotice);

describe("WeCom group robot", () => {
  it("WeCom request: POST to the configured base with the key from the stored address, the markdown message as JSON", async () => {
    expect(await send()).toEqual({ outcome: "sent" });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`${base}/cgi-bin/webhook/send?key=${key}`);
    expect(request?.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(request?.headers.get("authorization")).toBeNull();
    expect(await request?.json()).toEqual({
      msgtype: "markdown",
      markdown: { content: wecomMessage(sampleNotice).markdown.content },
    });
    expect(wecomMessage(sampleNotice).markdown.content).toContain(`[查看全文](${sampleNotice.link})`);
  });

  it("the stored address is never called as given: only the configured host is reached", async () => {
    // onUnhandledRequest "error" would fail a request to qyapi.weixin.qq.com.
    await send();
    expect(requests.map((r) => new URL(r.url).host)).toEqual(["capture.test"]);
  });

  it("HTTP 500 is worth another attempt", async () => {
    answer = () => new HttpResponse("upstream error", { status: 500 });
    expect(await send()).toEqual({ outcome: "retry", reason: "服务暂不可用：HTTP 500" });
  });

  it("a robot that does not answer within the attempt's time is worth another attempt", async () => {
    answer = async () => {
      await delay(5_000);
      return HttpResponse.json({ errcode: 0 });
    };
    const started = Date.now();
    expect(await send()).toEqual({ outcome: "retry", reason: "超时：0.3秒内无应答" });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("429 waits as long as Retry-After says, in seconds", async () => {
    answer = () => new HttpResponse(null, { status: 429, headers: { "retry-after": "30" } });
    expect(await send()).toEqual({
      outcome: "retry",
      reason: "请求过于频繁：HTTP 429",
      retryAfterSeconds: 30,
    });
  });

  it("429 waits until the HTTP-date Retry-After names", async () => {
    // Two minutes after the fixed clock's 2019-11-15T06:00:00Z.
    answer = () =>
      new HttpResponse(null, { status: 429, headers: { "retry-after": "Fri, 15 Nov 2019 06:02:00 GMT" } });
    expect(await send()).toMatchObject({ outcome: "retry", retryAfterSeconds: 120 });
  });

  it("errcode 45009 in a 200 (over 20 messages a minute) waits out the minute", async () => {
    answer = () => HttpResponse.json({ errcode: 45009, errmsg: "api freq out of limit" });
    expect(await send()).toEqual({
      outcome: "retry",
      reason: "企业微信返回错误码45009（接口调用超过频率限制）：api freq out of limit",
      retryAfterSeconds: 60,
    });
  });

  it("errcode 93000 in a 200 (the webhook is no longer valid) fails: another attempt cannot succeed", async () => {
    answer = () => HttpResponse.json({ errcode: 93000, errmsg: "invalid webhook url" });
    expect(await send()).toEqual({
      outcome: "failed",
      reason: "企业微信返回错误码93000（机器人地址无效）：invalid webhook url",
    });
  });

  it("an errcode nobody listed is worth another attempt", async () => {
    answer = () => HttpResponse.json({ errcode: 99999, errmsg: "new" });
    expect(await send()).toMatchObject({ outcome: "retry" });
  });

  it("a malformed answer (not JSON) is worth another attempt: the message may not have been taken", async () => {
    answer = () => new HttpResponse("<html>gateway</html>", { status: 200 });
    expect(await send()).toEqual({ outcome: "retry", reason: "应答格式不正确：不是JSON" });
  });

  it("a malformed answer (JSON without errcode) is worth another attempt", async () => {
    answer = () => HttpResponse.json({ ok: true });
    expect(await send()).toEqual({ outcome: "retry", reason: "应答格式不正确：缺少errcode" });
  });

  it("another 4xx fails, and a redirect is not followed anywhere", async () => {
    answer = () => new HttpResponse(null, { status: 404 });
    expect(await send()).toEqual({ outcome: "failed", reason: "请求被拒绝：HTTP 404" });
    answer = () => new HttpResponse(null, { status: 302, headers: { location: "http://internal.test/" } });
    expect(await send()).toEqual({ outcome: "failed", reason: "请求被拒绝：HTTP 302" });
  });

  it("the robot key never appears in a reason or the console, even when the robot echoes it", async () => {
    answer = () => HttpResponse.json({ errcode: 93000, errmsg: `invalid webhook url key=${key}` });
    let reason = "";
    const written = await consoleDuring(async () => {
      const outcome = await send();
      reason = outcome.outcome === "sent" ? "" : outcome.reason;
    });
    expect(reason).toBe("企业微信返回错误码93000（机器人地址无效）：invalid webhook url key=***");
    expect(written).not.toContain(key);
  });
});
