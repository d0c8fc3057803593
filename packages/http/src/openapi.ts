import { z } from "@hono/zod-openapi";

/**
 * Shared pieces of route declarations. Domain schemas are plain zod (no `.openapi()`), so
 * examples are attached to the media type.
 */
export const jsonContent = <T extends z.ZodType>(schema: T, example?: unknown) => ({
  content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } },
});

/**
 * A domain schema under its name among the document's components. A schema built before
 * @hono/zod-openapi loaded has no `.openapi` of its own (zod gives each schema its methods
 * when it is made), so the name goes on a copy made now.
 */
export const named = <T extends z.ZodType>(schema: T, name: string): T => schema.clone().openapi(name);

const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

export const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});

/** The failures every authenticated route can answer. */
export const commonProblems = {
  400: problemResponse("请求参数有误（errors列出字段路径）"),
  401: problemResponse("缺少或无效的API密钥"),
  403: problemResponse("角色无权执行此操作"),
  404: problemResponse("信息不存在（或属于其他单位）"),
};

/** What every versioned update can answer besides: a state that forbids it, a stale If-Match. */
export const updateProblems = {
  ...commonProblems,
  409: problemResponse("当前状态不允许此操作"),
  412: problemResponse("If-Match版本已过期"),
};

export const security = [{ apiKey: [] }];

/** The precondition header of every update (ADR 0004): the version the client last read. */
export const IfMatchHeader = z.object({
  "if-match": z.string().optional().openapi({ example: '"3"', description: "上次读取时的版本（ETag）" }),
});
