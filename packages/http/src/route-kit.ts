import {
  ColumnId,
  fail,
  fieldIssues,
  type IdKind,
  idPattern,
  idPrefixes,
  type TrackingKind,
  trackingCodeLength,
  trackingCodePattern,
  UnitCode,
} from "@gov/domain";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { TypedResponse } from "hono/types";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { JSONParsed } from "hono/utils/types";
import { etagOf } from "./version.ts";

/**
 * The pieces every app's routes repeat: one paging query, one paged answer, the path
 * parameters, one versioned answer. A route that declares them here cannot drift from the
 * others in its limits or its shape.
 */

/** Cursor paging with the store's opaque cursors; a page is capped so one request costs a bounded read. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2000).optional(),
});

/** `?overdue=true` on a list of things with deadlines: only those past due and not done. */
export const OverdueFlag = z
  .enum(["true", "false"])
  .transform((v) => v === "true")
  .optional()
  .openapi({ description: "true：只列逾期未办结的" });

/** A page of `item`: `nextCursor` is null on the last page. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/**
 * Path parameters, one schema per kind of thing a path names, each with the exact shape and
 * length of what it names: a malformed or over-long value is a 400 naming the parameter
 * before anything is read (DynamoDB answers a key over 2,048 bytes with a 500; ADR 0040).
 * A route declares its parameters from here, so the documented pattern is the checked one.
 */
const segment = (maxLength: number, pattern: RegExp, message: string) =>
  z.string().max(maxLength, `不能超过${maxLength}个字符`).regex(pattern, message);

/** The `{id}` path parameter of a resource of `kind`: its prefix and a ULID, documented with an example. */
export const idParam = (kind: IdKind) =>
  z.object({
    id: segment(idPrefixes[kind].length + 27, idPattern(kind), `须为${idPrefixes[kind]}_开头的标识`).openapi({
      example: `${idPrefixes[kind]}_01JD6Q3Z5K8X9V2M4N7P0R1S3T`,
    }),
  });

/** A `{year}` of four digits within the years the route serves (by default the platform's records'), as a number. */
export const yearParam = (range = { min: 2000, max: 2100 }) =>
  z.object({
    year: segment(4, /^\d{4}$/, "年份须为4位数字")
      .transform(Number)
      .pipe(z.number().int().min(range.min).max(range.max))
      .openapi({ example: "2019", description: `${range.min}至${range.max}年` }),
  });

/** A citizen's `{trackingCode}` of the kind the route serves (依申请公开 YSQ, 市长信箱 XX). */
export const trackingCodeParam = (kind: TrackingKind) =>
  z.object({
    trackingCode: segment(
      kind.length + 5 + trackingCodeLength,
      trackingCodePattern(kind),
      "查询码格式不正确",
    ).openapi({
      example: `${kind}2026-7K3M9QX2AB`,
    }),
  });

/**
 * An item's `{indexNumberOrId}`: its id, or an 索引号 of the configured format, which ends in
 * `<year>-<sequence>` (what the route tells them apart by) and holds no space or control character.
 */
export const indexNumberOrIdParam = z.object({
  indexNumberOrId: segment(
    100,
    new RegExp(`${idPattern("item").source}|^[^\\x00-\\x20\\x7f]{1,80}\\d{4}-\\d{1,10}$`),
    "须为信息标识或索引号",
  ).openapi({ example: "000014349/2020-0000001" }),
});

/** A unit code and a column id, for segments the router cannot validate (see `suffixedParam`). */
export const unitCodeSegment = UnitCode.max(20);

/** A `{unitCode}` path parameter: the unit code's shape, 20 characters at most. */
export const unitCodeParam = z.object({ unitCode: unitCodeSegment.openapi({ example: "000014351" }) });
export const columnIdSegment = ColumnId;

/**
 * A parameter followed by a fixed suffix in its segment (`/feeds/{columnId}.atom`). The router
 * takes a parameter to the end of its segment (`:columnId.atom` is one name), so it cannot
 * validate it: `read` strips the suffix (none is a 404) and checks the rest with `schema`,
 * failing as a validated parameter does; `parameter` documents the same schema.
 */
export function suffixedParam(
  name: string,
  schema: z.ZodString,
  suffix: string,
  doc: { description: string; example: string },
) {
  const { maxLength, pattern } = z.toJSONSchema(schema) as { maxLength: number; pattern: string };
  return {
    parameter: {
      name,
      in: "path" as const,
      required: true,
      description: doc.description,
      schema: { type: "string" as const, maxLength, pattern },
      example: doc.example,
    },
    read(c: Context): string {
      const params = c.req.param() as Record<string, string | undefined>;
      const raw = params[name] ?? params[`${name}${suffix}`] ?? "";
      if (!raw.endsWith(suffix)) return fail("not-found", `地址须以${suffix}结尾`);
      const parsed = schema.safeParse(raw.slice(0, -suffix.length));
      if (!parsed.success)
        return fail("validation", "请求内容不符合要求", fieldIssues(parsed.error, `param.${name}`));
      return parsed.data;
    },
  };
}

type Answer<T, S extends ContentfulStatusCode> = Response & TypedResponse<JSONParsed<T>, S, "json">;

/**
 * A versioned record as the answer, with its version as the ETag the next If-Match sends back
 * (ADR 0004). Without a status it is a 200: an overload, because a defaulted type parameter
 * would be inferred from a route's whole set of statuses and no longer match its 200.
 */
export function versioned<T extends { version: number }>(c: Context, record: T): Answer<T, 200>;
export function versioned<T extends { version: number }, S extends ContentfulStatusCode>(
  c: Context,
  record: T,
  status: S,
): Answer<T, S>;
export function versioned(c: Context, record: { version: number }, status: ContentfulStatusCode = 200) {
  c.header("ETag", etagOf(record.version));
  return c.json(record, status);
}
