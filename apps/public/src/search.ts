import { fail, findColumn, searchHighlights } from "@gov/domain";
import { jsonContent, newRouter, pageOf, problemResponse } from "@gov/http";
import type { PostingCache } from "@gov/store";
import { createRoute, z } from "@hono/zod-openapi";
import { ListFilter } from "./items.ts";

// The list filters, as on GET /items, plus the query itself.
export const SearchParams = ListFilter.extend({
  q: z
    .string()
    .trim()
    .min(1, "请输入检索词")
    .max(100, "检索词不能超过100个字符")
    .openapi({ example: "共府办发〔2019〕82号" }),
});

const SearchHit = z.object({
  id: z.string(),
  title: z.string(),
  indexNumber: z.string().nullable(),
  docNumber: z.string().nullable(),
  unitCode: z.string(),
  columnId: z.string(),
  kind: z.string(),
  category: z.string(),
  validity: z.string().nullable(),
  publishedAt: z.string().nullable(),
  firstPublishedAt: z.string().nullable(),
  score: z.number(),
  /** HTML: the text escaped, matched terms in <em>. */
  highlights: z.object({ title: z.string(), docNumber: z.string().nullable(), body: z.string() }),
});

const example = {
  items: [
    {
      id: "itm_01JNQ8Z7T7S7K2VQ4C8Y3M5H6D",
      title: "共青城市人民政府办公室关于印发共青城市农村生活垃圾治理办法的通知",
      indexNumber: "000014349/2019-0000082",
      docNumber: "共府办发〔2019〕82号",
      unitCode: "000014349",
      columnId: "normative-documents",
      kind: "normative",
      category: "城乡建设、环境保护",
      validity: "effective",
      publishedAt: "2019-08-12T02:00:00.000Z",
      firstPublishedAt: "2019-08-12T02:00:00.000Z",
      score: 1012.5,
      highlights: {
        title: "共青城市人民政府办公室关于印发共青城市农村<em>生活垃圾</em>治理办法的通知",
        docNumber: "<em>共府办发〔2019〕82号</em>",
        body: "…第三条 农村<em>生活垃圾</em>实行分类投放、分类收集…",
      },
    },
  ],
  total: 1,
  nextCursor: null,
};

/** The search route; `postings` is the instance's posting cache, when the app keeps answers (ADR 0056). */
export const searchRoutes = (postings?: PostingCache) =>
  newRouter().openapi(
    createRoute({
      method: "get",
      path: "/search",
      summary: "全文检索（中文分词，按相关度排序，文号精确匹配优先，结果含高亮摘要）",
      description:
        "检索已公开的信息。文号可用任意括号书写：〔2019〕、[2019]、(2019)、（2019）、【2019】或不加括号。" +
        "筛选条件与信息列表相同；游标分页，游标只对同一检索词和筛选条件有效。",
      request: { query: SearchParams },
      responses: {
        200: {
          description: "按相关度排序的一页结果；highlights 为已转义的HTML，命中词以<em>标出",
          ...jsonContent(pageOf(SearchHit).extend({ total: z.number().int() }), example),
        },
        400: problemResponse("参数有误或游标无效"),
      },
    }),
    async (c) => {
      const { q, limit, cursor, ...filter } = c.req.valid("query");
      if (filter.column && !findColumn(filter.column)) {
        fail("validation", "栏目不存在", [{ path: "column", message: "栏目不存在" }]);
      }
      const page = await c.var.deps.store.search.find({ q, filter, limit, cursor }, postings);
      const items = page.hits.map(({ item, score }) => ({
        id: item.id,
        title: item.title,
        indexNumber: item.indexNumber,
        docNumber: item.docNumber ?? null,
        unitCode: item.unitCode,
        columnId: item.columnId,
        kind: item.kind,
        category: item.category,
        validity: item.validity ?? null,
        publishedAt: item.publishedAt,
        firstPublishedAt: item.firstPublishedAt,
        score,
        highlights: searchHighlights(item, page.query),
      }));
      return c.json({ items, total: page.total, nextCursor: page.nextCursor }, 200);
    },
  );
