import { checkVersion } from "@gov/core";
import {
  type Assessment,
  AutoScoreInput,
  applyAutoScores,
  assessmentView,
  autoScore,
  autoScoreDay,
  CreateAssessmentInput,
  factsNeededBy,
  fail,
  GenerateTasksInput,
  IndicatorLevel,
  type IndicatorSystem,
  levelNames,
  newAssessment,
  ScoresInput,
  scoreManually,
  tasksFromAssessment,
  taskView,
  unitKindsOfLevel,
  withBaseline,
} from "@gov/domain";
import {
  type AppEnv,
  commonProblems,
  etagOf,
  expectedVersion,
  IfMatchHeader,
  idempotencyWrites,
  idempotent,
  jsonContent,
  newRouter,
  nowIso,
  problemResponse,
  requireRole,
  security,
  todayOf,
  updateProblems,
} from "@gov/http";
import { newId } from "@gov/store";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { examples } from "./examples.ts";
import { auditOf } from "./records.ts";

type C = Context<AppEnv>;
const Json = z.record(z.string(), z.unknown());
const IdParam = z.object({ id: z.string().max(40) });
const problems = {
  ...updateProblems,
  422: problemResponse("违反业务规则"),
};

async function systemOf(c: C, id: string): Promise<IndicatorSystem> {
  const system = await c.var.deps.store.indicatorSystems.get(id);
  // The reference is stored on every assessment; a missing system is a broken record, not bad input.
  return system ?? fail("not-found", "考评所依据的指标体系不存在");
}

async function readAssessment(c: C, id: string, ifMatchRequired = false) {
  const assessment = (await c.var.deps.store.assessments.get(id)) ?? fail("not-found", "考评不存在");
  if (ifMatchRequired || c.req.header("if-match") !== undefined)
    checkVersion(assessment.version, expectedVersion(c));
  return { assessment, system: await systemOf(c, assessment.indicatorSystemId) };
}

function respond(c: C, assessment: Assessment, system: IndicatorSystem, extra: object = {}) {
  c.header("ETag", etagOf(assessment.version));
  return c.json({ ...extra, ...assessmentView(assessment, system) }, 200);
}

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
      responses: { 201: { description: "已创建", ...jsonContent(Json) }, ...problems },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const { store } = c.var.deps;
      const system =
        (await store.indicatorSystems.get(input.indicatorSystemId)) ??
        fail("unprocessable", "指标体系不存在", [{ path: "indicatorSystemId", message: "指标体系不存在" }]);
      const unit =
        (await store.units.get(input.unitCode)) ??
        fail("unprocessable", "单位不存在", [{ path: "unitCode", message: "单位不存在" }]);
      if (!unitKindsOfLevel[system.level].includes(unit.kind)) {
        fail("unprocessable", `${unit.name}不属于“${levelNames[system.level]}”考评对象`, [
          { path: "unitCode", message: `须为${levelNames[system.level]}的单位` },
        ]);
      }
      const assessment = newAssessment(input, system, newId("assessment"), nowIso(c), todayOf(c));
      const body = assessmentView(assessment, system);
      const headers = {
        ETag: etagOf(assessment.version),
        Location: `/supervision/v1/assessments/${assessment.id}`,
      };
      await store.assessments.create(
        assessment,
        auditOf("assessment", assessment, "create", c.var.principal),
        idempotencyWrites(c, { status: 201, body, headers }),
      );
      for (const [name, value] of Object.entries(headers)) c.header(name, value);
      return c.json(body, 201);
    },
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
          ...jsonContent(z.object({ items: z.array(Json), nextCursor: z.null() })),
        },
        ...commonProblems,
      },
    }),
    async (c) => {
      const { year, level } = c.req.valid("query");
      const items = await c.var.deps.store.assessments.listOfYear(year, level);
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
      responses: { 200: { description: "考评", ...jsonContent(Json) }, ...commonProblems },
    }),
    async (c) => {
      const { assessment, system } = await readAssessment(c, c.req.valid("param").id);
      return respond(c, assessment, system);
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
        200: { description: "打分后的考评", ...jsonContent(Json) },
        428: problemResponse("缺少If-Match"),
        ...problems,
      },
    }),
    async (c) => {
      const { assessment, system } = await readAssessment(c, c.req.valid("param").id, true);
      const next = scoreManually(
        assessment,
        system,
        c.req.valid("json"),
        c.var.principal.unitCode,
        nowIso(c),
      );
      await c.var.deps.store.assessments.update(
        next,
        assessment,
        auditOf("assessment", next, "score", c.var.principal),
      );
      return respond(c, next, system);
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
        200: { description: "评分结果（results）与考评", ...jsonContent(Json) },
        ...problems,
      },
    }),
    async (c) => {
      const { store } = c.var.deps;
      const { assessment, system } = await readAssessment(c, c.req.valid("param").id);
      const input = c.req.valid("json");
      const asOf = autoScoreDay(assessment, input?.asOf, todayOf(c));
      const needs = factsNeededBy(system);
      const facts = await store.assessments.facts(assessment.unitCode, assessment.year, asOf, needs);
      // Deadlines are counted with the notices the office loaded, as every application read does.
      const deadlines =
        needs.applications || needs.letters
          ? { calendar: await store.calendar.current(c.var.deps.calendar), settings: c.var.deps.settings }
          : {};
      const results = autoScore(system, { ...facts, ...deadlines }, asOf);
      const next = applyAutoScores(
        assessment,
        system,
        results,
        { asOf, note: input?.note },
        c.var.principal.unitCode,
        nowIso(c),
      );
      await store.assessments.update(
        next,
        assessment,
        auditOf("assessment", next, "auto-score", c.var.principal),
      );
      return respond(c, next, system, { scoredAsOf: asOf, results });
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
        201: { description: "已下达的任务", ...jsonContent(z.object({ items: z.array(Json) })) },
        ...problems,
      },
    }),
    async (c) => {
      const { store } = c.var.deps;
      const { assessment, system } = await readAssessment(c, c.req.valid("param").id);
      const now = nowIso(c);
      const tasks = tasksFromAssessment(
        assessment,
        system,
        c.req.valid("json"),
        () => newId("rectificationTask"),
        now,
      );
      const next = withBaseline(assessment, now);
      const body = { items: tasks.map((t) => taskView(t, todayOf(c))) };
      await store.rectificationTasks.createMany(
        tasks.map((task) => ({
          task,
          audit: auditOf("rectification-task", task, "create", c.var.principal),
        })),
        [
          ...store.assessments.updateWrites(
            next,
            assessment,
            auditOf("assessment", next, "issue-tasks", c.var.principal),
          ),
          ...idempotencyWrites(c, { status: 201, body }),
        ],
      );
      return c.json(body, 201);
    },
  );
