import { checkVersion } from "@gov/core";
import {
  type Application,
  ApplicationEventInput,
  type AuditEntry,
  applicantKindOf,
  CreateItemInput,
  canSeeUnit,
  clockOfApplication,
  fail,
  hasRole,
  newApplication,
  newItem,
  RegisterApplicationInput,
  timelinessOfApplication,
  UnitCode,
  withEvent,
} from "@gov/domain";
import {
  type AppEnv,
  commonProblems,
  etagOf,
  idempotencyWrites,
  idempotent,
  jsonContent,
  newRouter,
  nowIso,
  problemResponse,
  requireRole,
  security,
  sentVersion,
  todayOf,
} from "@gov/http";
import { issueTrackingCredentials, newId, type Principal } from "@gov/store";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { auditOf, prepareContent } from "./publishing.ts";

type C = Context<AppEnv>;

const example = {
  register: {
    channel: "registered-post",
    receivedOn: "2026-02-27",
    applicant: {
      type: "natural-person",
      name: "张三",
      idNumber: "360000199001010000",
      phone: "13800000000",
      address: "江西省共青城市某路1号",
    },
    description: "申请公开2025年共青城市城区道路改造工程的招标文件",
    provisionForm: "paper",
  },
  event: {
    type: "extend",
    on: "2026-03-20",
    days: 20,
    approver: "市政府办公室主任李四",
    applicantNotifiedOn: "2026-03-20",
  },
};

const ApplicationView = z.record(z.string(), z.unknown()).openapi("Application");
const IdParam = z.object({ id: z.string().openapi({ example: "app_01JD6Q3Z5K8X9V2M4N7P0R1S3T" }) });
const problems = {
  ...commonProblems,
  409: problemResponse("当前状态或办理规则不允许此事件"),
  412: problemResponse("If-Match版本已过期"),
  422: problemResponse("违反业务规则（单位不存在等）"),
};

/** The calendar in force: the built-in one plus every notice the office has loaded. */
export const calendarOf = (c: C) => c.var.deps.store.calendar.current(c.var.deps.calendar);

function auditOfApplication(application: Application, action: string, principal: Principal): AuditEntry {
  return {
    entityType: "application",
    entityId: application.id,
    action,
    version: application.version,
    actorUnitCode: principal.unitCode,
    actorKeyId: principal.keyId,
    at: application.updatedAt,
    state: application.state,
  };
}

/** Another unit's application reads as missing; the office sees all. */
async function scopedApplication(c: C, id: string): Promise<Application> {
  const application = await c.var.deps.store.applications.get(id);
  if (!application || !canSeeUnit(c.var.principal, application.unitCode)) fail("not-found", "申请不存在");
  return application as Application;
}

/** The staff view: the record, its clock as of today, why it is due then, and the applicant. */
async function detail(c: C, application: Application) {
  const calendar = await calendarOf(c);
  const clock = clockOfApplication(application, calendar, todayOf(c));
  const applicant = await c.var.deps.store.applications.applicant(application.id);
  c.header("ETag", etagOf(application.version));
  return {
    ...application,
    state: clock.state,
    dueOn: clock.dueOn,
    dueIsProvisional: clock.dueIsProvisional,
    calendarVersion: clock.calendarVersion,
    timeliness: timelinessOfApplication(clock, todayOf(c), calendar, c.var.deps.settings),
    explanation: clock.explanation,
    applicant: applicant ?? null,
  };
}

