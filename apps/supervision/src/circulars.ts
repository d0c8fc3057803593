import {
  assessmentView,
  buildCircular,
  type Circular,
  CreateItemInput,
  circularHtml,
  circularMarkdown,
  IndicatorLevel,
  type IndicatorSystem,
  type LevelRanking,
  levelNames,
  newItem,
  rankAssessments,
  sanitizeBody,
} from "@gov/domain";
import {
  type AppEnv,
  commonProblems,
  etagOf,
  idempotencyWrites,
  idempotent,
  jsonContent,
  newRouter,
  nowIso,
  requireRole,
  security,
  todayOf,
} from "@gov/http";
import { newId } from "@gov/store";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";

type C = Context<AppEnv>;
const Json = z.record(z.string(), z.unknown());
const Year = z.coerce.number().int().min(2000).max(2100).openapi({ example: 2019 });

/** The 监督保障 column of the catalogue: where the seed's own rectification report is published. */
const circularColumn = "supervision";

/** Rankings of a year, per level (or one level): assessments, their sheets, unit names and tasks, all by index. */
async function rankings(c: C, year: number, level?: IndicatorLevel) {
  const { store } = c.var.deps;
  const [assessments, units, tasks] = await Promise.all([
    store.assessments.listOfYear(year, level),
    store.units.list(),
    store.rectificationTasks.ofYear(year),
  ]);
  const systems = new Map<string, IndicatorSystem>();
  for (const id of new Set(assessments.map((a) => a.indicatorSystemId))) {
    const system = await store.indicatorSystems.get(id);
    if (system) systems.set(id, system);
  }
  const names = new Map(units.map((u) => [u.code, u.name]));
  const today = todayOf(c);
  const levels: LevelRanking[] = (level ? [level] : IndicatorLevel.options).map((l) => {
    const views = assessments
      .filter((a) => a.level === l && systems.has(a.indicatorSystemId))
      .map((a) => assessmentView(a, systems.get(a.indicatorSystemId) as IndicatorSystem));
    return { level: l, rows: rankAssessments(views, names, tasks, today) };
  });
  return { levels, tasks, names };
}

async function circularOf(c: C, year: number): Promise<Circular> {
  const { levels, tasks, names } = await rankings(c, year);
  const issuer =
    (await c.var.deps.store.units.get(c.var.principal.unitCode))?.name ?? c.var.principal.unitCode;
  return buildCircular({ year, issuer, issuedOn: todayOf(c), levels, tasks, unitNames: names });
}

export const circularRoutes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/rankings",
      summary: "考评排名（按年度、层级；含整改任务逾期与退回情况）",
      security,
      middleware: [requireRole("office")] as const,
      request: { query: z.object({ year: Year, level: IndicatorLevel.optional() }) },
      responses: { 200: { description: "各层级排名", ...jsonContent(Json) }, ...commonProblems },
    }),
    async (c) => {
      const { year, level } = c.req.valid("query");
      const { levels } = await rankings(c, year, level);
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
        params: z.object({ year: Year }),
        query: z.object({ format: z.enum(["json", "md", "html"]).default("json") }),
      },
      responses: {
        200: {
          description: "通报",
          content: {
            "application/json": { schema: Json },
            "text/markdown": { schema: z.string() },
            "text/html": { schema: z.string() },
          },
        },
        ...commonProblems,
      },
    }),
    async (c) => {
      const circular = await circularOf(c, c.req.valid("param").year);
      const format = c.req.valid("query").format;
      if (format === "md") {
        return c.body(circularMarkdown(circular), 200, { "content-type": "text/markdown; charset=utf-8" });
      }
      if (format === "html") {
        const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${circular.title}</title></head><body>${circularHtml(circular)}</body></html>`;
        return c.html(page, 200);
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
      request: { params: z.object({ year: Year }) },
      responses: { 201: { description: "通报草稿及后续步骤", ...jsonContent(Json) }, ...commonProblems },
    }),
    async (c) => {
      const circular = await circularOf(c, c.req.valid("param").year);
      const principal = c.var.principal;
      const content = CreateItemInput.parse({
        kind: "general",
        title: circular.title,
        columnId: circularColumn,
        body: sanitizeBody(circularHtml(circular)),
        generatedOn: circular.issuedOn,
        category: "监督保障",
        keywords: ["考评", "通报", "整改"],
        summary: `${circular.year}年度考评${circular.summary.assessed}个单位，下达整改任务${circular.summary.tasks}项。`,
      });
      const item = newItem(content, principal.unitCode, newId("item"), nowIso(c));
      const body = {
        item,
        next: {
          submit: `/publish/v1/items/${item.id}/submit`,
          approve: `/publish/v1/items/${item.id}/approve`,
        },
      };
      const headers = { ETag: etagOf(item.version), Location: `/publish/v1/items/${item.id}` };
      await c.var.deps.store.items.create(
        item,
        {
          entityType: "item",
          entityId: item.id,
          action: "create",
          version: item.version,
          actorUnitCode: principal.unitCode,
          actorKeyId: principal.keyId,
          at: item.updatedAt,
          state: item.state,
          note: `${circular.year}年度考评通报`,
        },
        idempotencyWrites(c, { status: 201, body, headers }),
      );
      for (const [name, value] of Object.entries(headers)) c.header(name, value);
      return c.json(body, 201);
    },
  );
