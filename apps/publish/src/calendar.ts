import { currentCalendar, loadHolidayNotice } from "@gov/core";
import { fail, fieldIssues, HolidayNotice, IsoDate, LoadedHolidayNotice } from "@gov/domain";
import {
  commonProblems,
  jsonContent,
  named,
  newRouter,
  problemResponse,
  requireRole,
  security,
  sentVersion,
  versioned,
  yearParam,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";

/** The notice as loaded for the year in the path; HolidayNotice checks it whole. */
const NoticeBody = z.strictObject({
  title: z.string(),
  daysOff: z.array(IsoDate),
  workdays: z.array(IsoDate),
});

const example = {
  title: "国务院办公厅关于2027年部分节假日安排的通知",
  daysOff: ["2027-01-01", "2027-01-02", "2027-01-03"],
  workdays: [],
};

export const calendarRoutes = newRouter()
  .openapi(
    createRoute({
      method: "put",
      path: "/calendar/years/{year}",
      summary: "载入某年度国务院节假日安排（放假日、调休上班日）",
      description:
        "仅办公室。每次载入为该年度的新版本（更新已载入的年度须携带If-Match）；载入后重新计算所有未办结申请的答复期限并记入其办理记录。",
      security,
      middleware: [requireRole("office")] as const,
      request: {
        params: yearParam({ min: 1900, max: 9998 }),
        headers: z.object({ "if-match": z.string().optional().openapi({ example: '"1"' }) }),
        body: { required: true, ...jsonContent(NoticeBody, example) },
      },
      responses: {
        200: {
          description: "载入结果：年度版本、现行工作日历版本、重新计算的申请数",
          ...jsonContent(
            z.object({
              year: z.number(),
              version: z.number(),
              calendarVersion: z.string(),
              recomputedApplications: z.number(),
              recomputedTimeliness: z.number(),
            }),
          ),
        },
        ...commonProblems,
        412: problemResponse("If-Match版本已过期"),
        428: problemResponse("更新已载入的年度须携带If-Match"),
      },
    }),
    async (c) => {
      const { year } = c.req.valid("param");
      const parsed = HolidayNotice.safeParse({ ...c.req.valid("json"), year });
      if (!parsed.success) return fail("validation", "节假日安排通知有误", fieldIssues(parsed.error, ""));
      const loaded = await loadHolidayNotice(c.var.deps, c.var.principal, {
        notice: parsed.data,
        expectedVersion: sentVersion(c),
      });
      return versioned(c, loaded);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/calendar",
      summary: "现行工作日历（版本、已载入年度、办公室载入的通知）",
      security,
      responses: {
        200: {
          description: "工作日历",
          ...jsonContent(
            z.object({
              version: z.string(),
              years: z.array(z.number()),
              notices: z.array(named(LoadedHolidayNotice, "LoadedHolidayNotice")),
            }),
          ),
        },
        ...commonProblems,
      },
    }),
    async (c) => {
      const calendar = await currentCalendar(c.var.deps);
      const notices = await c.var.deps.store.calendar.notices();
      return c.json({ version: calendar.version, years: calendar.years, notices }, 200);
    },
  );
