import { editTask, getTask, issueTask, listTasks, verifyTaskCompletion } from "@gov/core";
import { CreateTaskInput, TaskState, TaskView, UpdateTaskInput, VerifyInput } from "@gov/domain";
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
import { examples } from "./examples.ts";

export const Task = named(TaskView, "RectificationTask");
const IdParam = idParam("rectificationTask");
const problems = {
  ...updateProblems,
  422: problemResponse("违反业务规则"),
};

/** Query filters of the office's list. */
const TaskQuery = z.object({
  state: TaskState.optional(),
  overdue: OverdueFlag,
  ...PageQuery.shape,
});

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
      responses: { 201: { description: "已下达", ...jsonContent(Task) }, ...problems },
    }),
    (c) =>
      created(
        c,
        (alsoWrite) => issueTask(c.var.deps, c.var.principal, c.req.valid("json"), { alsoWrite }),
        (task) => ({
          body: task,
          headers: { ETag: etagOf(task.version), Location: `/supervision/v1/rectification-tasks/${task.id}` },
        }),
      ),
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
          ...jsonContent(pageOf(Task)),
        },
        ...commonProblems,
      },
    }),
    async (c) => c.json(await listTasks(c.var.deps, c.var.principal, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/rectification-tasks/{id}",
      summary: "整改任务详情（进展、佐证、核验记录）",
      security,
      middleware: [requireRole("office")] as const,
      request: { params: IdParam },
      responses: { 200: { description: "任务", ...jsonContent(Task) }, ...commonProblems },
    }),
    async (c) => {
      const input = { ...c.req.valid("param"), expectedVersion: sentVersion(c) };
      return versioned(c, await getTask(c.var.deps, c.var.principal, input));
    },
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
        200: { description: "已修改", ...jsonContent(Task) },
        428: problemResponse("缺少If-Match"),
        ...problems,
      },
    }),
    async (c) => {
      const input = {
        ...c.req.valid("param"),
        expectedVersion: expectedVersion(c),
        changes: c.req.valid("json"),
      };
      return versioned(c, await editTask(c.var.deps, c.var.principal, input));
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
      responses: { 200: { description: "核验后的任务", ...jsonContent(Task) }, ...problems },
    }),
    async (c) => {
      const input = { ...c.req.valid("json"), ...c.req.valid("param"), expectedVersion: sentVersion(c) };
      return versioned(c, await verifyTaskCompletion(c.var.deps, c.var.principal, input));
    },
  );