export const applicationRoutes = newRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/applications",
      summary: "登记书面申请（当面、邮寄、信函、传真）",
      description:
        "登记以纸质等方式收到的政府信息公开申请，注明渠道和收到申请的日期（条例第三十一条）。办公室可为其他单位登记。支持Idempotency-Key。",
      security,
      middleware: [requireRole("editor"), idempotent] as const,
      request: { body: { required: true, ...jsonContent(RegisterApplicationInput, example.register) } },
      responses: { 201: { description: "已登记的申请", ...jsonContent(ApplicationView) }, ...problems },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const principal = c.var.principal;
      const unitCode = input.unitCode ?? principal.unitCode;
      if (unitCode !== principal.unitCode && !hasRole(principal, "office")) {
        fail("forbidden", "只能为本单位登记申请");
      }
      if (!(await c.var.deps.store.units.get(unitCode))) {
        fail("unprocessable", `单位${unitCode}不存在`, [{ path: "unitCode", message: "单位不存在" }]);
      }
      const { trackingCode, secretHash } = issueTrackingCredentials(
        "YSQ",
        Number(input.receivedOn.slice(0, 4)),
      );
      const application = newApplication(
        {
          id: newId("application"),
          trackingCode,
          unitCode,
          channel: input.channel,
          receivedOn: input.receivedOn,
          applicantKind: applicantKindOf(input.applicant),
          description: input.description,
          provisionForm: input.provisionForm,
        },
        await calendarOf(c),
        todayOf(c),
        nowIso(c),
      );
      const headers = { ETag: etagOf(1), Location: `/publish/v1/applications/${application.id}` };
      await c.var.deps.store.applications.create(
        application,
        input.applicant,
        secretHash,
        auditOfApplication(application, "register", principal),
        idempotencyWrites(c, { status: 201, body: application, headers }),
      );
      for (const [name, value] of Object.entries(headers)) c.header(name, value);
      return c.json(application, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/applications",
      summary: "申请列表（本单位；办公室可看全部或按单位筛选）",
      security,
      request: {
        query: z.object({
          unit: UnitCode.optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          cursor: z.string().max(2000).optional(),
        }),
      },
      responses: {
        200: {
          description: "最近收到的在前；state、dueOn按今天和现行工作日历重新计算",
          ...jsonContent(z.object({ items: z.array(ApplicationView), nextCursor: z.string().nullable() })),
        },
        ...commonProblems,
      },
    }),
    async (c) => {
      const { unit, ...page } = c.req.valid("query");
      const principal = c.var.principal;
      const { applications } = c.var.deps.store;
      const office = hasRole(principal, "office");
      const result =
        office && !unit
          ? await applications.listAll(page)
          : await applications.listOfUnit(office && unit ? unit : principal.unitCode, page);
      const calendar = await calendarOf(c);
      const items = result.items.map(({ events: _events, ...application }) => {
        const clock = clockOfApplication({ ...application, events: _events }, calendar, todayOf(c));
        return {
          ...application,
          state: clock.state,
          dueOn: clock.dueOn,
          dueIsProvisional: clock.dueIsProvisional,
          timeliness: timelinessOfApplication(clock, todayOf(c), calendar, c.var.deps.settings),
        };
      });
      return c.json({ items, nextCursor: result.nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/applications/{id}",
      summary: "申请详情（办理事件、答复期限的计算说明、申请人信息）",
      security,
      request: { params: IdParam },
      responses: { 200: { description: "申请", ...jsonContent(ApplicationView) }, ...commonProblems },
    }),
    async (c) => c.json(await detail(c, await scopedApplication(c, c.req.valid("param").id)), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/events",
      summary: "记录办理事件（受理、补正、征求意见、延期、收费、答复等）",
      description:
        "事件按条例第三十条至第三十七条检查；答复期限始终由事件记录推算。携带If-Match时按版本检查；并发写入以版本条件保证不丢失。",
      security,
      middleware: [requireRole("editor", "reviewer")] as const,
      request: {
        params: IdParam,
        headers: z.object({ "if-match": z.string().optional().openapi({ example: '"3"' }) }),
        body: { required: true, ...jsonContent(ApplicationEventInput, example.event) },
      },
      responses: { 200: { description: "记录后的申请", ...jsonContent(ApplicationView) }, ...problems },
    }),
    async (c) => {
      const current = await scopedApplication(c, c.req.valid("param").id);
      checkVersion(current.version, sentVersion(c));
      const event = c.req.valid("json");
      const next = withEvent(
        current,
        event,
        { at: nowIso(c), by: c.var.principal.keyId },
        await calendarOf(c),
        todayOf(c),
      );
      await c.var.deps.store.applications.update(
        next,
        current,
        auditOfApplication(next, `event:${event.type}`, c.var.principal),
      );
      return c.json(await detail(c, next), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/disclose",
      summary: "转主动公开：以已答复申请所公开的信息起草主动公开信息",
      description: "仅限已予以公开或部分公开的申请；生成的草稿按正常流程审核、发布。",
      security,
      middleware: [requireRole("editor")] as const,
      request: {
        params: IdParam,
        body: {
          required: true,
          ...jsonContent(CreateItemInput, {
            kind: "general",
            title: "2025年城区道路改造工程招标文件",
            columnId: "decision",
            body: "<p>依申请公开的招标文件……</p>",
            generatedOn: "2026-03-10",
          }),
        },
      },
      responses: {
        201: { description: "新建的草稿与更新后的申请", ...jsonContent(ApplicationView) },
        ...problems,
      },
    }),
    async (c) => {
      const principal = c.var.principal;
      const application = await scopedApplication(c, c.req.valid("param").id);
      if (
        application.state !== "answered" ||
        !["disclosed", "partially-disclosed"].includes(application.responseType ?? "")
      ) {
        fail("conflict", "只有予以公开或部分公开的申请才能转为主动公开");
      }
      const content = await prepareContent(c, c.req.valid("json"), application.unitCode, null);
      const item = newItem(content, application.unitCode, newId("item"), nowIso(c));
      await c.var.deps.store.items.create(
        item,
        auditOf(item, "create-from-application", principal, application.id),
      );
      const next = withEvent(
        application,
        { type: "disclosed-proactively", on: todayOf(c), itemId: item.id },
        { at: nowIso(c), by: principal.keyId },
        await calendarOf(c),
        todayOf(c),
      );
      await c.var.deps.store.applications.update(
        next,
        application,
        auditOfApplication(next, "disclose", principal),
      );
      return c.json({ item, application: await detail(c, next) }, 201);
    },
  );
