import {
  CountedColumnNode,
  columns,
  countedColumnTree,
  fail,
  findColumn,
  type Item,
  ItemKind,
  looksLikeIndexNumber,
  PublicItemDetail,
  PublicListEntry,
  publicItemDetail,
  Tombstone,
  tombstone,
  UnitCode,
  Validity,
} from "@gov/domain";
import {
  indexNumberOrIdParam,
  jsonContent,
  named,
  newRouter,
  PageQuery,
  pageOf,
  problemResponse,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";
import { etagOfAnswer } from "./http-behaviour.ts";

/** A tree that refers to itself shows in the document only by name, so `children` points at the named copy. */
const CountedColumn: z.ZodType<CountedColumnNode> = CountedColumnNode.extend({
  get children() {
    return z.array(CountedColumn);
  },
}).openapi("CountedColumn");

/** The list filters, shared by lists, search and exports. */
export const ListFilter = z.object({
  column: z.string().min(1).max(64).optional().openapi({ example: "normative-documents" }),
  unit: UnitCode.optional().openapi({ example: "000014349" }),
  year: z.coerce.number().int().min(2000).max(2100).optional().openapi({ example: 2019 }),
  category: z.string().min(1).max(50).optional().openapi({ example: "综合政务" }),
  kind: ItemKind.optional(),
  validity: Validity.optional(),
  ...PageQuery.shape,
});

export const publicItemRoutes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/columns",
      summary: "栏目目录（树，含各栏目已公开信息数）",
      responses: {
        200: { description: "栏目树", ...jsonContent(z.object({ columns: z.array(CountedColumn) })) },
      },
    }),
    async (c) => {
      const counts = await c.var.deps.store.items.countPublishedByColumn(columns.map((col) => col.id));
      return c.json({ columns: countedColumnTree(counts) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/items",
      summary: "已公开的信息列表（最新在前，游标分页，可按栏目、单位、年份、分类、类型、有效性筛选）",
      description: "带q参数时转到全文检索（307，参数不变）。",
      request: {
        query: ListFilter.extend({ q: z.string().max(100).optional().openapi({ example: "社会救助" }) }),
      },
      responses: {
        200: { description: "列表", ...jsonContent(pageOf(named(PublicListEntry, "PublicListEntry"))) },
        307: { description: "含q时转到 /v1/search（同样的参数）" },
        400: problemResponse("参数有误"),
      },
    }),
    async (c) => {
      // The contract lists q among the list filters; ranking by text is what search does.
      if (c.req.query("q") !== undefined) return c.redirect(`search?${new URL(c.req.url).searchParams}`, 307);
      const { limit, cursor, q: _q, ...filter } = c.req.valid("query");
      if (filter.column && !findColumn(filter.column)) {
        fail("validation", "栏目不存在", [{ path: "column", message: "栏目不存在" }]);
      }
      const page = await c.var.deps.store.items.listPublishedEntries(filter, { limit, cursor });
      const answer = { items: page.items, nextCursor: page.nextCursor };
      c.header("ETag", etagOfAnswer(answer));
      return c.json(answer, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/items/{indexNumberOrId}",
      summary: "信息详情（按索引号或标识）",
      description: "索引号中的“/”须编码为%2F，例如 000014349%2F2020-0000001。",
      request: { params: indexNumberOrIdParam },
      responses: {
        200: {
          description: "信息（含关联：解读、相关文件、修改或废止它的文件）",
          ...jsonContent(named(PublicItemDetail, "PublicItem")),
        },
        404: problemResponse("不存在"),
        410: {
          description: "已撤回：标题、索引号、撤回理由与日期",
          ...jsonContent(named(Tombstone, "Tombstone")),
        },
      },
    }),
    async (c) => {
      const key = c.req.valid("param").indexNumberOrId;
      const { items } = c.var.deps.store;
      // One read either way: by 索引号 its links are filed beside it on the same index (ADR 0057).
      const found = looksLikeIndexNumber(key)
        ? await items.getWithLinksByIndexNumber(key)
        : await items.getWithLinks(key);
      const item: Item | undefined = found?.item;
      // Withdrawn items answer 410 with a tombstone: what was public is never silently lost.
      if (item?.state === "withdrawn") return c.json(tombstone(item), 410);
      if (item?.state !== "published" || !found) return fail("not-found", "信息不存在或尚未公开");
      const answer = publicItemDetail(item, found.links);
      c.header("ETag", etagOfAnswer(answer));
      return c.json(answer, 200);
    },
  );
