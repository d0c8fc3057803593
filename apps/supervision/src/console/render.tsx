/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { DomainError } from "@gov/domain";
import { pageSecurityPolicy, statusOf } from "@gov/http";
import { html } from "hono/html";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { CC } from "./console-env.ts";
import { ConsoleLayout } from "./layout.tsx";
import { consoleBase } from "./paths.ts";

/**
 * A console page: in the console's frame, under the pages' CSP, and never stored by anyone
 * (every page is about the signed-in office or unit).
 */
export async function consolePage(
  c: CC,
  title: string,
  body: Child,
  options: { status?: ContentfulStatusCode; signedIn?: boolean } = {},
) {
  const url = new URL(c.req.url);
  const session = options.signedIn === false ? undefined : c.get("session");
  const layout = (
    <ConsoleLayout
      title={title}
      here={`${url.pathname}${url.search}`}
      csrfToken={c.var.csrfToken}
      session={session}
    >
      {body}
    </ConsoleLayout>
  );
  return c.html(String(await html`<!doctype html>${layout}`), options.status ?? 200, {
    "content-security-policy": pageSecurityPolicy,
    "cache-control": "no-store",
  });
}

/** A refusal or a failure the core names, as a page with its status; anything else is the frame's 500. */
export function consoleErrorPage(c: CC, error: unknown) {
  if (!(error instanceof DomainError)) throw error;
  return messagePage(c, statusOf[error.kind], error.message);
}

export function messagePage(c: CC, status: ContentfulStatusCode, message: string) {
  return consolePage(
    c,
    message,
    <>
      <h1>{message}</h1>
      <p>
        <a href={consoleBase}>返回控制台首页</a>
      </p>
    </>,
    { status },
  );
}
