import {
  annualReportHtml,
  annualReportOf,
  CreateItemInput,
  fail,
  newItem,
  reportIssuer,
  shanghaiDate,
  yearOf,
} from "@gov/domain";
import {
  type AppEnv,
  commonProblems,
  etagOf,
  idempotencyWrites,
  idempotent,
  jsonContent,
  newRouter,
  nowIso,
  problemResponse,
  requireRole,
  security,
} from "@gov/http";
import { annualReportRecords, newId } from "@gov/store";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { auditOf, prepareContent } from "./publishing.ts";

type C = Context<AppEnv>;

/**
 * The unit's report on a finished year, drafted from the platform's figures into its 年度报告
 * column: the office drafts the government's, a department its own. The draft then takes the
 * normal path (edit to add what the platform does not record, submit, confidentiality review).
 */
async function draftReport(c: C, year: number) {
  const { store, clock, calendar: builtIn, settings } = c.var.deps;
  const principal = c.var.principal;
  const today = shanghaiDate(clock());
  if (year >= yearOf(today)) fail("unprocessable", `${year}年度尚未结束，不能起草年度报告`);
  const unit = (await store.units.get(principal.unitCode)) ?? fail("not-found", "单位不存在");
  const scope = unit.kind === "office" ? undefined : unit.code;
  const [records, calendar] = await Promise.all([
    annualReportRecords(store, year, scope),
    store.calendar.current(builtIn),
  ]);
  const report = annualReportOf(records, {
    year,
    unit: scope,
    issuer: reportIssuer(unit),
    today,
    calendar,
    settings,
  });
  const content = CreateItemInput.parse({
    kind: "general",
    title: report.title,
    columnId: "annual-reports",
    body: annualReportHtml(report),
    generatedOn: today,
    keywords: ["年度报告", "政府信息公开"],
    summary: `依申请公开新收${report.applications.newThisYear.total}件、办结${report.applications.resultsTotal.total}件；发布前须补充：${report.notRecorded.join("；")}。`,
  });
  return newItem(await prepareContent(c, content, unit.code, null), unit.code, newId("item"), nowIso(c));
}

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
      params: z.object({ year: z.coerce.number().int().min(2000).max(2100).openapi({ example: 2025 }) }),
      headers: z.object({ "idempotency-key": z.string().optional() }),
    },
    responses: {
      201: { description: "年度报告草稿", ...jsonContent(z.record(z.string(), z.unknown())) },
      ...commonProblems,
      422: problemResponse("年度尚未结束"),
    },
  }),
  async (c) => {
    const item = await draftReport(c, c.req.valid("param").year);
    const headers = { ETag: etagOf(item.version), Location: `/publish/v1/items/${item.id}` };
    await c.var.deps.store.items.create(
      item,
      auditOf(item, "create", c.var.principal, "按平台数据起草年度报告"),
      idempotencyWrites(c, { status: 201, body: item, headers }),
    );
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    return c.json(item, 201);
  },
);
