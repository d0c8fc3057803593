/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import {
  applicationTimelinessByUnit,
  getTask,
  listNotices,
  listSupervisionRuns,
  listTasks,
  noticeDetail,
  overdueAcrossClocks,
  rankYear,
  receiptsOf,
  visibleUnits,
} from "@gov/core";
import { fail, hasRole, idSchema, shanghaiDate, TaskState, type TaskView } from "@gov/domain";
import { displayStylesheetRoute, stylesheetRoute, switchReadingMode } from "@gov/http";
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import { BoardPage } from "./board-page.tsx";
import type { CC, ConsoleEnv } from "./console-env.ts";
import { clearSessionCookie, readCookie, sessionCookie } from "./cookies.ts";
import { csrfHolds, csrfToken } from "./csrf.ts";
import { OverduePage } from "./overdue-page.tsx";
import { consoleBase, consolePath } from "./paths.ts";
import { RankingsPage } from "./rankings-page.tsx";
import { NoticePage, NoticesPage } from "./receipts-page.tsx";
import { consoleErrorPage, consolePage, messagePage } from "./render.tsx";
import { RunsPage } from "./runs-page.tsx";
import { openSession, type Signer } from "./session.ts";
import { signIn, signInPage, signOut } from "./sign-in.tsx";
import { consoleCss } from "./stylesheet.ts";
import { TaskPage } from "./task-page.tsx";
import { TimelinessPage } from "./timeliness-page.tsx";

