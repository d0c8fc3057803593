import { createIndicatorSystem, getIndicatorSystem, listIndicatorSystems } from "@gov/core";
import {
  CreateIndicatorSystemInput,
  IndicatorLevel,
  IndicatorSystem,
  ruleCatalogue,
  ScoringRule,
} from "@gov/domain";
import {
  commonProblems,
  created,
  etagOf,
  idempotent,
  idParam,
  jsonContent,
  named,
  newRouter,
  requireRole,
  security,
  versioned,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";
import { examples } from "./examples.ts";

const System = named(IndicatorSystem, "IndicatorSystem");
const Year = z.coerce.number().int().min(2000).max(2100);

export const indicatorSystemRoutes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/scoring-rules",
      summary: "可用的自动评分规则",
      description: "指标体系的指标可引用这些规则的id，并按各规则的参数说明设置参数。",
      security,
      middleware: [requireRole("assessor")] as const,
      responses: {
        200: {
          description: "规则目录",
          ...jsonContent(z.object({ items: z.array(named(ScoringRule, "ScoringRule")) })),
        },
        ...commonProblems,
      },
    }),
    (c) => c.json({ items: ruleCatalogue() }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/indicator-systems",
      summary: "新建考评指标体系（按年度、层级）",
      description:
        "层级：city（市本级）、department（市政府各部门）、township（乡镇街道）。指标可附自动评分规则及参数（deductionPerRecord为每条扣分）。支持Idempotency-Key。",
      security,
      middleware: [requireRole("office"), idempotent] as const,
      request: { body: { required: true, ...jsonContent(CreateIndicatorSystemInput, examples.system) } },
      responses: {
        201: { description: "已创建", ...jsonContent(System) },
        ...commonProblems,
      },
    }),
    (c) =>
      created(
        c,
        (alsoWrite) => createIndicatorSystem(c.var.deps, c.var.principal, c.req.valid("json"), { alsoWrite }),
        (system) => ({
          body: system,
          headers: {
            ETag: etagOf(system.version),
            Location: `/supervision/v1/indicator-systems/${system.id}`,
          },
        }),
      ),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/indicator-systems",
      summary: "指标体系列表（可按年度、层级筛选）",
      security,
      middleware: [requireRole("assessor")] as const,
      request: { query: z.object({ year: Year.optional(), level: IndicatorLevel.optional() }) },
      responses: {
        200: {
          description: "列表",
          ...jsonContent(z.object({ items: z.array(System), nextCursor: z.null() })),
        },
        ...commonProblems,
      },
    }),
    async (c) => {
      const items = await listIndicatorSystems(c.var.deps, c.var.principal, c.req.valid("query"));
      return c.json({ items, nextCursor: null }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/indicator-systems/{id}",
      summary: "指标体系详情",
      security,
      middleware: [requireRole("assessor")] as const,
      request: { params: idParam("indicatorSystem") },
      responses: { 200: { description: "指标体系", ...jsonContent(System) }, ...commonProblems },
    }),
    async (c) => {
      const system = await getIndicatorSystem(c.var.deps, c.var.principal, c.req.valid("param"));
      return versioned(c, system);
    },
  );
