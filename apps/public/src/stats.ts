import { applicationStatisticsOf } from "@gov/core";
import { ApplicationStatistics, UnitCode } from "@gov/domain";
import { jsonContent, named, newRouter, problemResponse } from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";

/** The year's statistics and the unit they are of (null: the whole city). */
const Statistics = named(
  ApplicationStatistics.extend({ unit: UnitCode.nullable() }),
  "ApplicationStatistics",
);

export const statsRoutes = newRouter().openapi(
  createRoute({
    method: "get",
    path: "/stats/applications",
    summary: "政府信息公开申请统计（按年度、单位；含年度报告表三）",
    description:
      "收到申请数（按渠道）、办结、按时办结、延期、逾期、答复类型、上年结转与结转下年，以及年度报告第三部分表格（自然人、法人或其他组织五类、总计）。不含任何个人信息。",
    request: {
      query: z.object({
        year: z.coerce.number().int().min(2000).max(2100).openapi({ example: 2019 }),
        unit: UnitCode.optional().openapi({ example: "000014349" }),
      }),
    },
    responses: {
      200: { description: "统计", ...jsonContent(Statistics) },
      400: problemResponse("参数有误"),
    },
  }),
  async (c) => {
    return c.json(await applicationStatisticsOf(c.var.deps, c.req.valid("query")), 200);
  },
);
