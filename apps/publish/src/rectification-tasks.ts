import { checkVersion } from "@gov/core";
import {
  type AuditEntry,
  CompleteInput,
  canSeeUnit,
  completeTask,
  fail,
  ProgressInput,
  type RectificationTask,
  reportProgress,
  TaskState,
  taskView,
} from "@gov/domain";
import {
  type AppEnv,
  commonProblems,
  etagOf,
  IfMatchHeader,
  jsonContent,
  newRouter,
  problemResponse,
  requireRole,
  security,
  sentVersion,
  todayOf,
  updateProblems,
} from "@gov/http";
import type { Principal } from "@gov/store";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";

/**
 * A unit's own rectification tasks: it sees and reports on its own only (another unit's
 * task is 404, as if it did not exist); the office verifies them in the supervision API.
 */
type C = Context<AppEnv>;
const Json = z.record(z.string(), z.unknown());
const IdParam = z.object({ id: z.string().max(40) });
const problems = {
  ...updateProblems,
  422: problemResponse("佐证信息不存在或未发布"),
};

async function ownTask(c: C, id: string): Promise<RectificationTask> {
  const task = await c.var.deps.store.rectificationTasks.get(id);
  if (!task || !canSeeUnit(c.var.principal, task.unitCode)) return fail("not-found", "整改任务不存在");
  checkVersion(task.version, sentVersion(c));
  return task;
}

function auditOf(task: RectificationTask, action: string, principal: Principal, note?: string): AuditEntry {
  return {
    entityType: "rectification-task",
    entityId: task.id,
    action,
    version: task.version,
    actorUnitCode: principal.unitCode,
    actorKeyId: principal.keyId,
    at: task.updatedAt,
    state: task.state,
    ...(note ? { note } : {}),
  };
}

async function save(c: C, next: RectificationTask, before: RectificationTask, action: string, note?: string) {
  await c.var.deps.store.rectificationTasks.update(
    next,
    before,
    auditOf(next, action, c.var.principal, note),
  );
  c.header("ETag", etagOf(next.version));
  return c.json(taskView(next, todayOf(c)), 200);
}

/** Evidence must be something the public can open: a published item. */
async function checkEvidence(c: C, ids: string[]): Promise<void> {
  const found = await c.var.deps.store.items.getMany(ids);
  const issues = ids.flatMap((id, i) =>
    found.get(id)?.state === "published"
      ? []
      : [{ path: `evidenceItemIds.${i}`, message: "该信息不存在或未发布" }],
  );
  if (issues.length) fail("unprocessable", "佐证须为已发布的信息", issues);
}

const action = <S extends z.ZodType>(
  path: string,
  summary: string,
  body: S,
  example: unknown,
  required: boolean,
) =>
  createRoute({
    method: "post",
    path: `/rectification-tasks/{id}/${path}`,
    summary,
    security,
    middleware: [requireRole("editor", "reviewer")] as const,
    request: { params: IdParam, headers: IfMatchHeader, body: { required, ...jsonContent(body, example) } },
    responses: { 200: { description: "更新后的任务", ...jsonContent(Json) }, ...problems },
  });

export const rectificationTaskRoutes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/rectification-tasks",
      summary: "本单位的整改任务（按期限先后）",
      security,
      middleware: [requireRole("editor", "reviewer")] as const,
      request: {
        query: z.object({
          state: TaskState.optional(),
          overdue: z
            .enum(["true", "false"])
            .transform((v) => v === "true")
            .optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          cursor: z.string().max(2000).optional(),
        }),
      },
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
      const page = await c.var.deps.store.rectificationTasks.list(
        { ...filter, unit: c.var.principal.unitCode, today: todayOf(c) },
        { limit, cursor },
      );
      return c.json(
        { items: page.items.map((t) => taskView(t, todayOf(c))), nextCursor: page.nextCursor },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/rectification-tasks/{id}",
      summary: "整改任务详情（含扣分记录，逐条整改）",
      security,
      middleware: [requireRole("editor", "reviewer")] as const,
      request: { params: IdParam },
      responses: { 200: { description: "任务", ...jsonContent(Json) }, ...commonProblems },
    }),
    async (c) => {
      const task = await ownTask(c, c.req.valid("param").id);
      c.header("ETag", etagOf(task.version));
      return c.json(taskView(task, todayOf(c)), 200);
    },
  )
  .openapi(
    action(
      "progress",
      "报告整改进展（完成比例、说明、佐证信息）",
      ProgressInput,
      {
        percent: 60,
        note: "已补发2019年度意见反馈情况2条",
        evidenceItemIds: ["itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T"],
      },
      true,
    ),
    async (c) => {
      const task = await ownTask(c, c.req.valid("param").id);
      const input = c.req.valid("json");
      await checkEvidence(c, input.evidenceItemIds ?? []);
      const next = reportProgress(task, input, c.var.principal.unitCode, c.var.deps.clock().toISOString());
      return save(c, next, task, "progress", input.note);
    },
  )
  .openapi(
    action("complete", "整改完成，提请核验", CompleteInput, { note: "已全部整改到位" }, false),
    async (c) => {
      const task = await ownTask(c, c.req.valid("param").id);
      const note = c.req.valid("json")?.note;
      const next = completeTask(task, note, c.var.principal.unitCode, c.var.deps.clock().toISOString());
      return save(c, next, task, "complete", note);
    },
  );
