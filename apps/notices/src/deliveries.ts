import { deliveriesOfNotice, listDeliveries, retryDelivery } from "@gov/core";
import { Delivery, DeliveryStatus, idPrefixes, NoticeId } from "@gov/domain";
import {
  commonProblems,
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
import { createRoute, z } from "@hono/zod-openapi";

/**
 * Where each notice stands on each unit's channels, for the office: every attempt's count,
 * the last error and the times, so a failure is never silent; a dead delivery can be sent again.
 */
const DeliveryRecord = named(Delivery, "Delivery");

const DeliveryQuery = PageQuery.extend({
  status: DeliveryStatus.optional().openapi({
    description: "pending（待发送或重试中）、sent（已送达）、dead（已放弃）",
  }),
  noticeId: NoticeId.max(idPrefixes.notice.length + 27)
    .optional()
    .openapi({ example: "ntc_01JD6Q3Z5K8X9V2M4N7P0R1S3T" }),
  unitCode: unitCodeSegment.optional().openapi({ example: "000014351" }),
});

export const deliveryRoutes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/deliveries",
      summary: "送达记录（可按状态、通知、单位筛选；分页）",
      security,
      middleware: [requireRole("office")] as const,
      request: { query: DeliveryQuery },
      responses: { 200: { description: "列表", ...jsonContent(pageOf(DeliveryRecord)) }, ...commonProblems },
    }),
    async (c) => c.json(await listDeliveries(c.var.deps, c.var.principal, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/notices/{id}/deliveries",
      summary: "一份通知的全部送达记录（按单位、渠道）",
      security,
      middleware: [requireRole("office")] as const,
      request: { params: idParam("notice") },
      responses: {
        200: { description: "送达记录", ...jsonContent(z.object({ items: z.array(DeliveryRecord) })) },
        ...commonProblems,
      },
    }),
    async (c) =>
      c.json({ items: await deliveriesOfNotice(c.var.deps, c.var.principal, c.req.valid("param")) }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/deliveries/{id}/retry",
      summary: "重发已放弃（dead）的送达记录：置为待发送并立即到期，尝试次数重新计算",
      security,
      middleware: [requireRole("office")] as const,
      request: { params: idParam("delivery") },
      responses: {
        200: { description: "已重新排队", ...jsonContent(DeliveryRecord) },
        ...commonProblems,
        409: problemResponse("只有dead状态的送达记录可以重发"),
      },
    }),
    async (c) => c.json(await retryDelivery(c.var.deps, c.var.principal, c.req.valid("param")), 200),
  );
