import { letterStatus, publishedLetters, submitLetter } from "@gov/core";
import { SubmitLetterInput, UnitCode } from "@gov/domain";
import {
  type AppEnv,
  bearerToken,
  jsonContent,
  newRouter,
  PageQuery,
  pageOf,
  problemResponse,
  trackingCodeParam,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { lockoutRetryAfter } from "./http-behaviour.ts";
import { intakeWrites } from "./intake.ts";
import { portalLinksOf } from "./subscriptions.tsx";

const receiptNotice = "请妥善保存查询码和查询密钥；查询办理情况时以 Authorization: Bearer <查询密钥> 提交。";

const example = {
  submit: {
    subject: "关于城区公共停车位不足的建议",
    body: "市长您好：近年来城区车辆增多，建议在老城区增设公共停车位，并公开收费标准。",
    writer: { name: "王先生", phone: "13800000000" },
    consentToPublish: true,
    unitCode: "000014361",
  },
  accepted: {
    id: "let_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
    trackingCode: "XX2026-7K3M9QX2AB",
    receivedOn: "2026-03-02",
    dueOn: "2026-03-09",
    dueIsProvisional: false,
    secret: "Qm9vZ1l0aGVTZWNyZXRPbmx5T25jZQ",
    notice: receiptNotice,
  },
  published: {
    id: "let_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
    subject: "关于城区公共停车位不足的建议",
    body: "市长您好：近年来城区车辆增多，建议在老城区增设公共停车位。",
    receivedOn: "2019-06-03",
    repliedOn: "2019-06-06",
    unitCode: "000014361",
    unitName: "共青城市住房和城乡建设局",
    reply: "您好！您反映的问题已收悉。我局已将老城区停车位建设列入2019年计划……",
  },
};

const Accepted = z.object({
  id: z.string(),
  trackingCode: z.string(),
  receivedOn: z.string().openapi({ description: "受理日期" }),
  dueOn: z.string().openapi({ description: "答复期限（工作日，按节假日安排计算）" }),
  dueIsProvisional: z.boolean(),
  secret: z
    .string()
    .optional()
    .openapi({ description: "查询密钥：仅首次受理的答复中出现，重放与重复提交的答复中没有" }),
  notice: z.string().optional(),
});

const LetterStatus = z
  .object({
    trackingCode: z.string(),
    state: z.enum(["received", "assigned", "replied"]),
    receivedOn: z.string().openapi({ description: "受理日期" }),
    dueOn: z.string().openapi({ description: "答复期限" }),
    dueIsProvisional: z.boolean(),
    overdue: z.boolean(),
    reply: z
      .object({ repliedOn: z.string(), unitName: z.string(), body: z.string() })
      .nullable()
      .openapi({ description: "答复（写信人本人可见，不论是否同意公开）" }),
  })
  .openapi("LetterStatus");

async function status(c: Context<AppEnv>, trackingCode: string) {
  c.header("Cache-Control", "no-store");
  return c.json(await letterStatus(c.var.deps, { trackingCode, secret: bearerToken(c) }), 200);
}

const PublishedLetter = z
  .object({
    id: z.string(),
    subject: z.string(),
    body: z.string(),
    receivedOn: z.string().openapi({ description: "受理日期" }),
    repliedOn: z.string().openapi({ description: "答复日期" }),
    unitCode: z.string(),
    unitName: z.string().openapi({ description: "答复部门" }),
    reply: z.string().openapi({ description: "答复内容" }),
  })
  .openapi("PublishedLetter");

async function submit(c: Context<AppEnv>, input: SubmitLetterInput) {
  // A replay answers without the secret: neither stored answer may hold it (ADR 0025).
  const { receipt, secret } = await submitLetter(
    c.var.deps,
    input,
    { alsoWrite: (body) => intakeWrites(c, { status: 201, body, headers: { "cache-control": "no-store" } }) },
    portalLinksOf(c),
  );
  c.header("Cache-Control", "no-store");
  return c.json({ ...receipt, secret, notice: receiptNotice }, 201);
}

/** 市长信箱 on the portal: anyone writes (through the intake guard); published replies are read by all. */
export function publicLetterRoutes(intake: MiddlewareHandler<AppEnv>[]) {
  return newRouter()
    .openapi(
      createRoute({
        method: "post",
        path: "/letters",
        summary: "给市长写信（市长信箱）",
        description:
          "无需密钥。写信人姓名与联系方式仅供承办单位联系使用，不会出现在任何公开页面、导出或日志中。consentToPublish为true时，答复后信件与答复（不含写信人信息）在门户公开。notifyByEmail为true时（须填写writer.email），来信交办和答复时发邮件告知（每封邮件可一键退订）。返回查询码和查询密钥（仅此一次显示，服务端只保存其摘要），凭此查询办理情况和答复。同一客户端10分钟内重复提交相同内容，返回首次提交的结果（不再含密钥）。支持Idempotency-Key。门户表单可带隐藏字段website（防机器人，须留空）；请求体不超过64 KiB。",
        middleware: intake,
        request: {
          headers: z.object({ "idempotency-key": z.string().optional() }),
          body: { required: true, ...jsonContent(SubmitLetterInput, example.submit) },
        },
        responses: {
          201: { description: "已受理：跟踪码与答复期限", ...jsonContent(Accepted, example.accepted) },
          400: problemResponse("请求内容不符合要求（errors列出字段路径）"),
          422: problemResponse("建议的承办单位不存在"),
          429: problemResponse("提交过于频繁"),
        },
      }),
      (c) => submit(c, c.req.valid("json")),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/letters/{trackingCode}",
        summary: "写信人查询来信办理情况（凭查询码和查询密钥）",
        description:
          "查询密钥以 Authorization: Bearer <查询密钥> 提交。返回办理状态、答复期限和答复（写信人本人可见），不含写信人信息；不缓存。同一查询码15分钟内查询密钥错误5次后，该查询码暂停查询至15分钟期满（429，Retry-After为剩余秒数），期间密钥正确也不予答复。",
        middleware: lockoutRetryAfter,
        request: {
          params: trackingCodeParam("XX"),
          headers: z.object({
            authorization: z.string().optional().openapi({ example: "Bearer <查询密钥>" }),
          }),
        },
        responses: {
          200: { description: "办理情况", ...jsonContent(LetterStatus) },
          404: problemResponse("查询码或查询密钥不正确"),
          429: problemResponse("查询密钥错误次数过多，该查询码暂停查询"),
        },
      }),
      (c) => status(c, c.req.valid("param").trackingCode),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/letters",
        summary: "市长信箱公开答复（受理日期、答复日期、答复部门、答复内容）",
        description:
          "仅列出写信人同意公开且已答复的来信，答复日期新者在前；可按答复年份（北京时间）与答复单位筛选。",
        request: {
          query: z.object({
            year: z.coerce.number().int().min(2000).max(2100).optional().openapi({ example: 2019 }),
            unit: UnitCode.optional(),
            ...PageQuery.shape,
          }),
        },
        responses: {
          200: {
            description: "公开的来信与答复",
            ...jsonContent(pageOf(PublishedLetter), {
              items: [example.published],
              nextCursor: null,
            }),
          },
          400: problemResponse("查询参数有误"),
        },
      }),
      async (c) => {
        const { year, unit, ...page } = c.req.valid("query");
        return c.json(await publishedLetters(c.var.deps, { year, unit }, page), 200);
      },
    );
}