/** A filter's value, or none for the form's "全部" (an empty value) or a value the filter does not know. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);

const BoardQuery = z.object({ unit: optional(z.string().max(20)), state: optional(TaskState) });
const UnitQuery = z.object({ unit: optional(z.string().max(20)) });
const YearQuery = z.object({ year: optional(z.coerce.number().int().min(2008).max(2100)) });
const CursorQuery = z.object({ cursor: optional(z.string().max(2000)) });
const TaskId = idSchema("rectificationTask");
const NoticeId = idSchema("notice");

/** The whole board: every task the key may see, a page of 100 at a time (an office has hundreds at most). */
async function allTasks(c: CC): Promise<TaskView[]> {
  const tasks: TaskView[] = [];
  let cursor: string | undefined;
  do {
    const page = await listTasks(c.var.deps, c.var.session, { limit: 100, cursor });
    tasks.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return tasks;
}

/** Another unit named to a unit's key is not found (404, never 403), as in the API. */
function visibleUnitFilter(c: CC, unit: string | undefined): string | undefined {
  const session = c.var.session;
  if (unit && !hasRole(session, "office") && unit !== session.unitCode) fail("not-found", "单位不存在");
  return unit;
}

/** The path and query of the same page with another cursor: the next page of a list. */
function withCursor(c: CC, cursor: string | null): string | null {
  if (!cursor) return null;
  const url = new URL(c.req.url);
  url.searchParams.set("cursor", cursor);
  return `${url.pathname}?${url.searchParams}`;
}

const thisYear = (c: CC) => Number(shanghaiDate(c.var.deps.clock()).slice(0, 4));

/**
 * The office console (issue 16, ADR 0054) under `/supervision/console`: server-rendered pages
 * reading the core's use cases as the signed-in key (the same unit rules as the API), signed
 * in with a signed session cookie, every form carrying a CSRF token, no script anywhere.
 * Without a signing key configured it answers 503 and signs nobody in.
 */
export function consoleRoutes(options: { signer: Promise<Signer> | undefined }) {
  const app = new Hono<ConsoleEnv>();
  app.onError((error, c) => consoleErrorPage(c, error));

  const css = stylesheetRoute(consoleCss);
  app.get("/console.css", css);
  app.get("/display.css", displayStylesheetRoute);

  app.use("*", async (c, next) => {
    if (!options.signer) {
      return c.text("控制台未配置会话签名密钥（CONSOLE_SESSION_KEY），暂不可用。", 503, {
        "cache-control": "no-store",
      });
    }
    c.set("signer", await options.signer);
    await next();
  });
  app.use("*", csrfToken);
  // Every POST, the sign-in's included: without the form's token matching this browser's cookie, nothing happens.
  app.use("*", async (c, next) => {
    if (c.req.method === "POST" && !(await csrfHolds(c)))
      return messagePage(c, 403, "表单已失效或来源不明，请返回页面重新提交。");
    await next();
  });

  app.post("/display", (c) => switchReadingMode(c, consoleBase));
  app.get("/sign-in", async (c) => ((await sessionOf(c)) ? c.redirect(consoleBase, 303) : signInPage(c)));
  app.post("/sign-in", signIn);
  app.post("/sign-out", signOut);

  app.use("*", signedIn);

  app.get("/", async (c) => {
    const query = BoardQuery.parse(c.req.query());
    const unit = visibleUnitFilter(c, query.unit);
    const [all, units] = await Promise.all([allTasks(c), visibleUnits(c.var.deps, c.var.session)]);
    const shown = all.filter(
      (t) => (!unit || t.unitCode === unit) && (!query.state || t.state === query.state),
    );
    return consolePage(
      c,
      "整改看板",
      <BoardPage
        all={all}
        shown={shown}
        units={units}
        filter={{ unit, state: query.state }}
        office={hasRole(c.var.session, "office")}
      />,
    );
  });

  app.get("/tasks/:id", async (c) => {
    const id = TaskId.safeParse(c.req.param("id"));
    if (!id.success) return messagePage(c, 404, "整改任务不存在");
    const task = await getTask(c.var.deps, c.var.session, { id: id.data });
    const units = await visibleUnits(c.var.deps, c.var.session);
    const unitName = units.find((u) => u.code === task.unitCode)?.name ?? task.unitCode;
    return consolePage(c, `整改任务：${task.problem}`, <TaskPage task={task} unitName={unitName} />);
  });

  app.get("/overdue", async (c) => {
    const unit = visibleUnitFilter(c, UnitQuery.parse(c.req.query()).unit);
    const [overdue, units] = await Promise.all([
      overdueAcrossClocks(c.var.deps, c.var.session, { unitCode: unit }),
      visibleUnits(c.var.deps, c.var.session),
    ]);
    return consolePage(
      c,
      "逾期事项",
      <OverduePage {...overdue} units={units} unit={unit} office={hasRole(c.var.session, "office")} />,
    );
  });

  app.get("/timeliness", async (c) => {
    const year = YearQuery.parse(c.req.query()).year ?? thisYear(c);
    const view = await applicationTimelinessByUnit(c.var.deps, c.var.session, { year });
    return consolePage(c, `${year}年办理时效`, <TimelinessPage {...view} />);
  });

  app.get("/rankings", async (c) => {
    const year = YearQuery.parse(c.req.query()).year ?? thisYear(c);
    const { levels } = await rankYear(c.var.deps, c.var.session, { year });
    const session = c.var.session;
    // A unit sees its own row (with its rank), not the others' scores.
    const visible = levels.map((l) => ({
      ...l,
      rows: l.rows.filter((r) => hasRole(session, "office") || r.unitCode === session.unitCode),
    }));
    return consolePage(c, `${year}年考评得分与排名`, <RankingsPage year={year} levels={visible} />);
  });

  app.get("/notices", async (c) => {
    const { cursor } = CursorQuery.parse(c.req.query());
    const { deps, session } = c.var;
    const page = await listNotices(deps, session, { limit: 20, cursor });
    const office = hasRole(session, "office");
    const notices = await Promise.all(
      page.items.map(async (notice) => ({
        notice,
        counts: office ? (await receiptsOf(deps, session, { id: notice.id })).counts : null,
      })),
    );
    return consolePage(
      c,
      "通知回执",
      <NoticesPage notices={notices} next={withCursor(c, page.nextCursor)} />,
    );
  });

  app.get("/notices/:id", async (c) => {
    const id = NoticeId.safeParse(c.req.param("id"));
    if (!id.success) return messagePage(c, 404, "通知不存在");
    const { deps, session } = c.var;
    const notice = await noticeDetail(deps, session, { id: id.data });
    const [overview, units] = await Promise.all([
      hasRole(session, "office") ? receiptsOf(deps, session, { id: id.data }) : null,
      visibleUnits(deps, session),
    ]);
    return consolePage(c, notice.title, <NoticePage notice={notice} overview={overview} units={units} />);
  });

  app.get("/runs", async (c) => {
    const { cursor } = CursorQuery.parse(c.req.query());
    const page = await listSupervisionRuns(c.var.deps, c.var.session, { limit: 20, cursor });
    return consolePage(c, "督办记录", <RunsPage runs={page.items} next={withCursor(c, page.nextCursor)} />);
  });

  app.all("*", (c) => messagePage(c, 404, "页面不存在"));
  return app;
}

const sessionOf = (c: CC) => openSession(c.var.signer, readCookie(c, sessionCookie), c.var.deps.clock());

/** No valid session (none, expired, tampered): the cookie is cleared and the browser sent to sign in. */
const signedIn = createMiddleware<ConsoleEnv>(async (c, next) => {
  const session = await sessionOf(c);
  if (!session) {
    if (readCookie(c, sessionCookie) !== undefined) clearSessionCookie(c);
    return c.redirect(consolePath("/sign-in"), 303);
  }
  c.set("session", session);
  c.set("principal", session);
  await next();
});
