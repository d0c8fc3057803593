import { acknowledgeNotice, issueNotice, listNotices, noticeDetail, receiptsOf } from "@gov/core";
import { AcknowledgeInput, IssueNoticeInput, NoticeView, ReceiptsOverview } from "@gov/domain";
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
  versioned,
} from "@gov/http";
import { createRoute } from "@hono/zod-openapi";
import { examples } from "./examples.ts";

/**
 * Notices and their receipts. The office issues and reads every receipt; a unit reads the
 * notices sent to it and acknowledges them with its own key. A notice not sent to a unit is
 * 404 to that unit, as if it did not exist.
 */
const Notice = named(NoticeView, "Notice");
const IdParam = idParam("notice");

export const noticeRoutes = newRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/notices",
      summary: "发布通知（培训、考评、督办、通报）",
      description:
        "targets.scope：units（须列出unitCodes）、departments（市政府各部门）、townships（各乡镇、街道）或all；发布当日确定通知对象。" +
        "receipt：required为true时给出workingDays（自发布次日起按节假日安排计算的工作日数）或dueOn（截止日期）之一。" +
        "正文为Markdown，不超过64KB。支持Idempotency-Key。",
      security,
      middleware: [requireRole("office"), idempotent] as const,
      request: { body: { required: true, ...jsonContent(IssueNoticeInput, examples.issue) } },
      responses: {
        201: { description: "已发布", ...jsonContent(Notice) },
        ...commonProblems,
        422: problemResponse("Idempotency-Key已用于不同的请求"),
      },
    }),
    (c) =>
      created(
        c,
        (alsoWrite) => issueNotice(c.var.deps, c.var.principal, c.req.valid("json"), { alsoWrite }),
        (notice) => ({
          body: notice,
          headers: { ETag: etagOf(notice.version), Location: `/notices/v1/notices/${notice.id}` },
        }),
      ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/notices",
      summary: "通知列表（新发布的在前；政务公开办看全部，各单位看发给本单位的及本单位回执）",
      security,
      request: { query: PageQuery },
      responses: { 200: { description: "列表", ...jsonContent(pageOf(Notice)) }, ...commonProblems },
    }),
    async (c) => c.json(await listNotices(c.var.deps, c.var.principal, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/notices/{id}",
      summary: "通知详情（含回执期限；通知对象单位另含本单位回执）",
      security,
      request: { params: IdParam },
      responses: { 200: { description: "通知", ...jsonContent(Notice) }, ...commonProblems },
    }),
    async (c) => versioned(c, await noticeDetail(c.var.deps, c.var.principal, c.req.valid("param"))),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/notices/{id}/ack",
      summary: "回执（通知对象单位以本单位密钥确认收到，可附说明和联系人）",
      description: "重复回执无副作用：以第一次回执的时间、说明和联系人为准。非通知对象单位得到404。",
      security,
      request: {
        params: IdParam,
        body: { required: false, ...jsonContent(AcknowledgeInput, examples.acknowledge) },
      },
      responses: {
        200: { description: "通知及本单位回执", ...jsonContent(Notice) },
        412: problemResponse("回执正被同时修改"),
        ...commonProblems,
      },
    }),
    async (c) => {
      const input = { ...c.req.valid("json"), ...c.req.valid("param") };
      return c.json(await acknowledgeNotice(c.var.deps, c.var.principal, input), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/notices/{id}/receipts",
      summary: "回执情况（已回执、待回执、逾期）",
      description:
        "逾期：截止日之后才回执，或截止日已过仍未回执。期限跨入尚未载入节假日安排的年份时为暂定（provisional）。",
      security,
      middleware: [requireRole("office")] as const,
      request: { params: IdParam },
      responses: {
        200: { description: "各单位回执", ...jsonContent(named(ReceiptsOverview, "NoticeReceipts")) },
        ...commonProblems,
      },
    }),
    async (c) => c.json(await receiptsOf(c.var.deps, c.var.principal, c.req.valid("param")), 200),
  );
