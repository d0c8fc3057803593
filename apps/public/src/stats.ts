import { ApplicationStatistics, applicationStatisticsOfYear, shanghaiDate, UnitCode } from "@gov/domain";
import { type AppEnv, jsonContent, named, newRouter, problemResponse } from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";

type C = Context<AppEnv>;

/** The year's statistics and the unit they are of (null: the whole city). */
const Statistics = named(
  ApplicationStatistics.extend({ unit: UnitCode.nullable() }),
  "ApplicationStatistics",
);

/** The year's application statistics (table three among them), as of its end or today if earlier. */
async function applicationStatisticsOf(c: C, year: number, unit: string | undefined) {
  const { store, clock, calendar: builtIn, settings } = c.var.deps;
  const [calendar, applications] = await Promise.all([
    store.calendar.current(builtIn),
    store.applications.receivedUntil(`${year}-12-31`, unit),
  ]);
  return applicationStatisticsOfYear(year, applications, shanghaiDate(clock()), calendar, settings);
}

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
    const { year, unit } = c.req.valid("query");
    return c.json({ ...(await applicationStatisticsOf(c, year, unit)), unit: unit ?? null }, 200);
  },
);
