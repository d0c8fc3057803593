import { listSupervisionRuns, overdueAcrossClocks, supervisionRun } from "@gov/core";
import { OverdueEntry, SupervisionRun, SupervisionRunInput } from "@gov/domain";
import {
  commonProblems,
  jsonContent,
  named,
  newRouter,
  PageQuery,
  pageOf,
  requireRole,
  security,
  unitCodeSegment,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";

const Run = named(SupervisionRun, "SupervisionRun");

/** The scan (督办) on demand, its recorded runs, and the office's overdue view (ADR 0049). */
export const supervisionRunRoutes = newRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/runs",
      summary: "发起一次督办（dryRun：只预览，不发通知、不记录）",
      description:
        "按截至日（asOf，默认今天）读取到期的督办时钟，向每个单位发一份汇总督办通知；同一期限的同一级别只通知一次，重复或并发发起不会重复通知。",
      security,
      middleware: [requireRole("office")] as const,
      request: {
        body: { required: true, ...jsonContent(SupervisionRunInput, { asOf: "2026-10-10", dryRun: true }) },
      },
      responses: {
        201: { description: "已督办并记录", ...jsonContent(Run) },
        200: { description: "预览（未写入）", ...jsonContent(Run) },
        ...commonProblems,
      },
    }),
    async (c) => {
      const run = await supervisionRun(c.var.deps, c.var.principal, c.req.valid("json"));
      return run.dryRun ? c.json(run, 200) : c.json(run, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/runs",
      summary: "督办记录（新的在前）：截至日、各规则发现数、发出的通知、错误",
      security,
      middleware: [requireRole("office")] as const,
      request: { query: PageQuery },
      responses: { 200: { description: "列表", ...jsonContent(pageOf(Run)) }, ...commonProblems },
    }),
    async (c) => c.json(await listSupervisionRuns(c.var.deps, c.var.principal, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/overdue",
      summary: "逾期事项（整改任务、依申请公开答复、通知回执），可按单位筛选",
      security,
      middleware: [requireRole("office")] as const,
      request: { query: z.object({ unitCode: unitCodeSegment.optional() }) },
      responses: {
        200: {
          description: "截至今天的逾期事项，期限早的在前",
          ...jsonContent(z.object({ asOf: z.string(), items: z.array(named(OverdueEntry, "OverdueEntry")) })),
        },
        ...commonProblems,
      },
    }),
    async (c) => c.json(await overdueAcrossClocks(c.var.deps, c.var.principal, c.req.valid("query")), 200),
  );
