import {
  type Calendar,
  clockOfApplication,
  fail,
  HolidayNotice,
  IsoDate,
  shanghaiDate,
  withEvent,
} from "@gov/domain";
import {
  type AppEnv,
  commonProblems,
  expectedVersion,
  fieldIssues,
  jsonContent,
  newRouter,
  problemResponse,
  requireRole,
  security,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { calendarOf } from "./applications.ts";

type C = Context<AppEnv>;

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

/**
 * Every open application is recomputed with the new calendar; one whose due date or
 * provisional mark changes gets a `calendar-changed` event, so its log says why the date moved.
 * Each is its own versioned write: a concurrent event makes that one retry-safe to redo by
 * loading the notice again, and the notice itself is already committed.
 */
async function recomputeOpen(c: C, calendar: Calendar, year: number): Promise<number> {
  const { applications } = c.var.deps.store;
  const today = shanghaiDate(c.var.deps.clock());
  const at = c.var.deps.clock().toISOString();
  let changed = 0;
  for (const application of await applications.listOpen()) {
    const clock = clockOfApplication(application, calendar, today);
    if (clock.dueOn === application.dueOn && clock.dueIsProvisional === application.dueIsProvisional)
      continue;
    const next = withEvent(
      application,
      {
        type: "calendar-changed",
        on: today,
        calendarVersion: calendar.version,
        noticeYear: year,
        dueBefore: application.dueOn,
        dueAfter: clock.dueOn,
      },
      { at, by: c.var.principal.keyId },
      calendar,
      today,
    );
    await applications.update(next, application, {
      entityType: "application",
      entityId: next.id,
      action: "calendar-changed",
      version: next.version,
      actorUnitCode: c.var.principal.unitCode,
      actorKeyId: c.var.principal.keyId,
      at,
      state: next.state,
      note: `载入${year}年节假日安排：${application.dueOn ?? "—"} → ${clock.dueOn ?? "—"}`,
    });
    changed += 1;
  }
  return changed;
}

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
        params: z.object({ year: z.coerce.number().int().min(1900).max(9998).openapi({ example: 2027 }) }),
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
      const notice = parsed.data;
      const { calendar: notices } = c.var.deps.store;
      const existing = (await notices.notices()).find((n) => n.year === year);
      const version = existing ? expectedVersion(c) + 1 : 1;
      if (existing && existing.version !== version - 1) {
        fail("precondition-failed", `该年度节假日安排已被修改（当前版本${existing.version}），请刷新后重试`);
      }
      const at = c.var.deps.clock().toISOString();
      const principal = c.var.principal;
      await notices.put(
        { ...notice, version, loadedAt: at, loadedBy: principal.keyId },
        {
          entityType: "calendar",
          entityId: String(year),
          action: existing ? "replace-notice" : "load-notice",
          version,
          actorUnitCode: principal.unitCode,
          actorKeyId: principal.keyId,
          at,
          note: notice.title,
        },
      );
      const calendar = await calendarOf(c);
      const recomputedApplications = await recomputeOpen(c, calendar, year);
      c.header("ETag", `"${version}"`);
      return c.json({ year, version, calendarVersion: calendar.version, recomputedApplications }, 200);
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
            z.object({ version: z.string(), years: z.array(z.number()), notices: z.array(z.unknown()) }),
          ),
        },
        ...commonProblems,
      },
    }),
    async (c) => {
      const calendar = await calendarOf(c);
      const notices = await c.var.deps.store.calendar.notices();
      return c.json({ version: calendar.version, years: calendar.years, notices }, 200);
    },
  );
