import { circularOfYear, draftCircular, rankYear } from "@gov/core";
import {
  CircularPublicationInput,
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
  etagOf,
  idempotencyWrites,
  idempotent,
  jsonContent,
  named,
  newRouter,
  problemResponse,
  requireRole,
  security,
  yearParam,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";

const Year = z.coerce.number().int().min(2000).max(2100).openapi({ example: 2019 });

const Publication = z.object({
  item: named(Item, "Item"),
  next: z.object({ submit: z.string(), approve: z.string() }),
});

/** The draft and the workflow steps that publish it. */
const publication = (item: Item) => ({
  body: {
    item,
    next: { submit: `/publish/v1/items/${item.id}/submit`, approve: `/publish/v1/items/${item.id}/approve` },
  },
  headers: { ETag: etagOf(item.version), Location: `/publish/v1/items/${item.id}` },
});

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
        query: z.object({
          format: z.enum(["json", "md", "html"]).default("json"),
          level: IndicatorLevel.optional().openapi({ description: "只通报该层级；不填为全部层级" }),
        }),
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
      const { format, level } = c.req.valid("query");
      const circular = await circularOfYear(c.var.deps, c.var.principal, { ...c.req.valid("param"), level });
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
        "在市政务公开办名下创建草稿，栏目为监督保障；随后按发布流程 POST /publish/v1/items/{id}/submit 与 /approve 发布。每个年度、层级（不填为全部层级）只起草一份：再次请求返回已有草稿（200）；已发布的返回409，更正请修订该信息；已撤回的可重新起草。支持Idempotency-Key。",
      security,
      middleware: [requireRole("office"), idempotent] as const,
      request: {
        params: yearParam(),
        body: { required: false, ...jsonContent(CircularPublicationInput, { level: "department" }) },
      },
      responses: {
        200: { description: "该年度、层级已有的通报草稿", ...jsonContent(Publication) },
        201: { description: "通报草稿及后续步骤", ...jsonContent(Publication) },
        ...commonProblems,
        409: problemResponse("该年度、层级的通报已发布"),
      },
    }),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      const { item, created } = await draftCircular(c.var.deps, c.var.principal, input, {
        alsoWrite: (draft) => idempotencyWrites(c, { status: 201, ...publication(draft) }),
      });
      const { body, headers } = publication(item);
      for (const [name, value] of Object.entries(headers)) c.header(name, value);
      return created ? c.json(body, 201) : c.json(body, 200);
    },
  );
