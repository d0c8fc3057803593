import { circularOfYear, draftCircular, rankYear } from "@gov/core";
import {
  circularHtml,
  circularMarkdown,
  htmlPage,
  IndicatorLevel,
  Item,
  levelNames,
  Rankings,
  RenderedCircular,
} from "@gov/domain";
import {
  commonProblems,
  created,
  etagOf,
  idempotent,
  jsonContent,
  named,
  newRouter,
  requireRole,
  security,
  yearParam,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";

const Year = z.coerce.number().int().min(2000).max(2100).openapi({ example: 2019 });

export const circularRoutes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/rankings",
      summary: "考评排名（按年度、层级；含整改任务逾期与退回情况）",
      security,
      middleware: [requireRole("office")] as const,
      request: { query: z.object({ year: Year, level: IndicatorLevel.optional() }) },
      responses: {
        200: { description: "各层级排名", ...jsonContent(named(Rankings, "Rankings")) },
        ...commonProblems,
      },
    }),
    async (c) => {
      const { year, level } = c.req.valid("query");
      const { levels } = await rankYear(c.var.deps, c.var.principal, { year, level });
      return c.json(
        { year, levels: levels.map((l) => ({ level: l.level, name: levelNames[l.level], items: l.rows })) },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/circulars/{year}",
      summary: "生成年度考评通报（Markdown、HTML或JSON）",
      security,
      middleware: [requireRole("office")] as const,
      request: {
        params: yearParam(),
        query: z.object({ format: z.enum(["json", "md", "html"]).default("json") }),
      },
      responses: {
        200: {
          description: "通报",
          content: {
            "application/json": { schema: named(RenderedCircular, "Circular") },
            "text/markdown": { schema: z.string() },
            "text/html": { schema: z.string() },
          },
        },
        ...commonProblems,
      },
    }),
    async (c) => {
      const circular = await circularOfYear(c.var.deps, c.var.principal, c.req.valid("param"));
      const format = c.req.valid("query").format;
      if (format === "md") {
        return c.body(circularMarkdown(circular), 200, { "content-type": "text/markdown; charset=utf-8" });
      }
      if (format === "html") {
        return c.html(htmlPage(circular.title, circularHtml(circular)), 200);
      }
      return c.json({ ...circular, markdown: circularMarkdown(circular), html: circularHtml(circular) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/circulars/{year}/publication",
      summary: "将通报起草为“监督保障”栏目的公开信息（再经提交、保密审查后发布）",
      description:
        "在市政务公开办名下创建草稿，栏目为监督保障；随后按发布流程 POST /publish/v1/items/{id}/submit 与 /approve 发布。支持Idempotency-Key。",
      security,
      middleware: [requireRole("office"), idempotent] as const,
      request: { params: yearParam() },
      responses: {
        201: {
          description: "通报草稿及后续步骤",
          ...jsonContent(
            z.object({
              item: named(Item, "Item"),
              next: z.object({ submit: z.string(), approve: z.string() }),
            }),
          ),
        },
        ...commonProblems,
      },
    }),
    (c) =>
      created(
        c,
        (alsoWrite) => draftCircular(c.var.deps, c.var.principal, c.req.valid("param"), { alsoWrite }),
        (item) => ({
          body: {
            item,
            next: {
              submit: `/publish/v1/items/${item.id}/submit`,
              approve: `/publish/v1/items/${item.id}/approve`,
            },
          },
          headers: { ETag: etagOf(item.version), Location: `/publish/v1/items/${item.id}` },
        }),
      ),
  );
