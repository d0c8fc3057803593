import { PublicChangeEntry } from "@gov/domain";
import { jsonContent, named, newRouter, problemResponse } from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";
import { etagOfAnswer, publicCacheControl } from "./http-behaviour.ts";

/** Entries are small (a catalogue line each): a mirror catches up a thousand at a time, five pages. */
const changesPageLimit = 200;

const ChangesQuery = z.object({
  since: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: "上一页返回的 nextCursor；不带则从第一条变更读起", example: "eyJhZnRlciI6NDJ9" }),
  limit: z.coerce.number().int().min(1).max(changesPageLimit).default(100),
});

const ChangesPage = z.object({
  items: z.array(named(PublicChangeEntry, "PublicChange")),
  nextCursor: z.string().openapi({ description: "下次从这里读起（没有新变更时与since相同），从不为null" }),
});

/**
 * A full page is a run of settled numbers whose records never change, so every cache may keep
 * it; the page at the end grows with the next change and is kept only as long as other public answers,
 * and dropped with them when a change is committed (ADR 0041, 0059).
 */
const fullPageCacheControl = "public, max-age=86400, s-maxage=86400, immutable";

export const changeRoutes = newRouter().openapi(
  createRoute({
    method: "get",
    path: "/changes",
    summary: "公开变更流（发布、修订、撤回、有效性变更、年度报告发布，按提交顺序，可续读）",
    description:
      "供上级平台、政策文件库和搜索引擎同步：每条变更按提交顺序编号，带 since 续读时不重复、不遗漏（并发发布时亦然）。" +
      "撤回的条目是撤回记录（标识、索引号、撤回理由与日期）。全文请按 itemId 读取 /v1/items/{id}。",
    request: { query: ChangesQuery },
    responses: {
      200: { description: "一页变更，旧者在前", ...jsonContent(ChangesPage) },
      400: problemResponse("游标或参数无效"),
    },
  }),
  async (c) => {
    const { since, limit } = c.req.valid("query");
    const { full, ...answer } = await c.var.deps.store.publicChanges.since(since, limit);
    c.header("ETag", etagOfAnswer(answer));
    c.header("Cache-Control", full ? fullPageCacheControl : publicCacheControl);
    return c.json(answer, 200);
  },
);
