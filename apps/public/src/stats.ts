import {
  type Application,
  applicationStatistics,
  clockOfApplication,
  type StatisticsInput,
  shanghaiDate,
  timelinessOfApplication,
  UnitCode,
} from "@gov/domain";
import { type AppEnv, jsonContent, newRouter, problemResponse } from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";

type C = Context<AppEnv>;

const Statistics = z.record(z.string(), z.unknown()).openapi("ApplicationStatistics");

/**
 * One application as the statistics see it, as of the year's end (or today, if earlier):
 * counts and dates only, never the applicant.
 */
function asOfYearEnd(
  application: Application,
  asOf: string,
  deps: Pick<AppEnv["Variables"]["deps"], "settings">,
  calendar: Parameters<typeof clockOfApplication>[1],
): StatisticsInput {
  const clock = clockOfApplication(application, calendar, asOf);
  const endedInTime = clock.endedOn !== undefined && clock.endedOn <= asOf;
  const judged = { dueOn: clock.dueOn, endedOn: endedInTime ? clock.endedOn : undefined };
  return {
    applicantKind: application.applicantKind,
    channel: application.channel,
    receivedOn: application.receivedOn,
    endedOn: clock.endedOn,
    outcome: clock.outcome,
    responseType: clock.responseType,
    extended: clock.extended,
    timely: timelinessOfApplication(judged, asOf, calendar, deps.settings) === "on-time",
  };
}

/** The year's application statistics (table three among them), as of its end or today if earlier. */
export async function applicationStatisticsOf(c: C, year: number, unit: string | undefined) {
  const { store, clock, calendar: builtIn, settings } = c.var.deps;
  const today = shanghaiDate(clock());
  const yearEnd = `${year}-12-31`;
  const asOf = today < yearEnd ? today : yearEnd;
  const calendar = await store.calendar.current(builtIn);
  const applications = await store.applications.receivedUntil(yearEnd, unit);
  return applicationStatistics(
    year,
    applications.map((a) => asOfYearEnd(a, asOf, { settings }, calendar)),
  );
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
