import {
  consultationComments,
  listConsultations,
  openConsultation,
  publishConsultationFeedback,
} from "@gov/core";
import {
  ConsultationComment,
  ConsultationFeedbackInput,
  ConsultationPhase,
  ConsultationView,
  OpenConsultationInput,
} from "@gov/domain";
import {
  commonProblems,
  etagOf,
  idempotencyWrites,
  idempotent,
  idParam,
  jsonContent,
  named,
  newRouter,
  PageQuery,
  pageOf,
  problemResponse,
  requireRole,
  security,
  sentVersion,
  versioned,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";

const example = {
  open: {
    title: "《共青城市城区停车管理办法（征求意见稿）》公开征求意见",
    itemId: "itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
    description: "为规范城区停车秩序，现将办法全文公开征求社会各界意见，欢迎提出意见建议。",
    opensOn: "2026-03-02",
    closesOn: "2026-03-31",
  },
  feedback: {
    adopted: 15,
    notAdopted: [{ summary: "建议老城区停车全部免费", reason: "与停车资源有偿使用原则不符，暂不采纳" }],
    summary: "共收到意见建议23条，采纳15条，未采纳意见及理由如下。",
  },
};

const opened = {
  id: "csl_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
  unitCode: "000014349",
  phase: "open",
  ...example.open,
};
const Consultation = named(ConsultationView, "Consultation");
const IdParam = idParam("consultation");
const problems = {
  ...commonProblems,
  409: problemResponse("当前阶段不允许此操作（如征求期未结束）"),
  412: problemResponse("If-Match版本已过期"),
  422: problemResponse("违反业务规则"),
};

const etagHeaders = (consultation: { version: number }) => ({ ETag: etagOf(consultation.version) });

/** 征求意见 for the drafting unit: open one on its draft, read the comments, publish the feedback. */
export const consultationRoutes = newRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/consultations",
      summary: "发起征求意见（关联本单位的草案信息）",
      description: "征求期起止日期按北京时间，首尾两日均含在内。支持Idempotency-Key。",
      security,
      middleware: [requireRole("editor"), idempotent] as const,
      request: {
        headers: z.object({ "idempotency-key": z.string().optional() }),
        body: { required: true, ...jsonContent(OpenConsultationInput, example.open) },
      },
      responses: { 201: { description: "已发起", ...jsonContent(Consultation, opened) }, ...problems },
    }),
    async (c) => {
      const opened = await openConsultation(c.var.deps, c.var.principal, c.req.valid("json"), {
        alsoWrite: (body) => idempotencyWrites(c, { status: 201, body, headers: etagHeaders(body) }),
      });
      return versioned(c, opened, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/consultations",
      summary: "本单位的征求意见（市政务公开办看到全部）",
      security,
      request: {
        query: z.object({
          phase: ConsultationPhase.optional(),
          ...PageQuery.shape,
        }),
      },
      responses: {
        200: {
          description: "征求意见",
          ...jsonContent(pageOf(Consultation)),
        },
        ...commonProblems,
      },
    }),
    async (c) => c.json(await listConsultations(c.var.deps, c.var.principal, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/consultations/{id}/comments",
      summary: "收到的意见（含提交人联系方式，仅起草单位可见）",
      security,
      request: { params: IdParam },
      responses: {
        200: {
          description: "意见（最早在前）",
          ...jsonContent(z.object({ items: z.array(named(ConsultationComment, "ConsultationComment")) })),
        },
        ...commonProblems,
      },
    }),
    async (c) => {
      const items = await consultationComments(c.var.deps, c.var.principal, c.req.valid("param").id);
      c.header("Cache-Control", "no-store");
      return c.json({ items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/consultations/{id}/feedback",
      summary: "公布意见采纳情况（征求期结束后）",
      description:
        "收到意见条数由系统按实际收到的意见计算；采纳与未采纳（附理由）之和不能超过该数。每次征求意见只公布一次。",
      security,
      middleware: [requireRole("editor")] as const,
      request: {
        params: IdParam,
        headers: z.object({ "if-match": z.string().optional() }),
        body: { required: true, ...jsonContent(ConsultationFeedbackInput, example.feedback) },
      },
      responses: { 200: { description: "已公布", ...jsonContent(Consultation) }, ...problems },
    }),
    async (c) => {
      const published = await publishConsultationFeedback(c.var.deps, c.var.principal, {
        id: c.req.valid("param").id,
        feedback: c.req.valid("json"),
        expectedVersion: sentVersion(c),
      });
      return versioned(c, published);
    },
  );
