import { createHash } from "node:crypto";
import { clientOf, problem, requestIdFor } from "@gov/http";
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { z } from "zod";
import { IntakeOptions, intakeOptionsFromEnv } from "./intake-options.ts";

/** How the portal-facing API behaves over HTTP; read from the environment in one place. */
export const PublicHttpOptions = z.object({
  /** Portal origins allowed to call the API from a browser. */
  corsOrigins: z.array(z.url()).default([]),
  /** Requests per client per window, before a CDN or API gateway limit applies. */
  rateLimit: z
    .object({ requests: z.number().int().positive(), windowSeconds: z.number().int().positive() })
    .default({
      requests: 600,
      windowSeconds: 60,
    }),
  /** How long one instance reuses a public answer; 0 (the default when built in code) turns it off. */
  cacheSeconds: z.number().int().min(0).max(300).default(0),
  /** Citizen submissions: a smaller body, a stricter rate, duplicate recognition (ADR 0025); defaults when unset. */
  intake: IntakeOptions.optional(),
});
export type PublicHttpOptions = z.infer<typeof PublicHttpOptions>;

export function publicHttpOptionsFromEnv(env: Record<string, string | undefined>): PublicHttpOptions {
  return PublicHttpOptions.parse({
    corsOrigins: (env.PORTAL_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    ...(env.RATE_LIMIT_PER_MINUTE
      ? { rateLimit: { requests: Number(env.RATE_LIMIT_PER_MINUTE), windowSeconds: 60 } }
      : {}),
    // Deployed and local servers reuse answers for 30 s unless told otherwise.
    cacheSeconds: Number(env.PUBLIC_CACHE_SECONDS ?? 30),
    intake: intakeOptionsFromEnv(env),
  });
}

/**
 * Hono's cors answers preflights. For other requests it appends Vary with c.header() once the
 * answer is final, which makes Node's adapter rebuild every response as a stream, so simple
 * requests get the same two headers set on the response directly.
 */
export function corsFor(options: PublicHttpOptions): MiddlewareHandler {
  const preflight = cors({
    origin: options.corsOrigins,
    allowMethods: ["GET", "POST", "OPTIONS"],
    maxAge: 86_400,
  });
  const allowed = new Set(options.corsOrigins);
  return async (c, next) => {
    if (c.req.method === "OPTIONS") return preflight(c, next);
    await next();
    const origin = c.req.header("origin");
    if (origin && allowed.has(origin)) c.res.headers.set("access-control-allow-origin", origin);
    c.res.headers.append("vary", "Origin");
  };
}

/**
 * Published data changes rarely and a CDN sits in front: short browser caching, longer
 * shared caching, and stale-while-revalidate so a publication shows within minutes while
 * DynamoDB sees a fraction of the traffic. Answers that are about a person (application
 * status) or errors other than 404/410 are not cached.
 */
export const cacheControl: MiddlewareHandler = async (c, next) => {
  await next();
  // Errors included: a cached "wrong secret" 404 would hide the applicant's own status.
  if (personal(c.req.path)) {
    c.res.headers.set("cache-control", "no-store");
    return;
  }
  if (c.req.method !== "GET" || c.res.headers.has("cache-control")) return;
  const status = c.res.status;
  if (status === 200 || status === 304) {
    c.res.headers.set("cache-control", "public, max-age=60, s-maxage=300, stale-while-revalidate=600");
  } else if (status === 404 || status === 410) {
    c.res.headers.set("cache-control", "public, max-age=60, s-maxage=60");
  } else {
    c.res.headers.set("cache-control", "no-store");
  }
};

/**
 * Routes whose answer depends on who asks (an applicant's or a writer's status, by secret): never cached by
 * the per-instance cache, a CDN or a browser, and never given a content-hash ETag.
 */
export const personal = (path: string) => /\/v1\/(applications(\/|$)|letters\/[^/]+$)/.test(path);

/**
 * Strong ETags (a hash of the body) and 304 on If-None-Match, for every buffered JSON or feed
 * answer. Node's own SHA-1 hashes synchronously; WebCrypto's would cost a worker round trip.
 */
export const strongEtag: MiddlewareHandler = etag({
  weak: false,
  generateDigest: (body) => {
    const digest = createHash("sha1").update(body).digest();
    return digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength);
  },
});

