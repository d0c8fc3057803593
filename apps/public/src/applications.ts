import { applicationStatus, submitApplication } from "@gov/core";
import { SubmitApplicationInput } from "@gov/domain";
import {
  type AppEnv,
  bearerToken,
  jsonContent,
  newRouter,
  problemResponse,
  trackingCodeParam,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { lockoutRetryAfter } from "./http-behaviour.ts";
import { intakeWrites } from "./intake.ts";
import { portalLinksOf } from "./subscriptions.tsx";

type C = Context<AppEnv>;

const example = {
  unitCode: "000014349",
  applicant: {
    type: "natural-person",
    name: "张三",
    idNumber: "360000199001010000",
    phone: "13800000000",
    email: "zhangsan@example.com",
  },
  description: "申请公开2025年共青城市城区道路改造工程的招标文件",
  provisionForm: "email",
};

const Receipt = z
  .object({
    trackingCode: z.string(),
    secret: z.string().optional(),
    receivedOn: z.string(),
    dueOn: z.string().nullable(),
    dueIsProvisional: z.boolean(),
    notice: z.string(),
  })
  .openapi("ApplicationReceipt");

const partStatus = {
  unitCode: z.string(),
  state: z.string(),
  receivedOn: z.string(),
  dueOn: z.string().nullable(),
  dueIsProvisional: z.boolean(),
  overdue: z.boolean(),
  responseType: z.string().optional(),
  endedOn: z.string().optional(),
};

const Status = z
  .object({
    trackingCode: z.string(),
    ...partStatus,
    parts: z
      .array(z.object({ ...partStatus, unitName: z.string() }).openapi("ApplicationPartStatus"))
      .openapi({
        description:
          "每个办理单位的部分：单位、状态、各自的答复期限和答复。顶层字段为第一个部分（申请最初所向单位）的状态。",
      }),
  })
  .openapi("ApplicationStatus");

const problems = {
  400: problemResponse("请求内容不符合要求（errors列出字段路径）"),
  404: problemResponse("查询码或查询密钥不正确"),
  422: problemResponse("所申请的单位不存在"),
};

/** The answer is about one applicant: no shared or browser cache may keep it. */
const private_ = (c: C) => c.header("Cache-Control", "no-store");

const receiptNotice = "请妥善保存查询码和查询密钥；查询办理状态时以 Authorization: Bearer <查询密钥> 提交。";

/** 依申请公开 on the portal: anyone applies (through the intake guard); only the applicant reads the status. */
export function publicApplicationRoutes(intake: MiddlewareHandler<AppEnv>[]) {
  return newRouter()
    .openapi(
      createRoute({
        method: "post",
        path: "/applications",
        summary: "提交政府信息公开申请（网上申请）",
        description:
          "无需密钥。可在otherUnitCodes中列出另外的单位（最多共10个），各单位分别办理、分别答复，各自的答复期限同样自收到申请之日起算，凭同一查询码查询。返回查询码、查询密钥（仅此一次显示，服务端只保存其摘要）和法定答复期限。notifyByEmail为true时（须填写applicant.email），办理状态变化时发邮件告知（每封邮件可一键退订）。支持Idempotency-Key；同一客户端10分钟内重复提交相同内容视为同一申请。重放时不再返回密钥。门户表单可带隐藏字段website（防机器人，须留空）；请求体不超过64 KiB。",
        middleware: intake,
        request: {
          headers: z.object({
            "idempotency-key": z.string().optional().openapi({ example: "web-20260302-0001" }),
          }),
          body: { required: true, ...jsonContent(SubmitApplicationInput, example) },
        },
        responses: {
          201: { description: "已收到申请", ...jsonContent(Receipt) },
          ...problems,
          429: problemResponse("提交过于频繁"),
        },
      }),
      async (c) => {
        private_(c);
        // A replay answers without the secret: the idempotency record must not hold it either.
        const { receipt, secret } = await submitApplication(
          c.var.deps,
          c.req.valid("json"),
          {
            alsoWrite: (submitted) =>
              intakeWrites(c, {
                status: 201,
                body: { ...submitted, notice: receiptNotice },
                headers: { "cache-control": "no-store" },
              }),
          },
          portalLinksOf(c),
        );
        return c.json({ ...receipt, notice: receiptNotice, secret }, 201);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/applications/{trackingCode}",
        summary: "查询申请办理状态（凭查询码和查询密钥）",
        description:
          "查询密钥以 Authorization: Bearer <查询密钥> 提交。只返回办理状态，不含申请人信息。同一查询码15分钟内查询密钥错误5次后，该查询码暂停查询至15分钟期满（429，Retry-After为剩余秒数），期间密钥正确也不予答复。",
        middleware: lockoutRetryAfter,
        request: {
          params: trackingCodeParam("YSQ"),
          headers: z.object({
            authorization: z.string().optional().openapi({ example: "Bearer <查询密钥>" }),
          }),
        },
        responses: {
          200: { description: "办理状态", ...jsonContent(Status) },
          ...problems,
          429: problemResponse("查询密钥错误次数过多，该查询码暂停查询"),
        },
      }),
      async (c) => {
        private_(c);
        const credentials = { trackingCode: c.req.valid("param").trackingCode, secret: bearerToken(c) };
        return c.json(await applicationStatus(c.var.deps, credentials), 200);
      },
    );
}
