import {
  annualReport,
  annualReportHtml,
  annualReportMarkdown,
  fail,
  normativeCatalogue,
  shanghaiDate,
  UnitCode,
  yearOf,
} from "@gov/domain";
import { type AppEnv, newRouter, problemResponse } from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { applicationStatisticsOf } from "./stats.ts";

type C = Context<AppEnv>;

/**
 * The city's report is the government's, published by its office: the office's name less
 * its trailing 办公室 names the government (共青城市人民政府办公室 → 共青城市人民政府).
 */
async function issuerOf(c: C, unit: string | undefined): Promise<string> {
  const { units } = c.var.deps.store;
  if (unit) return (await units.get(unit))?.name ?? fail("not-found", "单位不存在");
  const office = (await units.list()).find((u) => u.kind === "office");
  return office?.name.replace(/办公室$/, "") ?? "本级人民政府";
}

async function reportOf(c: C, year: number, unit: string | undefined) {
  const { store, clock } = c.var.deps;
  const today = shanghaiDate(clock());
  if (year > yearOf(today)) fail("not-found", `${year}年度尚未开始`);
  const yearEnd = `${year}-12-31`;
  const [issuer, documents, statistics, tasks] = await Promise.all([
    issuerOf(c, unit),
    store.items.normativeDocuments(),
    applicationStatisticsOf(c, year, unit),
    store.rectificationTasks.ofYear(year),
  ]);
  const own = <T extends { unitCode: string }>(records: readonly T[]) =>
    unit ? records.filter((r) => r.unitCode === unit) : records;
  const { issued, repealed, valid } = normativeCatalogue(own(documents), year);
  return annualReport({
    year,
    issuer,
    asOf: today < yearEnd ? today : yearEnd,
    normative: { issued, repealed, valid },
    applications: statistics.tableThree,
    tasks: own(tasks),
  });
}

const page = (title: string, body: string) =>
  `<!doctype html>\n<html lang="zh-CN">\n<head><meta charset="utf-8"><title>${title.replace(/</g, "&lt;")}</title></head>\n<body>\n${body}\n</body>\n</html>\n`;

export const annualReportRoutes = newRouter().openapi(
  createRoute({
    method: "get",
    path: "/reports/annual/{year}",
    summary: "政府信息公开工作年度报告（按平台数据生成）",
    description:
      "按条例第五十条和2021年版格式生成：规范性文件制发、废止、现行有效件数，依申请公开表三，年度整改情况。平台不登记的内容（规章、许可、处罚、强制、收费、复议诉讼）在notRecorded中列出，须人工补充后发布。unit为空时是本级政府的报告。format可为json、md、html。",
    request: {
      params: z.object({ year: z.coerce.number().int().min(2000).max(2100).openapi({ example: 2019 }) }),
      query: z.object({
        unit: UnitCode.optional().openapi({ example: "000014351" }),
        format: z.enum(["json", "md", "html"]).default("json"),
      }),
    },
    responses: {
      200: {
        description: "年度报告",
        content: {
          "application/json": { schema: z.record(z.string(), z.unknown()) },
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
      return c.body(page(report.title, annualReportHtml(report)), 200, {
        "content-type": "text/html; charset=utf-8",
      });
    }
    const { blocks: _blocks, ...figures } = report;
    return c.json({ ...figures, unit: unit ?? null }, 200);
  },
);
