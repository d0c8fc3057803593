/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { confirmSubscription, subscribe, unsubscribe } from "@gov/core";
import { SubscribeInput } from "@gov/domain";
import { type AppEnv, bodyTooLarge, jsonContent, newRouter, problemResponse } from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { page } from "./portal/render.tsx";

/**
 * 订阅 (issue 18, ADR 0060): anyone asks for a daily digest of a column, a unit or a search by
 * email; the address is confirmed by a mailed link (double opt-in) and every mail carries a
 * one-click unsubscribe (RFC 8058). No answer ever holds an address or says whether one is known.
 */

/** The one answer to a subscription, whether or not the address is known (no enumeration). */
export const subscriptionAccepted =
  "如该邮箱可以接收邮件，我们已发送确认邮件（或该邮箱已订阅）。请点击邮件中的链接确认订阅；未确认的订阅7天后自动删除。";

const Token = z.object({
  token: z.string().max(200).openapi({ description: "邮件中链接所带的令牌", example: "sub_01JD….xxxx" }),
});

const Answer = z.object({ message: z.string() }).openapi("SubscriptionAnswer");

/** Where mails link back to: this app's base as the request reached it. */
export const portalLinksOf = (c: Context<AppEnv>) => ({ base: `${new URL(c.req.url).origin}/public` });

const wantsHtml = (c: Context<AppEnv>) => (c.req.header("accept") ?? "").includes("text/html");

/**
 * What a person who clicked a mailed link sees: a button, not the action itself, so a mail
 * scanner fetching links confirms or unsubscribes nothing (RFC 8058 §3.2 asks the same of GET).
 */
const ask = (c: Context<AppEnv>, action: "confirm" | "unsubscribe", token: string) =>
  page(
    c,
    {
      title: action === "confirm" ? "确认订阅" : "退订",
      description: "政务公开信息订阅",
      canonicalPath: `/v1/subscriptions/${action}`,
    },
    <section>
      <h1>{action === "confirm" ? "确认订阅" : "退订"}</h1>
      <p>
        {action === "confirm"
          ? "点击下方按钮确认订阅，此后每日汇总发送新公开信息。"
          : "点击下方按钮退订，您的邮箱地址将被删除。"}
      </p>
      <form method="post" action={`/public/v1/subscriptions/${action}?token=${encodeURIComponent(token)}`}>
        <button type="submit">{action === "confirm" ? "确认订阅" : "确认退订"}</button>
      </form>
    </section>,
    { personal: true },
  );

const done = (c: Context<AppEnv>, title: string, message: string) =>
  wantsHtml(c)
    ? page(
        c,
        { title, description: "政务公开信息订阅", canonicalPath: "/v1/subscriptions" },
        <section>
          <h1>{title}</h1>
          <p>{message}</p>
        </section>,
        { personal: true },
      )
    : c.json({ message }, 200);

/**
 * The links' POSTs read no body (RFC 8058's is `List-Unsubscribe=One-Click`, 26 bytes), yet an
 * anonymous POST is refused a large one before anything else, as every other public POST is.
 */
const oneClickBody = bodyLimit({ maxSize: 1024, onError: () => bodyTooLarge("1 KiB") });

const htmlPage = { "text/html": { schema: z.string() } };
/** JSON, or the page when the browser asks for HTML (a form's button). */
const answerOrPage = { "application/json": { schema: Answer }, ...htmlPage };

export function subscriptionRoutes(intake: MiddlewareHandler<AppEnv>[]) {
  return newRouter()
    .openapi(
      createRoute({
        method: "post",
        path: "/subscriptions",
        summary: "订阅栏目、单位或检索词的新公开信息（邮件，每日汇总）",
        description:
          "无需密钥。email 与 columnId、unitCode、q 三者之一。发送确认邮件（双重确认），确认后每日汇总发送新公开信息；每封邮件含一键退订（RFC 8058 List-Unsubscribe-Post）。无论该邮箱是否已订阅，答复相同；同一邮箱同一订阅15分钟内只发送一次确认邮件。邮箱地址加密保存，不出现在任何公开接口中，退订即删除。提交频率限制与信件、申请相同。",
        middleware: intake,
        request: {
          body: {
            required: true,
            ...jsonContent(SubscribeInput, { email: "citizen@example.com", q: "社会救助" }),
          },
        },
        responses: {
          202: {
            description: "已受理（不表明该邮箱是否已订阅）",
            ...jsonContent(Answer, { message: subscriptionAccepted }),
          },
          400: problemResponse("请求内容不符合要求（errors列出字段路径）"),
          422: problemResponse("栏目或单位不存在"),
          429: problemResponse("提交过于频繁"),
          503: problemResponse("服务器未配置邮件地址加密密钥"),
        },
      }),
      async (c) => {
        await subscribe(c.var.deps, c.req.valid("json"), portalLinksOf(c));
        return c.json({ message: subscriptionAccepted }, 202);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/subscriptions/confirm",
        summary: "确认订阅页面（邮件中的链接）",
        description: "返回带确认按钮的页面；确认由 POST 完成，邮件扫描程序预取链接不会确认订阅。",
        request: { query: Token },
        responses: { 200: { description: "确认页面", content: htmlPage } },
      }),
      (c) => ask(c, "confirm", c.req.valid("query").token),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/subscriptions/confirm",
        summary: "确认订阅",
        middleware: [oneClickBody] as const,
        description: "令牌有效则确认订阅（重复确认无影响）。Accept 含 text/html 时返回页面。",
        request: { query: Token },
        responses: {
          200: { description: "已确认", content: answerOrPage },
          404: problemResponse("确认链接无效或订阅已过期"),
        },
      }),
      async (c) => {
        const { topic } = await confirmSubscription(c.var.deps, c.req.valid("query").token);
        return done(c, "订阅已确认", `您已订阅${topic}的新公开信息，每日汇总发送；每封邮件都可一键退订。`);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/subscriptions/unsubscribe",
        summary: "退订页面（邮件中的链接）",
        description: "返回带退订按钮的页面；退订由 POST 完成。",
        request: { query: Token },
        responses: { 200: { description: "退订页面", content: htmlPage } },
      }),
      (c) => ask(c, "unsubscribe", c.req.valid("query").token),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/subscriptions/unsubscribe",
        summary: "一键退订（RFC 8058）",
        middleware: [oneClickBody] as const,
        description:
          "邮件客户端以 POST 提交 List-Unsubscribe=One-Click（application/x-www-form-urlencoded）。删除订阅记录、邮箱地址及待发送的摘要。无论令牌是否对应订阅，答复相同。",
        request: { query: Token },
        responses: { 200: { description: "已退订", content: answerOrPage } },
      }),
      async (c) => {
        await unsubscribe(c.var.deps, c.req.valid("query").token);
        return done(c, "已退订", "您已退订，您的邮箱地址已从订阅中删除。");
      },
    );
}
