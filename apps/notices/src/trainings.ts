import {
  createTraining,
  draftTrainingNotice,
  listTrainings,
  recordTrainingAttendance,
  trainingDetail,
} from "@gov/core";
import { AttendanceInput, CreateTrainingInput, IssueNoticeInput, TrainingView } from "@gov/domain";
import {
  commonProblems,
  created,
  etagOf,
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
  unitCodeSegment,
} from "@gov/http";
import { createRoute } from "@hono/zod-openapi";
import { examples } from "./examples.ts";

/**
 * Trainings (培训). The office creates them and reads every unit's attendance; an invited unit
 * reads its invitations and records its own attendance. A training a unit is not invited to
 * is 404 to it, as if it did not exist.
 */
const Training = named(TrainingView, "Training");
const IdParam = idParam("training");
const AttendanceParams = IdParam.extend({ unitCode: unitCodeSegment });

/**
 * Where the portal shows an item: the public app beside this one on the same host, as
 * `pnpm start` mounts them and the deployed API routes them (/public/v1/items/{id}).
 */
const portalItemLink = (requestUrl: string) => (itemId: string) =>
  new URL(`/public/v1/items/${encodeURIComponent(itemId)}`, requestUrl).toString();

export const trainingRoutes = newRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/trainings",
      summary: "新建培训（时间、地点、议程、主讲人、受邀单位、培训材料）",
      description:
        "invitedUnitCodes须为已有单位且不重复。materials为已发布的信息：给出itemId、indexNumber（索引号）或门户信息链接url之一。支持Idempotency-Key。",
      security,
      middleware: [requireRole("office"), idempotent] as const,
      request: { body: { required: true, ...jsonContent(CreateTrainingInput, examples.training) } },
      responses: {
        201: { description: "已创建", ...jsonContent(Training) },
        ...commonProblems,
        422: problemResponse("Idempotency-Key已用于不同的请求"),
      },
    }),
    (c) =>
      created(
        c,
        (alsoWrite) => createTraining(c.var.deps, c.var.principal, c.req.valid("json"), { alsoWrite }),
        (training) => ({
          body: training,
          headers: { ETag: etagOf(training.version), Location: `/notices/v1/trainings/${training.id}` },
        }),
      ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/trainings",
      summary: "培训列表（时间晚的在前；政务公开办看全部，各单位看邀请本单位的及本单位参训情况）",
      security,
      request: { query: PageQuery },
      responses: { 200: { description: "列表", ...jsonContent(pageOf(Training)) }, ...commonProblems },
    }),
    async (c) => c.json(await listTrainings(c.var.deps, c.var.principal, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/trainings/{id}",
      summary: "培训详情（政务公开办含各单位参训情况，受邀单位含本单位的）",
      security,
      request: { params: IdParam },
      responses: { 200: { description: "培训", ...jsonContent(Training) }, ...commonProblems },
    }),
    async (c) => c.json(await trainingDetail(c.var.deps, c.var.principal, c.req.valid("param")), 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/trainings/{id}/attendance/{unitCode}",
      summary: "登记单位参训情况（人数及可选名单；政务公开办或该单位本身）",
      description:
        "整体替换该单位此前登记的参训情况；重复提交相同内容不产生修改。未受邀单位或其他单位得到404。",
      security,
      request: {
        params: AttendanceParams,
        body: { required: true, ...jsonContent(AttendanceInput, examples.attendance) },
      },
      responses: {
        200: { description: "培训及参训情况", ...jsonContent(Training) },
        412: problemResponse("参训情况正被同时修改"),
        ...commonProblems,
      },
    }),
    async (c) => {
      const input = { ...c.req.valid("json"), ...c.req.valid("param") };
      return c.json(await recordTrainingAttendance(c.var.deps, c.var.principal, input), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/trainings/{id}/notice-draft",
      summary: "按培训起草培训通知（可原样提交至POST /notices）",
      description:
        "通知对象为受邀单位，附件为培训材料的门户链接，要求在培训日前2个工作日（按节假日安排计算）回执；该日已过时为今天。培训当天及之后不能起草。",
      security,
      middleware: [requireRole("office")] as const,
      request: { params: IdParam },
      responses: {
        200: { description: "通知草稿", ...jsonContent(named(IssueNoticeInput, "IssueNoticeInput")) },
        409: problemResponse("培训已经举行"),
        ...commonProblems,
      },
    }),
    async (c) => {
      const input = { ...c.req.valid("param"), itemLink: portalItemLink(c.req.url) };
      return c.json(await draftTrainingNotice(c.var.deps, c.var.principal, input), 200);
    },
  );
