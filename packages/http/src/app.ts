import { DomainError, fieldIssues } from "@gov/domain";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { z } from "zod";
import { apiReference } from "./api-reference.ts";
import type { AppEnv, Deps } from "./env.ts";
import { bodiless, bodyTooLarge, inputGuard } from "./input-guard.ts";
import { logError } from "./log.ts";
import { kindOfStatus, problem } from "./problem.ts";

// Validation messages reach citizens and department staff: Chinese.
z.config(z.locales.zhCN());

export type App = OpenAPIHono<AppEnv>;

/** Validation failures of any request part become one 400 problem with field paths. */
export function newRouter(): App {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const part = result.target === "json" ? "" : result.target;
        return problem("validation", "请求内容不符合要求", fieldIssues(result.error, part));
      }
    },
  });
}

/** The request id hono's requestId gives: the incoming X-Request-Id when safe to log, else a new one. */
export const requestIdFor = (incoming: string | undefined): string =>
  incoming && incoming.length <= 255 && /^[\w\-=]+$/.test(incoming) ? incoming : crypto.randomUUID();

/** The frame's own routes (the document, its reference, the health check): never behind an app's front. */
const frameRoute = (c: Context) => /\/(openapi\.json|healthz)$|\/docs(\/[^/]*)?$/.test(c.req.path);

/**
 * The frame every app shares: request ids, security headers, a body limit, the input guard
 * (before any route reads the body), one error mapping, and its OpenAPI document with an interactive reference. `front` runs on the API
 * routes (`/v1/*`, or the paths `frontOn` names: the public app's pages too) before the frame: a
 * middleware there that answers by itself must set the frame's headers itself.
 */
export function createApp(options: {
  deps: Deps;
  title: string;
  description: string;
  basePath: string;
  front?: MiddlewareHandler[];
  frontOn?: string;
}): App {
  const app = newRouter();
  for (const middleware of options.front ?? []) {
    // A plain test, not hono/combine's except: that composes a new middleware chain on every
    // request, which was a third of a cached answer's time (ADR 0057's bench, cached rows).
    if (options.frontOn)
      app.use(options.frontOn, (c, next) => (frameRoute(c) ? next() : middleware(c, next)));
    else app.use("/v1/*", middleware);
  }
  app.use(requestId());
  app.use(secureHeaders());
  app.use(async (c, next) => {
    c.set("deps", options.deps);
    await next();
  });
  const limitBody = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => bodyTooLarge("1 MB"),
  });
  // Reading c.req.raw.body makes Node's adapter build a full web Request: skip it for reads.
  app.use((c, next) => (bodiless.has(c.req.method) ? next() : limitBody(c, next)));
  app.use(inputGuard);
  app.onError((error, c) => {
    if (error instanceof DomainError) {
      // A database fault is the operators' business too: log what the database client saw.
      if (error.kind === "unavailable") logError(c, error.cause instanceof Error ? error.cause : error);
      return problem(error.kind, error.message, error.issues);
    }
    // Hono raises these for bodies it cannot parse (malformed JSON, wrong content type).
    if (error instanceof HTTPException && error.status < 500) {
      return problem(
        kindOfStatus(error.status) ?? "validation",
        "请求体无法解析：须为有效的JSON，Content-Type为application/json",
      );
    }
    logError(c, error);
    return new Response(
      JSON.stringify({ type: "/problems/internal", title: "服务器内部错误", status: 500 }),
      {
        status: 500,
        headers: { "content-type": "application/problem+json; charset=utf-8" },
      },
    );
  });
  app.get("/healthz", async (c) =>
    (await c.var.deps.store.ready())
      ? c.json({ status: "ok" })
      : problem("unavailable", "数据库暂时无法访问"),
  );
  app.notFound(() => problem("not-found", "请求的地址不存在"));
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: options.title, version: "1.0.0", description: options.description },
    servers: [{ url: options.basePath }],
  });
  app.route("/docs", apiReference({ basePath: options.basePath, title: options.title }));
  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", { type: "http", scheme: "bearer" });
  return app;
}
