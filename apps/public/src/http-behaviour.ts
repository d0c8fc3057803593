import { createHash } from "node:crypto";
import { isIPv6 } from "node:net";
import { TrackingCodeLocked } from "@gov/core";
import { type AppEnv, clientOf, problem, requestIdFor, TrustedProxies } from "@gov/http";
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { z } from "zod";
import type { AnswerCache, CachedAnswer } from "./answer-cache.ts";
import type { CacheKeys } from "./cache-key.ts";
import { IntakeOptions, intakeOptionsFromEnv } from "./intake-options.ts";

/** How the portal-facing API behaves over HTTP; read from the environment in one place. */
export const PublicHttpOptions = z.object({
  /** Portal origins allowed to call the API from a browser. */
  corsOrigins: z.array(z.url()).default([]),
  /** Proxies of our own in front that append the client's address to X-Forwarded-For (a CDN: 1). */
  trustedProxies: TrustedProxies.default(0),
  /** Requests per client per window, before a CDN or API gateway limit applies. */
  rateLimit: z
    .object({ requests: z.number().int().positive(), windowSeconds: z.number().int().positive() })
    .default({
      requests: 600,
      windowSeconds: 60,
    }),
  /**
   * How long one instance reuses a public answer; 0 (the default when built in code) turns it
   * off. At most 15: with the CDN's and the browser's windows it keeps a withdrawal within 60 s.
   */
  cacheSeconds: z.number().int().min(0).max(15).default(0),
  /** What the instance may hold of public answers, in bytes. */
  cacheBytes: z
    .number()
    .int()
    .positive()
    .default(32 * 1024 * 1024),
  /** URLs in one sitemap file before sitemap.xml becomes an index: the protocol's 50,000 unless a test lowers it. */
  sitemapUrls: z.number().int().positive().max(50_000).default(50_000),
  /** Citizen submissions: a smaller body, a stricter rate, duplicate recognition (ADR 0025); defaults when unset. */
  intake: IntakeOptions.optional(),
});
export type PublicHttpOptions = z.infer<typeof PublicHttpOptions>;
/** The options as a caller may give them: any left out take their defaults. */
export type PublicHttpOptionsInput = z.input<typeof PublicHttpOptions>;

