import { consultationYear, publicConsultationDetail, publicConsultations, submitComment } from "@gov/core";
import {
  ConsultationPhase,
  ConsultationYearStats,
  PublicConsultation,
  SubmitCommentInput,
} from "@gov/domain";
import {
  type AppEnv,
  idParam,
  jsonContent,
  named,
  newRouter,
  PageQuery,
  pageOf,
  problemResponse,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { intakeWrites } from "./intake.ts";

const example = {
  consultation: {
    id: "csl_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
    unitCode: "000014349",
    itemId: "itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
    title: "《共青城市城区停车管理办法（征求意见稿）》公开征求意见",
    description: "为规范城区停车秩序，现将办法全文公开征求社会各界意见。",
    opensOn: "2019-05-06",
    closesOn: "2019-06-05",
    phase: "closed",
    feedback: {
      received: 23,
      adopted: 15,
      notAdopted: [{ summary: "建议老城区停车全部免费", reason: "与停车资源有偿使用原则不符，暂不采纳" }],
      publishedAt: "2019-06-14T02:00:00.000Z",
    },
  },
  comment: {
    content: "建议在学校周边设置限时免费停车位，方便接送学生。",
    commenter: { name: "李女士", phone: "13900000000" },
  },
  stats: {
    year: 2019,
    consultations: 1,
    commentsReceived: 23,
    feedbackPublished: 1,
    adopted: 15,
    notAdopted: 8,
  },
};

const ConsultationView = named(PublicConsultation, "PublicConsultation");
const IdParam = idParam("consultation");

/** 征求意见 on the portal: open and closed consultations, comments inside the window, yearly figures. */
export function publicConsultationRoutes(intake: MiddlewareHandler<AppEnv>[]) {
  return newRouter()
    .openapi(
      createRoute({
        method: "get",
        path: "/consultations",
        summary: "征求意见列表（未开始、征求中、已结束）",
        description: "开始日期新者在前；phase按北京时间当日判断，征求期首尾两日均可提交意见。",
        request: {
          query: z.object({
            phase: ConsultationPhase.optional().openapi({ example: "open" }),
            year: z.coerce.number().int().min(2000).max(2100).optional().openapi({ example: 2019 }),
            ...PageQuery.shape,
          }),
        },
        responses: {
          200: {
            description: "征求意见",
            ...jsonContent(pageOf(ConsultationView)),
          },
          400: problemResponse("查询参数有误"),
        },
      }),
      async (c) => c.json(await publicConsultations(c.var.deps, c.req.valid("query")), 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/consultations/{id}",
        summary: "征求意见详情（含意见采纳情况）",
        request: { params: IdParam },
        responses: {
          200: { description: "征求意见", ...jsonContent(ConsultationView, example.consultation) },
          404: problemResponse("征求意见不存在"),
        },
      }),
      async (c) => c.json(await publicConsultationDetail(c.var.deps, c.req.valid("param").id), 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/consultations/{id}/comments",
        summary: "提交意见建议（仅限征求意见期内）",
        description:
          "无需密钥。征求期首尾两日（北京时间）均可提交，期外提交返回409。联系方式仅供起草单位使用，不公开。同一客户端10分钟内重复提交相同内容，返回首次提交的结果。支持Idempotency-Key。门户表单可带隐藏字段website（防机器人，须留空）；请求体不超过64 KiB。",
        middleware: intake,
        request: {
          params: IdParam,
          headers: z.object({ "idempotency-key": z.string().optional() }),
          body: { required: true, ...jsonContent(SubmitCommentInput, example.comment) },
        },
        responses: {
          201: {
            description: "已收到意见",
            ...jsonContent(z.object({ id: z.string(), consultationId: z.string(), receivedAt: z.string() })),
          },
          400: problemResponse("请求内容不符合要求（errors列出字段路径）"),
          404: problemResponse("征求意见不存在"),
          409: problemResponse("不在征求意见期内"),
          429: problemResponse("提交过于频繁"),
        },
      }),
      async (c) => {
        const input = { consultationId: c.req.valid("param").id, comment: c.req.valid("json") };
        const receipt = await submitComment(c.var.deps, input, {
          alsoWrite: (body) => intakeWrites(c, { status: 201, body }),
        });
        return c.json(receipt, 201);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/stats/consultations",
        summary: "征求意见年度统计（征求次数、收到意见条数、采纳情况）",
        request: {
          query: z.object({
            year: z.coerce.number().int().min(2000).max(2100).optional().openapi({ example: 2019 }),
          }),
        },
        responses: {
          200: {
            description: "年度统计",
            ...jsonContent(named(ConsultationYearStats, "ConsultationYearStats"), example.stats),
          },
          400: problemResponse("查询参数有误"),
        },
      }),
      async (c) => c.json(await consultationYear(c.var.deps, c.req.valid("query").year), 200),
    );
}
