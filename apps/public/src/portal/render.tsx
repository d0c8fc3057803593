/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { DomainError, type FieldIssue, fieldIssues } from "@gov/domain";
import { type AppEnv, pageSecurityPolicy, statusOf } from "@gov/http";
import type { Context } from "hono";
import { html } from "hono/html";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { publicCacheControl } from "../http-behaviour.ts";
import { Layout, type PageMeta } from "./layout.tsx";
import { absolute, portalBase } from "./paths.ts";

export type C = Context<AppEnv>;

/** What a page says about itself; the address parts come from the request. */
export type PageHead = Omit<PageMeta, "canonical" | "here"> & {
  /** The path and the query parameters that make this page what it is (its canonical address). */
  canonicalPath: string;
};

/**
 * A page in the portal's frame under the pages' CSP. Published pages are cached as the JSON
 * answers are (ADR 0041); a page about one person (`personal`) never is.
 */
/** The page's HTML in the portal's frame. */
export async function pageHtml(c: C, head: PageHead, body: Child): Promise<string> {
  const url = new URL(c.req.url);
  const { canonicalPath, ...rest } = head;
  const meta: PageMeta = {
    ...rest,
    canonical: absolute(c.req.url, canonicalPath),
    here: `${url.pathname}${url.search}`,
  };
  return String(await html`<!doctype html>${<Layout {...meta}>{body}</Layout>}`);
}

/** The headers of every page: the pages' CSP, and the public cache only for what is the same for everyone. */
export function pageHeaders(c: C, status: number, personal = false): Record<string, string> {
  const cacheable = !personal && c.req.method === "GET" && [200, 404, 410].includes(status);
  return {
    "content-type": "text/html; charset=UTF-8",
    "content-security-policy": pageSecurityPolicy,
    "cache-control": cacheable ? publicCacheControl : "no-store",
  };
}

/**
 * A page in the portal's frame under the pages' CSP. Published pages are cached as the JSON
 * answers are (ADR 0041); a page about one person (`personal`) never is.
 */
export async function page(
  c: C,
  head: PageHead,
  body: Child,
  options: { status?: ContentfulStatusCode; personal?: boolean } = {},
) {
  const status = options.status ?? 200;
  for (const [name, value] of Object.entries(pageHeaders(c, status, options.personal))) c.header(name, value);
  return c.html(await pageHtml(c, head, body), status);
}

/** A failure as a page: its status and message in the frame, never a stack trace. */
export function errorPage(c: C, error: unknown) {
  if (!(error instanceof DomainError)) throw error;
  const status = statusOf[error.kind];
  return page(
    c,
    { title: error.message, canonicalPath: new URL(c.req.url).pathname, description: error.message },
    <>
      <h1>{error.message}</h1>
      {error.issues.length > 0 && (
        <ul class="error-summary">
          {error.issues.map((issue) => (
            <li>
              {issue.path}：{issue.message}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={portalBase}>返回首页</a>
      </p>
    </>,
    { status, personal: c.req.method !== "GET" },
  );
}

/**
 * The field issues of a failed parse, by field, as forms show them beside each field; an item
 * of a list (`otherUnitCodes.1`) is shown at its list, which a form presents as one group.
 */
export function errorsByField(issues: FieldIssue[]): Record<string, string> {
  return Object.fromEntries(issues.map((i) => [i.path.replace(/\.\d+$/, ""), i.message]));
}

/** A form's or query's values parsed by the route's schema: the value, or the issues by field. */
export function parsed<T extends z.ZodType>(
  schema: T,
  input: unknown,
): { ok: true; value: z.infer<T> } | { ok: false; errors: Record<string, string>; issues: FieldIssue[] } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues = fieldIssues(result.error);
  return { ok: false, errors: errorsByField(issues), issues };
}

/** Query values with the empty ones (a form's "全部") left out, as the filters expect. */
export function givenQuery(c: C): Record<string, string> {
  return Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ""));
}
