import {
  type AssessmentWithSheet,
  autoScoreAssessment,
  createAssessment,
  getAssessment,
  issueTasksFromAssessment,
  listAssessments,
  scoreAssessment,
} from "@gov/core";
import {
  Assessment,
  AssessmentView,
  AutoScoredAssessment,
  AutoScoreInput,
  assessmentView,
  CreateAssessmentInput,
  GenerateTasksInput,
  IndicatorLevel,
  ScoresInput,
} from "@gov/domain";
import {
  commonProblems,
  created,
  etagOf,
  expectedVersion,
  IfMatchHeader,
  idempotent,
  idParam,
  jsonContent,
  named,
  newRouter,
  problemResponse,
  requireRole,
  security,
  sentVersion,
  updateProblems,
  versioned,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";
import { examples } from "./examples.ts";
import { Task } from "./rectification-tasks.ts";

const View = named(AssessmentView, "AssessmentView");
const IdParam = idParam("assessment");
const problems = {
  ...updateProblems,
  422: problemResponse("违反业务规则"),
};

const viewOf = ({ assessment, system }: AssessmentWithSheet) => assessmentView(assessment, system);

export const assessmentRoutes = newRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/assessments",
      summary: "新建考评（一个单位对一个指标体系一次）",
      description:
        "单位类型须与指标体系层级相符。asOf为评判平台数据的截止日，默认为该年度末（或今天）。支持Idempotency-Key。",
      security,
      middleware: [requireRole("office"), idempotent] as const,
      request: { body: { required: true, ...jsonContent(CreateAssessmentInput, examples.assessment) } },
      responses: { 201: { description: "已创建", ...jsonContent(View) }, ...problems },
    }),
    (c) =>
      created(
        c,
        (alsoWrite) => createAssessment(c.var.deps, c.var.principal, c.req.valid("json"), { alsoWrite }),
        ({ assessment, system }) => ({
          body: viewOf({ assessment, system }),
          headers: {
            ETag: etagOf(assessment.version),
            Location: `/supervision/v1/assessments/${assessment.id}`,
          },
        }),
      ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/assessments",
      summary: "某年度的考评（可按层级筛选）",
      security,
      middleware: [requireRole("assessor")] as const,
      request: {
        query: z.object({
          year: z.coerce.number().int().min(2000).max(2100).openapi({ example: 2019 }),
          level: IndicatorLevel.optional(),
        }),
      },
      responses: {
        200: {
          description: "列表",
          ...jsonContent(z.object({ items: z.array(named(Assessment, "Assessment")), nextCursor: z.null() })),
        },
        ...commonProblems,
      },
    }),
    async (c) => {
      const items = await listAssessments(c.var.deps, c.var.principal, c.req.valid("query"));
      return c.json({ items, nextCursor: null }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/assessments/{id}",
      summary: "考评详情：各指标得分、扣分记录、整改前后得分",
      security,
      middleware: [requireRole("assessor")] as const,
      request: { params: IdParam },
      responses: { 200: { description: "考评", ...jsonContent(View) }, ...commonProblems },
    }),
    async (c) => {
      const input = { ...c.req.valid("param"), expectedVersion: sentVersion(c) };
      return versioned(c, viewOf(await getAssessment(c.var.deps, c.var.principal, input)));
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/assessments/{id}/scores",
      summary: "人工打分（评估人或市政务公开办，须携带If-Match）",
      description:
        "每项得分须在0至该指标满分之间；可附扣分说明(note)与佐证(evidence)。再次打分覆盖该指标的现有得分。",
      security,
      middleware: [requireRole("assessor")] as const,
      request: {
        params: IdParam,
        headers: IfMatchHeader,
        body: { required: true, ...jsonContent(ScoresInput, examples.scores) },
      },
      responses: {
        200: { description: "打分后的考评", ...jsonContent(View) },
        428: problemResponse("缺少If-Match"),
        ...problems,
      },
    }),
    async (c) => {
      const input = { ...c.req.valid("json"), ...c.req.valid("param"), expectedVersion: expectedVersion(c) };
      return versioned(c, viewOf(await scoreAssessment(c.var.deps, c.var.principal, input)));
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/assessments/{id}/auto-score",
      summary: "自动评分：按规则检查平台数据，列出每条扣分对应的记录",
      description:
        "results列出每个带规则指标的得分与扣分（recordId为信息id、栏目id、申请id或来信id；link指向公开地址，申请和来信指向工作人员页面）。整改核验后再次调用即为复评，考评同时显示整改前后得分。",
      security,
      middleware: [requireRole("assessor")] as const,
      request: {
        params: IdParam,
        headers: IfMatchHeader,
        body: {
          required: false,
          ...jsonContent(AutoScoreInput, { asOf: "2020-01-06", note: "整改核验后复评" }),
        },
      },
      responses: {
        200: {
          description: "评分结果（results）与考评",
          ...jsonContent(named(AutoScoredAssessment, "AutoScoredAssessment")),
        },
        ...problems,
      },
    }),
    async (c) => {
      const input = { ...c.req.valid("json"), ...c.req.valid("param"), expectedVersion: sentVersion(c) };
      const { asOf, results, ...scored } = await autoScoreAssessment(c.var.deps, c.var.principal, input);
      return versioned(c, { scoredAsOf: asOf, results, ...viewOf(scored) });
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/assessments/{id}/rectification-tasks",
      summary: "按失分下达整改任务（每个失分指标一项，或按分组）",
      description:
        "下达时冻结当前得分作为整改前得分。groups可把多个失分指标合并为一项任务。任务附扣分记录，单位据此逐条整改。支持Idempotency-Key。",
      security,
      middleware: [requireRole("office"), idempotent] as const,
      request: {
        params: IdParam,
        body: { required: true, ...jsonContent(GenerateTasksInput, examples.generate) },
      },
      responses: {
        201: { description: "已下达的任务", ...jsonContent(z.object({ items: z.array(Task) })) },
        ...problems,
      },
    }),
    (c) =>
      created(
        c,
        (alsoWrite) =>
          issueTasksFromAssessment(
            c.var.deps,
            c.var.principal,
            {
              ...c.req.valid("json"),
              assessmentId: c.req.valid("param").id,
              expectedVersion: sentVersion(c),
            },
            { alsoWrite },
          ),
        (items) => ({ body: { items } }),
      ),
  );
