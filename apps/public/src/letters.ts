import { randomInt } from "node:crypto";
import {
  type AuditEntry,
  fail,
  type Letter,
  letterDueDate,
  newLetter,
  publishedLetter,
  SubmitLetterInput,
  shanghaiDate,
  UnitCode,
} from "@gov/domain";
import { type AppEnv, jsonContent, newRouter, problemResponse } from "@gov/http";
import { newId } from "@gov/store";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { intakeWrites } from "./intake.ts";

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
    trackingCode: "XJ7K2M9P4Q",
    receivedOn: "2026-03-02",
    dueOn: "2026-03-09",
    dueIsProvisional: false,
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

// Crockford base32 without I, L, O, U: read aloud over the phone without confusion.
const trackingAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const newTrackingCode = () => Array.from({ length: 10 }, () => trackingAlphabet[randomInt(32)]).join("");

const Accepted = z.object({
  id: z.string(),
  trackingCode: z.string(),
  receivedOn: z.string().openapi({ description: "受理日期" }),
  dueOn: z.string().openapi({ description: "答复期限（工作日，按节假日安排计算）" }),
  dueIsProvisional: z.boolean(),
});

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

const audit = (letter: Letter): AuditEntry => ({
  entityType: "letter",
  entityId: letter.id,
  action: "submit",
  version: letter.version,
  actorUnitCode: "public",
  actorKeyId: "public",
  at: letter.createdAt,
  state: letter.state,
});

async function submit(c: Context<AppEnv>, input: SubmitLetterInput) {
  const { store, clock, calendar, settings } = c.var.deps;
  if (input.unitCode && !(await store.units.get(input.unitCode))) {
    fail("unprocessable", "建议的承办单位不存在", [
      { path: "unitCode", message: `单位“${input.unitCode}”不存在` },
    ]);
  }
  const now = clock();
  const letter = newLetter(
    input,
    { id: newId("letter"), trackingCode: newTrackingCode() },
    shanghaiDate(now),
    now.toISOString(),
  );
  const due = letterDueDate(letter, calendar, settings);
  const body = {
    id: letter.id,
    trackingCode: letter.trackingCode,
    receivedOn: letter.receivedOn,
    dueOn: due.date,
    dueIsProvisional: due.provisional,
  };
  await store.letters.create(letter, input.writer, audit(letter), intakeWrites(c, { status: 201, body }));
  return c.json(body, 201);
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
          "无需密钥。写信人姓名与联系方式仅供承办单位联系使用，不会出现在任何公开页面、导出或日志中。consentToPublish为true时，答复后信件与答复（不含写信人信息）在门户公开。同一客户端10分钟内重复提交相同内容，返回首次提交的结果。支持Idempotency-Key。门户表单可带隐藏字段website（防机器人，须留空）；请求体不超过64 KiB。",
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
        path: "/letters",
        summary: "市长信箱公开答复（受理日期、答复日期、答复部门、答复内容）",
        description:
          "仅列出写信人同意公开且已答复的来信，答复日期新者在前；可按答复年份（北京时间）与答复单位筛选。",
        request: {
          query: z.object({
            year: z.coerce.number().int().min(2000).max(2100).optional().openapi({ example: 2019 }),
            unit: UnitCode.optional(),
            limit: z.coerce.number().int().min(1).max(100).default(20),
            cursor: z.string().max(2000).optional(),
          }),
        },
        responses: {
          200: {
            description: "公开的来信与答复",
            ...jsonContent(z.object({ items: z.array(PublishedLetter), nextCursor: z.string().nullable() }), {
              items: [example.published],
              nextCursor: null,
            }),
          },
          400: problemResponse("查询参数有误"),
        },
      }),
      async (c) => {
        const { year, unit, limit, cursor } = c.req.valid("query");
        const page = await c.var.deps.store.letters.listPublished({ year, unit }, { limit, cursor });
        const items = page.items.flatMap((letter) => publishedLetter(letter) ?? []);
        return c.json({ items, nextCursor: page.nextCursor }, 200);
      },
    );
}
