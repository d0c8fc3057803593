import { letterStatisticsOf } from "@gov/core";
import { shanghaiDate, UnitCode, yearOf } from "@gov/domain";
import { jsonContent, newRouter, problemResponse } from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";

const example = {
  year: 2019,
  unit: null,
  asOf: "2020-01-15",
  received: 302,
  replied: 300,
  replyRate: 0.9934,
  averageReplyWorkingDays: 3.2,
  longestReplyWorkingDays: 9,
  replyLimitWorkingDays: 5,
  onTime: 281,
  late: 19,
  openOverdue: 2,
  unansweredOverThreeMonths: [],
  provisional: false,
};

const LetterStats = z.object({
  year: z.number().int(),
  unit: z.string().nullable(),
  asOf: z.string().openapi({ description: "统计截至日期（北京时间）" }),
  received: z.number().int().openapi({ description: "收到来信件数" }),
  replied: z.number().int().openapi({ description: "已答复件数" }),
  replyRate: z.number().nullable().openapi({ description: "答复率（0–1）" }),
  averageReplyWorkingDays: z.number().nullable().openapi({ description: "平均答复用时（工作日）" }),
  longestReplyWorkingDays: z.number().int().nullable().openapi({ description: "最长答复用时（工作日）" }),
  replyLimitWorkingDays: z.number().int().openapi({ description: "答复时限（工作日，本地设置）" }),
  onTime: z.number().int(),
  late: z.number().int(),
  openOverdue: z.number().int().openapi({ description: "未答复且已超过答复时限的件数" }),
  unansweredOverThreeMonths: z
    .array(z.object({ id: z.string(), receivedOn: z.string() }))
    .openapi({ description: "超过3个月未答复的来信（全国政府网站检查中任一条即不合格）" }),
  provisional: z.boolean(),
});

export const letterStatsRoutes = newRouter().openapi(
  createRoute({
    method: "get",
    path: "/stats/letters",
    summary: "市长信箱统计（收信、答复、答复率、答复用时、超期未答复）",
    description:
      "按受理年份（默认本年）和承办单位统计。答复用时按工作日计算（受理当日不计，节假日与调休按国务院安排）；不含任何写信人信息。",
    request: {
      query: z.object({
        year: z.coerce.number().int().min(2000).max(2100).optional().openapi({ example: 2019 }),
        unit: UnitCode.optional(),
      }),
    },
    responses: {
      200: { description: "统计结果", ...jsonContent(LetterStats, example) },
      400: problemResponse("查询参数有误"),
    },
  }),
  async (c) => {
    const { year = yearOf(shanghaiDate(c.var.deps.clock())), unit } = c.req.valid("query");
    return c.json(await letterStatisticsOf(c.var.deps, { year, unit }), 200);
  },
);
