import { getTask, listTasks, reportTaskProgress, submitTaskCompletion } from "@gov/core";
import { CompleteInput, ProgressInput, TaskState, TaskView } from "@gov/domain";
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

/**
 * A unit's own rectification tasks: it sees and reports on its own only (another unit's
 * task is 404, as if it did not exist); the office verifies them in the supervision API.
 */
type C = Context<AppEnv>;
const Task = named(TaskView, "RectificationTask");
const IdParam = idParam("rectificationTask");
const problems = {
  ...updateProblems,
  422: problemResponse("佐证信息不存在或未发布"),
};

/** The task named in the path, at the version If-Match names when the caller sent one. */
const taskRef = (c: C, id: string) => ({ id, expectedVersion: sentVersion(c) });

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
    responses: { 200: { description: "更新后的任务", ...jsonContent(Task) }, ...problems },
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
          overdue: OverdueFlag,
          ...PageQuery.shape,
        }),
      },
      responses: {
        200: {
          description: "列表",
          ...jsonContent(pageOf(Task)),
        },
        ...commonProblems,
      },
    }),
    async (c) => {
      const query = { ...c.req.valid("query"), unit: c.var.principal.unitCode };
      return c.json(await listTasks(c.var.deps, c.var.principal, query), 200);
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
      responses: { 200: { description: "任务", ...jsonContent(Task) }, ...commonProblems },
    }),
    async (c) =>
      versioned(c, await getTask(c.var.deps, c.var.principal, taskRef(c, c.req.valid("param").id))),
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
      const input = { ...c.req.valid("json"), ...taskRef(c, c.req.valid("param").id) };
      return versioned(c, await reportTaskProgress(c.var.deps, c.var.principal, input));
    },
  )
  .openapi(
    action("complete", "整改完成，提请核验", CompleteInput, { note: "已全部整改到位" }, false),
    async (c) => {
      const input = { ...c.req.valid("json"), ...taskRef(c, c.req.valid("param").id) };
      return versioned(c, await submitTaskCompletion(c.var.deps, c.var.principal, input));
    },
  );
