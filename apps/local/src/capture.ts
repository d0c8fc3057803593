import { Hono } from "hono";
import { html } from "hono/html";

/**
 * The local stand-in for the group robots and the SMS gateway (issue 13): `pnpm start` points
 * the WeCom and DingTalk senders and the SMS gateway here, so a newcomer sees every message a
 * notice sends at `/capture` without a real robot or an SMS contract. It answers as the real
 * providers do, and `POST /capture/down` makes it answer 503 until `POST /capture/up`, to
 * watch the dispatcher retry. It is mounted at `/capture` (server.ts), which the page links to.
 */

export type CapturedMessage = {
  seq: number;
  channel: "wecom" | "dingtalk" | "sms";
  at: string;
  /** Who it was for, with the robot key masked: the key is the robot's secret. */
  to: string;
  /** The title or first line, for the page. */
  summary: string;
  body: unknown;
};

/** Enough to read what a demo sent; older messages drop off. */
const kept = 500;

export function createCapture(clock: () => Date) {
  const messages: CapturedMessage[] = [];
  let down = false;
  let seq = 0;

  const record = (message: Omit<CapturedMessage, "seq" | "at">) => {
    seq += 1;
    messages.push({ seq, at: clock().toISOString(), ...message });
    if (messages.length > kept) messages.shift();
  };

  const app = new Hono();
  for (const provider of ["/wecom/*", "/dingtalk/*", "/sms"])
    app.use(provider, async (c, next) => {
      if (down) return c.json({ errcode: -1, errmsg: "capture is down" }, 503);
      await next();
    });
  app.post("/wecom/cgi-bin/webhook/send", async (c) => {
    const body = await c.req.json();
    record({
      channel: "wecom",
      to: `企业微信机器人 ${masked(c.req.query("key"))}`,
      summary: firstLine(body?.markdown?.content),
      body,
    });
    return c.json({ errcode: 0, errmsg: "ok" });
  });
  app.post("/dingtalk/robot/send", async (c) => {
    const body = await c.req.json();
    const signed = c.req.query("sign") ? "（加签）" : "";
    record({
      channel: "dingtalk",
      to: `钉钉机器人 ${masked(c.req.query("access_token"))}${signed}`,
      summary: firstLine(body?.markdown?.title),
      body,
    });
    return c.json({ errcode: 0, errmsg: "ok" });
  });
  app.post("/sms", async (c) => {
    const body = await c.req.json();
    record({
      channel: "sms",
      to: Array.isArray(body?.phones) ? body.phones.join("、") : "",
      summary: JSON.stringify(body?.params ?? {}),
      body,
    });
    return c.json({ code: "OK", messageId: `capture-${seq}` });
  });
  app.post("/down", (c) => {
    down = true;
    return c.json({ down });
  });
  app.post("/up", (c) => {
    down = false;
    return c.json({ down });
  });
  app.get("/messages", (c) => c.json({ down, messages: [...messages].reverse() }));
  app.get("/", (c) => c.html(page([...messages].reverse(), down)));
  return app;
}

const masked = (key: string | undefined) => (key ? `…${key.slice(-4)}` : "（无密钥）");

const firstLine = (text: unknown) => (typeof text === "string" ? (text.split("\n")[0] ?? "") : "");

const channelNames = { wecom: "企业微信", dingtalk: "钉钉", sms: "短信" } as const;

/** A page with no script and no outside asset, escaped by hono's `html`; it refreshes every five seconds. */
function page(messages: CapturedMessage[], down: boolean) {
  const rows = messages.map(
    (m) => html`<tr><td>${m.seq}</td><td>${m.at}</td><td>${channelNames[m.channel]}</td>
<td>${m.to}</td><td>${m.summary}</td>
<td><details><summary>内容</summary><pre>${JSON.stringify(m.body, null, 2)}</pre></details></td></tr>`,
  );
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>本地消息捕获 · 企业微信、钉钉、短信</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}pre{white-space:pre-wrap}</style>
</head><body>
<h1>本地消息捕获</h1>
<p>本地运行时，通知发往企业微信群机器人、钉钉群机器人和短信网关的消息都在这里（最近${kept}条，每5秒刷新）。
${down ? html`<strong>当前模拟故障：所有发送返回503。</strong>` : ""}
JSON：<a href="/capture/messages">/capture/messages</a></p>
<table><thead><tr><th>#</th><th>时间</th><th>渠道</th><th>发往</th><th>标题</th><th>消息</th></tr></thead>
<tbody>${rows.length > 0 ? rows : html`<tr><td colspan="6">还没有消息</td></tr>`}</tbody></table>
</body></html>`;
}
