import {
  AnnualReport,
  annualReportHtml,
  annualReportMarkdown,
  annualReportOf,
  fail,
  htmlPage,
  reportIssuer,
  shanghaiDate,
  UnitCode,
  yearOf,
} from "@gov/domain";
import { type AppEnv, named, newRouter, problemResponse, yearParam } from "@gov/http";
import { annualReportRecords } from "@gov/store";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";

type C = Context<AppEnv>;

/** A unit's own report, or without one the government's (whose office is the unit of kind office). */
async function issuerOf(c: C, unit: string | undefined): Promise<string> {
  const { units } = c.var.deps.store;
  const issuer = unit ? await units.get(unit) : (await units.list()).find((u) => u.kind === "office");
  if (!issuer) return fail("not-found", "单位不存在");
  return reportIssuer(issuer);
}

export async function reportOf(c: C, year: number, unit: string | undefined) {
  const { store, clock, calendar: builtIn, settings } = c.var.deps;
  const today = shanghaiDate(clock());
  if (year > yearOf(today)) fail("not-found", `${year}年度尚未开始`);
  const [issuer, records, calendar] = await Promise.all([
    issuerOf(c, unit),
    annualReportRecords(store, year, unit),
    store.calendar.current(builtIn),
  ]);
  return annualReportOf(records, { year, unit, issuer, today, calendar, settings });
}

/** The report's figures as data; its text is the Markdown and HTML forms. */
const ReportFigures = AnnualReport.omit({ blocks: true }).extend({ unit: UnitCode.nullable() });

export const annualReportRoutes = newRouter().openapi(
  createRoute({
    method: "get",
    path: "/reports/annual/{year}",
    summary: "政府信息公开工作年度报告（按平台数据生成）",
    description:
      "按条例第五十条和2021年版格式生成：规范性文件制发、废止、现行有效件数，依申请公开表三，年度整改情况。平台不登记的内容（规章、许可、处罚、强制、收费、复议诉讼）在notRecorded中列出，须人工补充后发布。unit为空时是本级政府的报告。format可为json、md、html。",
    request: {
      params: yearParam(),
      query: z.object({
        unit: UnitCode.optional().openapi({ example: "000014351" }),
        format: z.enum(["json", "md", "html"]).default("json"),
      }),
    },
    responses: {
      200: {
        description: "年度报告",
        content: {
          "application/json": { schema: named(ReportFigures, "AnnualReport") },
          "text/markdown": { schema: z.string() },
          "text/html": { schema: z.string() },
        },
      },
      400: problemResponse("参数有误"),
      404: problemResponse("单位不存在或年度尚未开始"),
    },
  }),
  async (c) => {
    const { year } = c.req.valid("param");
    const { unit, format } = c.req.valid("query");
    const report = await reportOf(c, year, unit);
    if (format === "md") {
      return c.body(annualReportMarkdown(report), 200, { "content-type": "text/markdown; charset=utf-8" });
    }
    if (format === "html") {
      return c.body(htmlPage(report.title, annualReportHtml(report)), 200, {
        "content-type": "text/html; charset=utf-8",
      });
    }
    const { blocks: _blocks, ...figures } = report;
    return c.json({ ...figures, unit: unit ?? null }, 200);
  },
);
