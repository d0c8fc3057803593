import {
  ApproveInput,
  type AuditEntry,
  approveItem,
  assertApprovable,
  CreateItemInput,
  checkPlacement,
  editItem,
  formatIndexNumber,
  type Item,
  newItem,
  ReasonInput,
  rejectItem,
  shanghaiDate,
  submitItem,
  UpdateItemInput,
  yearOf,
} from "@gov/domain";
import {
  type AppEnv,
  checkVersion,
  etagOf,
  expectedVersion,
  idempotencyWrites,
  idempotent,
  newRouter,
  requireRole,
} from "@gov/http";
import { newId, type Principal, scopedItems } from "@gov/store";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";

const ItemView = z.record(z.string(), z.unknown()).openapi("Item");
const Problem = { content: { "application/problem+json": { schema: z.object({}).passthrough() } } };
// Domain schemas are plain zod (no `.openapi()`); examples go on the media type instead.
const json = <T extends z.ZodType>(schema: T, example?: unknown) => ({
  content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } },
});
const IdParam = z.object({ id: z.string().openapi({ example: "itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T" }) });
const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2000).optional(),
});
const security = [{ apiKey: [] }];
const errors = {
  400: { description: "请求参数有误", ...Problem },
  404: { description: "信息不存在", ...Problem },
};

function auditOf(item: Item, action: string, principal: Principal, note?: string): AuditEntry {
  return {
    entityType: "item",
    entityId: item.id,
    action,
    version: item.version,
    actorUnitCode: principal.unitCode,
    actorKeyId: principal.keyId,
    at: item.updatedAt,
    state: item.state,
    ...(note ? { note } : {}),
  };
}

const items = (c: Context<AppEnv>) => scopedItems(c.var.deps.store.items, c.var.principal);
const now = (c: Context<AppEnv>) => c.var.deps.clock().toISOString();

function respond(c: Context<AppEnv>, item: Item) {
  c.header("ETag", etagOf(item.version));
  return c.json(item, 200);
}

/** A state change: read (scoped), apply the domain rule, write with the version it read. */
async function transition(
  c: Context<AppEnv>,
  id: string,
  action: string,
  change: (item: Item) => Item | Promise<Item>,
  note?: string,
) {
  const current = await items(c).get(id);
  const ifMatch = c.req.header("if-match");
  if (ifMatch !== undefined) checkVersion(current.version, expectedVersion(c));
  const next = await change(current);
  await c.var.deps.store.items.update(next, current.version, auditOf(next, action, c.var.principal, note));
  return respond(c, next);
}

