import { publicAnnualReport } from "@gov/core";
import { AnnualReport, annualReportHtml, annualReportMarkdown, htmlPage, UnitCode } from "@gov/domain";
import { named, newRouter, problemResponse, yearParam } from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";

/** The report's figures as data; its text is the Markdown and HTML forms. */
const ReportFigures = AnnualReport.omit({ blocks: true }).extend({ unit: UnitCode.nullable() });

export const annualReportRoutes = newRouter().openapi(
  createRoute({
    method: "get",
    path: "/reports/annual/{year}",
    summary: "政府信息公开工作年度报告（按平台数据生成）",
    description:
      "按条例第五十条和2021年版格式生成：规范性文件制发、废止、现行有效件数，依申请公开表三，年度整改情况，全年业务培训次数与参训人次（training，按培训记录统计；单位报告为本单位参训的培训及人次）。含单位填报的许可、处罚、强制、收费和表四（各注明来源与日期）；尚未填报的在notRecorded中列出。unit为空或为市政务公开办时是本级政府的报告（覆盖全市各单位），为部门时只含该部门。format可为json、md、html。",
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
    const report = await publicAnnualReport(c.var.deps, { year, unit });
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
