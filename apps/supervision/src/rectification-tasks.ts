import { checkVersion } from "@gov/core";
import {
  CreateTaskInput,
  fail,
  manualTask,
  type RectificationTask,
  TaskState,
  taskView,
  UpdateTaskInput,
  updateTask,
  VerifyInput,
  verifyTask,
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

export async function readTask(c: C, id: string, ifMatchRequired = false): Promise<RectificationTask> {
  const task = (await c.var.deps.store.rectificationTasks.get(id)) ?? fail("not-found", "整改任务不存在");
  if (ifMatchRequired || c.req.header("if-match") !== undefined)
    checkVersion(task.version, expectedVersion(c));
  return task;
}

export function respondTask(c: C, task: RectificationTask) {
  c.header("ETag", etagOf(task.version));
  return c.json(taskView(task, todayOf(c)), 200);
}

/** Query filters shared by the office's list and the unit's own. */
export const TaskQuery = z.object({
  state: TaskState.optional(),
  overdue: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional()
    .openapi({ description: "true：只列逾期未完成的任务" }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2000).optional(),
});

async function manualContext(c: C, assessmentId: string | undefined) {
  if (!assessmentId) return { assessment: null, system: null };
  const { store } = c.var.deps;
  const assessment =
    (await store.assessments.get(assessmentId)) ??
    fail("unprocessable", "考评不存在", [{ path: "assessmentId", message: "考评不存在" }]);
  return { assessment, system: (await store.indicatorSystems.get(assessment.indicatorSystemId)) ?? null };
}

export const rectificationTaskRoutes = newRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/rectification-tasks",
      summary: "手工下达整改任务",
      description:
        "可关联考评（assessmentId），此时单位与指标须与考评一致，任务附该指标的扣分记录。支持Idempotency-Key。",
      security,
      middleware: [requireRole("office"), idempotent] as const,
      request: { body: { required: true, ...jsonContent(CreateTaskInput, examples.task) } },
      responses: { 201: { description: "已下达", ...jsonContent(Json) }, ...problems },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const { store } = c.var.deps;
      if (!(await store.units.get(input.unitCode))) {
        fail("unprocessable", "单位不存在", [{ path: "unitCode", message: "单位不存在" }]);
      }
      const task = manualTask(
        input,
        await manualContext(c, input.assessmentId),
        newId("rectificationTask"),
        nowIso(c),
      );
      const body = taskView(task, todayOf(c));
      const headers = {
        ETag: etagOf(task.version),
        Location: `/supervision/v1/rectification-tasks/${task.id}`,
      };
      await store.rectificationTasks.create(
        task,
        auditOf("rectification-task", task, "create", c.var.principal),
        idempotencyWrites(c, { status: 201, body, headers }),
      );
      for (const [name, value] of Object.entries(headers)) c.header(name, value);
      return c.json(body, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/rectification-tasks",
      summary: "全部整改任务（按期限先后；可按单位、状态、是否逾期筛选）",
      security,
      middleware: [requireRole("office")] as const,
      request: { query: TaskQuery.extend({ unit: z.string().max(20).optional() }) },
      responses: {
        200: {
          description: "列表",
          ...jsonContent(z.object({ items: z.array(Json), nextCursor: z.string().nullable() })),
        },
        ...commonProblems,
      },
    }),
    async (c) => {
      const { limit, cursor, ...filter } = c.req.valid("query");
      const today = todayOf(c);
      const page = await c.var.deps.store.rectificationTasks.list({ ...filter, today }, { limit, cursor });
      return c.json({ items: page.items.map((t) => taskView(t, today)), nextCursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/rectification-tasks/{id}",
      summary: "整改任务详情（进展、佐证、核验记录）",
      security,
      middleware: [requireRole("office")] as const,
      request: { params: IdParam },
      responses: { 200: { description: "任务", ...jsonContent(Json) }, ...commonProblems },
    }),
    async (c) => respondTask(c, await readTask(c, c.req.valid("param").id)),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/rectification-tasks/{id}",
      summary: "调整整改期限或措施（须携带If-Match）",
      security,
      middleware: [requireRole("office")] as const,
      request: {
        params: IdParam,
        headers: IfMatchHeader,
        body: {
          required: true,
          ...jsonContent(UpdateTaskInput, {
            deadline: "2020-01-20",
            measures: "补充公开征求意见采纳情况及理由，并在“意见反馈”栏目发布",
          }),
        },
      },
      responses: {
        200: { description: "已修改", ...jsonContent(Json) },
        428: problemResponse("缺少If-Match"),
        ...problems,
      },
    }),
    async (c) => {
      const task = await readTask(c, c.req.valid("param").id, true);
      const next = updateTask(task, c.req.valid("json"), nowIso(c));
      await c.var.deps.store.rectificationTasks.update(
        next,
        task,
        auditOf("rectification-task", next, "edit", c.var.principal),
      );
      return respondTask(c, next);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/rectification-tasks/{id}/verify",
      summary: "核验整改（通过或退回重改并说明理由）",
      description: "accepted为true则任务已核验，可对考评复评；为false则退回，note即退回理由。",
      security,
      middleware: [requireRole("office")] as const,
      request: {
        params: IdParam,
        headers: IfMatchHeader,
        body: { required: true, ...jsonContent(VerifyInput, examples.verify) },
      },
      responses: { 200: { description: "核验后的任务", ...jsonContent(Json) }, ...problems },
    }),
    async (c) => {
      const task = await readTask(c, c.req.valid("param").id);
      const input = c.req.valid("json");
      const next = verifyTask(task, input, c.var.principal.unitCode, nowIso(c));
      const audit = auditOf(
        "rectification-task",
        next,
        input.accepted ? "verify" : "reopen",
        c.var.principal,
        input.note,
      );
      await c.var.deps.store.rectificationTasks.update(next, task, audit);
      return respondTask(c, next);
    },
  );
