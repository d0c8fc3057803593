import { letterDetail, listLetters, replyToLetter, transferLetter } from "@gov/core";
import { LetterDetail, LetterState, LetterView, ReplyLetterInput, TransferLetterInput } from "@gov/domain";
import {
  type AppEnv,
  commonProblems,
  IfMatchHeader,
  idParam,
  jsonContent,
  named,
  newRouter,
  OverdueFlag,
  PageQuery,
  pageOf,
  problemResponse,
  requireRole,
  security,
  sentVersion,
  updateProblems,
  versioned,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";

type C = Context<AppEnv>;

const example = {
  letter: {
    id: "let_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
    trackingCode: "XJ7K2M9P4Q",
    state: "assigned",
    subject: "关于城区公共停车位不足的建议",
    body: "市长您好：……",
    consentToPublish: true,
    unitCode: "000014361",
    suggestedUnitCode: null,
    receivedOn: "2026-03-02",
    repliedOn: null,
    dueOn: "2026-03-09",
    dueIsProvisional: false,
    overdue: false,
    transfers: [
      {
        from: null,
        to: "000014361",
        reason: "属住建职能",
        at: "2026-03-02T03:00:00.000Z",
        byUnitCode: "000014349",
      },
    ],
    reply: null,
    version: 2,
  },
  transfer: { unitCode: "000014361", reason: "停车场建设属住房和城乡建设局职能" },
  reply: { body: "您好！您反映的老城区停车难问题已收悉。我局已将新增公共停车位列入年度计划……" },
};

const Letter = named(LetterView, "Letter");
const IdParam = idParam("letter");
const problems = {
  ...updateProblems,
  422: problemResponse("目标单位不存在或与当前相同"),
};

/** The letter the path names, at the version the caller read when it sent If-Match. */
const change = (c: C, id: string) => ({ id, expectedVersion: sentVersion(c) });

/** 市长信箱 for staff: the office assigns and transfers, the holding unit replies. */
export const letterRoutes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/letters",
      summary: "来信列表（本单位承办的；市政务公开办看到全部）",
      description: "受理日期新者在前。overdue=true只列未答复且已超过答复时限（工作日，本地设置）的来信。",
      security,
      middleware: [requireRole("editor", "reviewer")] as const,
      request: {
        query: z.object({
          state: LetterState.optional(),
          overdue: OverdueFlag,
          ...PageQuery.shape,
        }),
      },
      responses: {
        200: {
          description: "来信（不含写信人信息）",
          ...jsonContent(pageOf(Letter)),
        },
        ...commonProblems,
      },
    }),
    async (c) => c.json(await listLetters(c.var.deps, c.var.principal, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/letters/{id}",
      summary: "来信详情（含写信人联系方式，仅承办单位与市政务公开办可见）",
      security,
      middleware: [requireRole("editor", "reviewer")] as const,
      request: { params: IdParam },
      responses: {
        200: { description: "来信", ...jsonContent(named(LetterDetail, "LetterDetail"), example.letter) },
        ...commonProblems,
      },
    }),
    async (c) => {
      const letter = await letterDetail(c.var.deps, c.var.principal, change(c, c.req.valid("param").id));
      c.header("Cache-Control", "no-store");
      return versioned(c, letter);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/letters/{id}/transfer",
      summary: "交办或转办来信（记录原单位、新单位与理由）",
      description:
        "市政务公开办可交办、转办任何来信；承办单位可将本单位的来信转至职能单位。已答复的来信不能转办。",
      security,
      middleware: [requireRole("editor")] as const,
      request: {
        params: IdParam,
        headers: IfMatchHeader,
        body: { required: true, ...jsonContent(TransferLetterInput, example.transfer) },
      },
      responses: { 200: { description: "转办后的来信", ...jsonContent(Letter) }, ...problems },
    }),
    async (c) => {
      const input = { ...change(c, c.req.valid("param").id), ...c.req.valid("json") };
      return versioned(c, await transferLetter(c.var.deps, c.var.principal, input));
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/letters/{id}/reply",
      summary: "答复来信（仅承办单位）",
      description:
        "答复日期为北京时间当日；写信人同意公开的，答复后在门户公开（受理日期、答复日期、答复部门、答复内容）。",
      security,
      middleware: [requireRole("editor")] as const,
      request: {
        params: IdParam,
        headers: IfMatchHeader,
        body: { required: true, ...jsonContent(ReplyLetterInput, example.reply) },
      },
      responses: { 200: { description: "已答复的来信", ...jsonContent(Letter) }, ...problems },
    }),
    async (c) => {
      const input = { ...change(c, c.req.valid("param").id), ...c.req.valid("json") };
      return versioned(c, await replyToLetter(c.var.deps, c.var.principal, input));
    },
  );
