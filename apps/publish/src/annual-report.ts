import { draftAnnualReport } from "@gov/core";
import {
  commonProblems,
  created,
  idempotent,
  jsonContent,
  newRouter,
  problemResponse,
  requireRole,
  security,
  yearParam,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";
import { draftAnswer, itemResponse } from "./items.ts";

export const annualReportRoutes = newRouter().openapi(
  createRoute({
    method: "post",
    path: "/reports/annual/{year}/draft",
    summary: "按平台数据起草上一年度政府信息公开工作年度报告（草稿）",
    description:
      "在“政府信息公开年度报告”栏目创建草稿：市政务公开办起草本级政府的报告，部门起草本部门的报告。平台不登记的内容须编辑补充后，再提交、保密审查、发布（条例第四十九条：部门1月31日前，本级政府3月31日前）。支持Idempotency-Key。",
    security,
    middleware: [requireRole("editor"), idempotent] as const,
    request: {
      params: yearParam(),
      headers: z.object({ "idempotency-key": z.string().optional() }),
      // Nothing to send: the report is drafted from the platform's records. A body sent anyway
      // is refused, so a caller who thinks it sets something learns that it does not.
      body: { required: false, ...jsonContent(z.strictObject({}), {}) },
    },
    responses: {
      201: itemResponse("年度报告草稿"),
      ...commonProblems,
      422: problemResponse("年度尚未结束"),
    },
  }),
  (c) =>
    created(
      c,
      (alsoWrite) => draftAnnualReport(c.var.deps, c.var.principal, c.req.valid("param"), { alsoWrite }),
      draftAnswer,
    ),
);