export function publicHttpOptionsFromEnv(env: Record<string, string | undefined>): PublicHttpOptions {
  return PublicHttpOptions.parse({
    corsOrigins: (env.PORTAL_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    ...(env.RATE_LIMIT_PER_MINUTE
      ? { rateLimit: { requests: Number(env.RATE_LIMIT_PER_MINUTE), windowSeconds: 60 } }
      : {}),
    trustedProxies: Number(env.TRUSTED_PROXIES ?? 0),
    // Deployed and local servers reuse answers for 10 s unless told otherwise.
    cacheSeconds: Number(env.PUBLIC_CACHE_SECONDS ?? 10),
    ...(env.PUBLIC_CACHE_MEGABYTES ? { cacheBytes: Number(env.PUBLIC_CACHE_MEGABYTES) * 1024 * 1024 } : {}),
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
 * How long a browser (max-age) and a CDN (s-maxage) may keep a public answer. A withdrawal or
 * correction must stop being served within 60 s: with the instance's own window (at most 15 s)
 * the three add up to 15 + 30 + 15 = 60 even if no cache honours another's Age, and with no
 * stale-while-revalidate nothing older is ever served (ADR 0041). The CDN is also invalidated
 * on each change; this is the guarantee when that fails.
 */
export const publicCacheControl = "public, max-age=15, s-maxage=30";

/**
 * Published answers (200, 304) and the 404/410 of a missing or withdrawn item are cached as
 * `publicCacheControl` says. Answers that are about a person (application status) or other
 * errors are not cached.
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
  const cacheable = status === 200 || status === 304 || status === 404 || status === 410;
  c.res.headers.set("cache-control", cacheable ? publicCacheControl : "no-store");
};

/**
 * Routes whose answer depends on who asks (an applicant's or a writer's status, by secret; a
 * subscriber's confirm and unsubscribe links, by token): never cached by
 * the per-instance cache, a CDN or a browser, and never given a content-hash ETag.
 */
export const personal = (path: string) =>
  /\/v1\/(applications(\/|$)|letters\/[^/]+$|subscriptions(\/|$))/.test(path);

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
 * The same strong ETag, for a route that has its answer as a value: hashing the serialized
 * value spares the middleware cloning the response and reading it back as a stream, the
 * biggest part of the frame's cost on an uncached detail (ADR 0057).
 */
export const etagOfAnswer = (answer: unknown): string =>
  `"${createHash("sha1").update(JSON.stringify(answer)).digest("hex")}"`;

/** Windows kept at most: about 100 bytes each, so a few MB however many clients appear. */
const maxClients = 50_000;

/**
 * The network a client controls: an IPv4 address, or an IPv6 /64 (one subscriber's whole
 * prefix: anyone given a /64 can use 2^64 addresses).
 */
export function networkOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0");
  const groups = [...left, ...zeros, ...right].slice(0, 4);
  return `${groups.map((g) => Number.parseInt(g, 16).toString(16)).join(":")}::/64`;
}

/**
 * A per-client fixed-window limit, the client being the address the platform saw (see
 * `identifyClient` and the trusted-proxy setting), by its network. It lives in the process, so
 * in Lambda it limits per instance: enough to stop one client hammering an instance; the
 * gateway's throttling is the global limit (ADR 0014). The map's order is recency: expired
 * windows at the front are dropped as requests come, and past `maxClients` the least recently
 * seen client goes, never everyone's window at once (ADR 0041).
 */
export function rateLimit(
  options: Pick<PublicHttpOptions, "rateLimit">,
  clock: () => Date,
): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, { start: number; count: number }>();
  const windowMs = options.rateLimit.windowSeconds * 1000;
  return async (c, next) => {
    const client = networkOf(clientOf(c));
    const now = clock().getTime();
    for (const [key, oldest] of windows) {
      if (now - oldest.start < windowMs) break;
      windows.delete(key);
    }
    let window = windows.get(client);
    windows.delete(client);
    if (!window || now - window.start >= windowMs) window = { start: now, count: 0 };
    windows.set(client, window);
    for (const key of windows.keys()) {
      if (windows.size <= maxClients) break;
      windows.delete(key);
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

/** A tracking code locked by wrong secrets answers 429 with the seconds left in Retry-After. */
export const lockoutRetryAfter: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.error instanceof TrackingCodeLocked) {
    c.res.headers.set("retry-after", String(c.error.retryAfterSeconds));
  }
};

/** Headers each request gets for itself; the rest describe the content and are kept. */
const perRequest = new Set(["x-request-id", "access-control-allow-origin", "content-length", "date", "age"]);

/**
 * A short per-instance cache of public answers (200, 404, 410), keyed by path and the query
 * parameters the route declares (`cacheKeys`), bounded by bytes (`answerCache`). A hot item
 * or column costs DynamoDB one read per instance per window instead of one per request. It
 * runs in front of the app's frame and keeps every header the frame set (security headers,
 * ETag, Cache-Control, Vary), so a hit answers with plain headers and a byte array on Node's
 * fast path, without hashing, routing or building web Headers; only the request id, the CORS
 * origin and Age are its own. Streamed exports and personal answers are never cached. A public
 * change in the same process clears it (see createPublicApp).
 */
export function responseCache(
  options: PublicHttpOptions,
  clock: () => Date,
  cache: AnswerCache,
  keyOf: CacheKeys,
): MiddlewareHandler {
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
    const key = keyOf(new URL(c.req.url));
    if (key === undefined) return next();
    const now = clock().getTime();
    const hit = cache.get(key, now);
    if (hit) {
      const origin = c.req.header("origin");
      const own: Record<string, string> = {
        "x-request-id": requestIdFor(c.req.header("x-request-id")),
        // Downstream caches count their window from when the answer was made, not from now.
        age: String(Math.floor((now - hit.storedAt) / 1000)),
      };
      if (origin && allowed.has(origin)) own["access-control-allow-origin"] = origin;
      return answer(hit, own, c.req.header("if-none-match"));
    }
    await next();
    const { status } = c.res;
    if (status !== 200 && status !== 404 && status !== 410) return;
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    const headers: Record<string, string> = {};
    c.res.headers.forEach((value, name) => {
      if (!perRequest.has(name)) headers[name] = value;
    });
    cache.set(
      key,
      { storedAt: now, expires: now + ttl, status, etag: headers.etag ?? null, headers, body },
      now,
    );
  };
}

function answer(hit: CachedAnswer, own: Record<string, string>, ifNoneMatch: string | undefined): Response {
  if (hit.etag && ifNoneMatch?.match(/"[^"]*"/g)?.includes(hit.etag)) {
    const { "content-type": _, ...kept } = hit.headers;
    return new Response(null, { status: 304, headers: { ...kept, ...own } });
  }
  return new Response(hit.body, { status: hit.status, headers: { ...hit.headers, ...own } });
}