export const itemRoutes = newRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/items",
      summary: "起草信息（草稿）",
      security,
      middleware: [requireRole("editor"), idempotent] as const,
      request: {
        headers: z.object({ "idempotency-key": z.string().optional() }),
        body: {
          required: true,
          ...json(CreateItemInput, {
            kind: "general",
            title: "共青城市重大行政决策听证制度",
            columnId: "decision",
            body: "<p>为规范重大行政决策听证工作……</p>",
            generatedOn: "2019-04-10",
            docNumber: "共府办发〔2019〕12号",
          }),
        },
      },
      responses: { 201: { description: "已创建草稿", ...json(ItemView) }, ...errors },
    }),
    async (c) => {
      const fields = c.req.valid("json");
      checkPlacement(fields.kind, fields.columnId);
      const item = newItem(fields, c.var.principal.unitCode, newId("item"), now(c));
      const headers = { ETag: etagOf(item.version), Location: `/publish/v1/items/${item.id}` };
      await c.var.deps.store.items.create(
        item,
        auditOf(item, "create", c.var.principal),
        idempotencyWrites(c, { status: 201, body: item, headers }),
      );
      c.header("Location", headers.Location);
      c.header("ETag", headers.ETag);
      return c.json(item, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/items",
      summary: "本单位的信息列表（最新在前）",
      security,
      request: { query: ListQuery },
      responses: {
        200: {
          description: "列表",
          ...json(z.object({ items: z.array(ItemView), nextCursor: z.string().nullable() })),
        },
        ...errors,
      },
    }),
    async (c) => c.json(await items(c).list(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/items/{id}",
      summary: "信息详情",
      security,
      request: { params: IdParam },
      responses: { 200: { description: "信息", ...json(ItemView) }, ...errors },
    }),
    async (c) => respond(c, await items(c).get(c.req.valid("param").id)),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/items/{id}/history",
      summary: "信息的全部状态变更记录（审计日志）",
      security,
      request: { params: IdParam },
      responses: { 200: { description: "记录", ...json(z.object({ items: z.array(ItemView) })) }, ...errors },
    }),
    async (c) => {
      const item = await items(c).get(c.req.valid("param").id);
      return c.json({ items: await c.var.deps.store.items.history(item.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/items/{id}",
      summary: "修改草稿（须携带If-Match）",
      security,
      middleware: [requireRole("editor")] as const,
      request: {
        params: IdParam,
        headers: z.object({ "if-match": z.string().optional() }),
        body: { required: true, ...json(UpdateItemInput, { title: "修改后的标题" }) },
      },
      responses: {
        200: { description: "已修改", ...json(ItemView) },
        412: { description: "版本已过期", ...Problem },
        428: { description: "缺少If-Match", ...Problem },
        ...errors,
      },
    }),
    async (c) => {
      const expected = expectedVersion(c);
      const changes = c.req.valid("json");
      const current = await items(c).get(c.req.valid("param").id);
      checkVersion(current.version, expected);
      const next = editItem(current, changes, now(c));
      checkPlacement(next.kind, next.columnId);
      await c.var.deps.store.items.update(next, current.version, auditOf(next, "edit", c.var.principal));
      return respond(c, next);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/items/{id}/submit",
      summary: "提交审核",
      security,
      middleware: [requireRole("editor")] as const,
      request: { params: IdParam },
      responses: {
        200: { description: "已提交", ...json(ItemView) },
        409: { description: "状态不允许", ...Problem },
        ...errors,
      },
    }),
    (c) => transition(c, c.req.valid("param").id, "submit", (item) => submitItem(item, now(c))),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/items/{id}/reject",
      summary: "退回修改（附理由）",
      security,
      middleware: [requireRole("reviewer")] as const,
      request: {
        params: IdParam,
        body: { required: true, ...json(ReasonInput, { reason: "附件缺少盖章版本" }) },
      },
      responses: {
        200: { description: "已退回", ...json(ItemView) },
        409: { description: "状态不允许", ...Problem },
        ...errors,
      },
    }),
    (c) => {
      const { reason } = c.req.valid("json");
      return transition(
        c,
        c.req.valid("param").id,
        "reject",
        (item) => rejectItem(item, reason, now(c)),
        reason,
      );
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/items/{id}/approve",
      summary: "保密审查通过并发布（分配索引号）",
      description: "审核人须属于同一单位（或市政务公开办）。保密审查任何一项为true则拒绝发布。",
      security,
      middleware: [requireRole("reviewer")] as const,
      request: {
        params: IdParam,
        body: {
          required: true,
          ...json(ApproveInput, {
            review: {
              stateSecret: false,
              personalPrivacy: false,
              tradeSecret: false,
              otherSensitive: false,
            },
          }),
        },
      },
      responses: {
        200: { description: "已发布", ...json(ItemView) },
        409: { description: "状态不允许或审查未通过", ...Problem },
        ...errors,
      },
    }),
    (c) => {
      const { review, note } = c.req.valid("json");
      const principal = c.var.principal;
      return transition(c, c.req.valid("param").id, "approve", async (item) => {
        // Check the rules first so no sequence number is spent on an item that cannot publish.
        assertApprovable(item, review);
        const at = c.var.deps.clock();
        const year = yearOf(shanghaiDate(at));
        const indexNumber =
          item.indexNumber ??
          formatIndexNumber({
            unitCode: item.unitCode,
            year,
            sequence: await c.var.deps.store.items.nextIndexSequence(item.unitCode, year),
          });
        const record = {
          ...review,
          ...(note ? { note } : {}),
          reviewerUnitCode: principal.unitCode,
          reviewerKeyId: principal.keyId,
          reviewedAt: at.toISOString(),
        };
        return approveItem(item, record, indexNumber, at.toISOString());
      });
    },
  );