/**
 * A per-client fixed-window limit (client = the first X-Forwarded-For hop, as API Gateway
 * and CloudFront set it). It lives in the process, so in Lambda it limits per instance:
 * enough to stop one client hammering an instance; the gateway's throttling is the
 * global limit (see ADR 0014).
 */
export function rateLimit(
  options: Pick<PublicHttpOptions, "rateLimit">,
  clock: () => Date,
): MiddlewareHandler {
  const windows = new Map<string, { start: number; count: number }>();
  const windowMs = options.rateLimit.windowSeconds * 1000;
  return async (c, next) => {
    const client = clientOf(c);
    const now = clock().getTime();
    let window = windows.get(client);
    if (!window || now - window.start >= windowMs) {
      if (windows.size > 10_000) windows.clear();
      window = { start: now, count: 0 };
      windows.set(client, window);
    }
    window.count += 1;
    if (window.count > options.rateLimit.requests) {
      const retryAfter = Math.ceil((window.start + windowMs - now) / 1000);
      const response = problem("too-many-requests", `请求过于频繁，请${retryAfter}秒后再试`);
      response.headers.set("retry-after", String(retryAfter));
      return response;
    }
    await next();
  };
}

type Cached = {
  expires: number;
  status: number;
  etag: string | null;
  headers: Record<string, string>;
  body: Uint8Array;
};

/** Headers each request gets for itself; the rest describe the content and are kept. */
const perRequest = new Set(["x-request-id", "access-control-allow-origin", "content-length", "date"]);

/**
 * A short per-instance cache of public answers (200, 404, 410), keyed by URL. The CDN in
 * front already serves them for minutes (s-maxage=300), so a few seconds here change no
 * promise to the public, and a hot item or column costs DynamoDB one read per instance per
 * window instead of one per request. It runs in front of the app's frame and keeps every
 * header the frame set (security headers, ETag, Cache-Control, Vary), so a hit answers with
 * plain headers and a byte array on Node's fast path, without hashing, routing or building
 * web Headers; only the request id and the CORS origin are its own. Streamed exports and
 * personal answers are never cached.
 */
export function responseCache(options: PublicHttpOptions, clock: () => Date): MiddlewareHandler {
  const entries = new Map<string, Cached>();
  const ttl = options.cacheSeconds * 1000;
  const allowed = new Set(options.corsOrigins);
  return async (c, next) => {
    if (
      ttl === 0 ||
      c.req.method !== "GET" ||
      c.req.path.includes("/v1/export/items.") ||
      personal(c.req.path)
    ) {
      return next();
    }
    const key = c.req.url;
    const now = clock().getTime();
    const hit = entries.get(key);
    if (hit && hit.expires > now) {
      const origin = c.req.header("origin");
      const own: Record<string, string> = { "x-request-id": requestIdFor(c.req.header("x-request-id")) };
      if (origin && allowed.has(origin)) own["access-control-allow-origin"] = origin;
      return answer(hit, own, c.req.header("if-none-match"));
    }
    await next();
    const { status } = c.res;
    if (status !== 200 && status !== 404 && status !== 410) return;
    if (entries.size >= 5_000) entries.clear();
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    const headers: Record<string, string> = {};
    c.res.headers.forEach((value, name) => {
      if (!perRequest.has(name)) headers[name] = value;
    });
    entries.set(key, { expires: now + ttl, status, etag: headers.etag ?? null, headers, body });
  };
}

function answer(hit: Cached, own: Record<string, string>, ifNoneMatch: string | undefined): Response {
  if (hit.etag && ifNoneMatch?.match(/"[^"]*"/g)?.includes(hit.etag)) {
    const { "content-type": _, ...kept } = hit.headers;
    return new Response(null, { status: 304, headers: { ...kept, ...own } });
  }
  return new Response(hit.body, { status: hit.status, headers: { ...hit.headers, ...own } });
}
