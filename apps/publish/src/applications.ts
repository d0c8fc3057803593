import {
  applicationDetail,
  discloseApplication,
  listApplications,
  recordApplicationEvent,
  registerApplication,
  routeApplication,
} from "@gov/core";
import {
  Application,
  ApplicationDetail,
  ApplicationEventInput,
  ApplicationListEntry,
  CreateItemInput,
  DisclosedApplication,
  RegisterApplicationInput,
  RouteApplicationInput,
  UnitCode,
} from "@gov/domain";
import {
  commonProblems,
  etagOf,
  idempotencyWrites,
  idempotent,
  idParam,
  jsonContent,
  named,
  newRouter,
  PageQuery,
  pageOf,
  problemResponse,
  requireRole,
  security,
  sentVersion,
  versioned,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";

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

const Registered = named(Application, "Application");
const Detail = named(ApplicationDetail, "ApplicationDetail");
const IdParam = idParam("application");
const problems = {
  ...commonProblems,
  409: problemResponse("当前状态或办理规则不允许此事件"),
  412: problemResponse("If-Match版本已过期"),
  422: problemResponse("违反业务规则（单位不存在等）"),
};

const createdHeaders = (application: Application) => ({
  ETag: etagOf(application.version),
  Location: `/publish/v1/applications/${application.id}`,
});

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
      responses: { 201: { description: "已登记的申请", ...jsonContent(Registered) }, ...problems },
    }),
    async (c) => {
      const application = await registerApplication(c.var.deps, c.var.principal, c.req.valid("json"), {
        alsoWrite: (a) => idempotencyWrites(c, { status: 201, body: a, headers: createdHeaders(a) }),
      });
      for (const [name, value] of Object.entries(createdHeaders(application))) c.header(name, value);
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
          ...PageQuery.shape,
        }),
      },
      responses: {
        200: {
          description: "最近收到的在前；state、dueOn按今天和现行工作日历重新计算",
          ...jsonContent(pageOf(named(ApplicationListEntry, "ApplicationListEntry"))),
        },
        ...commonProblems,
      },
    }),
    async (c) => c.json(await listApplications(c.var.deps, c.var.principal, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/applications/{id}",
      summary: "申请详情（办理事件、答复期限的计算说明、申请人信息）",
      security,
      request: { params: IdParam },
      responses: { 200: { description: "申请", ...jsonContent(Detail) }, ...commonProblems },
    }),
    async (c) => versioned(c, await applicationDetail(c.var.deps, c.var.principal, c.req.valid("param").id)),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/events",
      summary: "记录办理事件（确认收到、受理、补正、征求意见、延期、收费、答复等）",
      description:
        "事件按条例第三十条至第三十七条及国办函〔2020〕109号检查：网上申请以确认之日为收到申请之日（第三十一条第三项，confirm），第三方意见期限自其收到之日起算（third-party-received），第三十五条的合理延期为单独事件（extend-reasonable）；答复期限始终由事件记录推算。携带If-Match时按版本检查；并发写入以版本条件保证不丢失。",
      security,
      middleware: [requireRole("editor", "reviewer")] as const,
      request: {
        params: IdParam,
        headers: z.object({ "if-match": z.string().optional().openapi({ example: '"3"' }) }),
        body: { required: true, ...jsonContent(ApplicationEventInput, example.event) },
      },
      responses: { 200: { description: "记录后的申请", ...jsonContent(Detail) }, ...problems },
    }),
    async (c) => {
      const recorded = await recordApplicationEvent(c.var.deps, c.var.principal, {
        id: c.req.valid("param").id,
        event: c.req.valid("json"),
        expectedVersion: sentVersion(c),
      });
      return versioned(c, recorded);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/applications/{id}/parts",
      summary: "交由更多单位分别办理（办公室）",
      description:
        "一件申请涉及多个单位的，办公室将其交由所列单位各自办理一部分：每个部分有自己的答复期限（自交办之日起算，即该单位收到申请之日，条例第三十一条、第三十三条）、办理事件、答复和年度报告表三中的一行；申请人凭同一查询码查看全部部分。同一单位只办理一个部分（已在办理的为409）；一件申请最多由10个单位办理。{id}可为任一部分。支持Idempotency-Key。",
      security,
      middleware: [requireRole("office"), idempotent] as const,
      request: {
        params: IdParam,
        body: {
          required: true,
          ...jsonContent(RouteApplicationInput, {
            unitCodes: ["000014352", "000014353"],
            on: "2026-03-04",
            note: "所申请的信息分别由所列单位掌握",
          }),
        },
      },
      responses: {
        201: {
          description: "新增的部分，各自的收到日期和答复期限",
          ...jsonContent(z.object({ parts: z.array(Registered) }).openapi("RoutedApplicationParts")),
        },
        ...problems,
        409: problemResponse("所列单位已在办理该申请"),
      },
    }),
    async (c) => {
      const parts = await routeApplication(
        c.var.deps,
        c.var.principal,
        { id: c.req.valid("param").id, ...c.req.valid("json") },
        { alsoWrite: (routed) => idempotencyWrites(c, { status: 201, body: { parts: routed } }) },
      );
      return c.json({ parts }, 201);
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
        201: {
          description: "新建的草稿与更新后的申请",
          ...jsonContent(named(DisclosedApplication, "DisclosedApplication")),
        },
        ...problems,
      },
    }),
    async (c) => {
      const { item, application } = await discloseApplication(c.var.deps, c.var.principal, {
        id: c.req.valid("param").id,
        content: c.req.valid("json"),
      });
      // The ETag is the application's: the next event on it sends it back as If-Match.
      c.header("ETag", etagOf(application.version));
      return c.json({ item, application }, 201);
    },
  );
