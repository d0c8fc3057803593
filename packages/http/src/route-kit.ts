import { type IdKind, idPrefixes } from "@gov/domain";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { TypedResponse } from "hono/types";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { JSONParsed } from "hono/utils/types";
import { etagOf } from "./version.ts";

/**
 * The pieces every app's routes repeat: one paging query, one paged answer, one `{id}`
 * parameter, one versioned answer. A route that declares them here cannot drift from the
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

/** Long enough for every prefix and its ULID; the pattern is checked by the store's not-found. */
const idMaxLength = 40;

/** The `{id}` path parameter of a resource of `kind`, documented with a well-formed id of that kind. */
export const idParam = (kind: IdKind) =>
  z.object({
    id: z
      .string()
      .max(idMaxLength)
      .openapi({ example: `${idPrefixes[kind]}_01JD6Q3Z5K8X9V2M4N7P0R1S3T` }),
  });

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
