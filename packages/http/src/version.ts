import { fail } from "@gov/domain";
import type { Context } from "hono";

/** `ETag: "<version>"` on every mutable resource. */
export const etagOf = (version: number) => `"${version}"`;

/** The version an update expects, from If-Match: missing is 428, unreadable is 400. */
export function expectedVersion(c: Context): number {
  const header = c.req.header("if-match");
  if (!header) return fail("precondition-required", "修改须携带If-Match请求头（资源的ETag）");
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match)
    return fail("validation", "If-Match格式不正确", [{ path: "If-Match", message: '应为"<版本号>"' }]);
  return Number(match[1]);
}

/** If-Match when the client sent one: updates that allow a blind write take it as optional. */
export const sentVersion = (c: Context): number | undefined =>
  c.req.header("if-match") === undefined ? undefined : expectedVersion(c);
