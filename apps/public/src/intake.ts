import { createHash } from "node:crypto";
import { DomainError } from "@gov/domain";
import { type AppEnv, bodyTooLarge, clientOf, idempotencyWrites, idempotent, problem } from "@gov/http";
import type { StoredResponse, Write } from "@gov/store";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { rateLimit } from "./http-behaviour.ts";
import type { IntakeOptions } from "./intake-options.ts";

/**
 * The hidden form field a person never sees and never fills. Portals render it off-screen;
 * form-filling bots fill every field. Its presence (empty) is allowed and stripped.
 */
export const honeypotField = "website";

/** Submitted JSON with its honeypot removed, as the route's validator will then read it. */
async function bodyObject(c: Context): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = JSON.parse(await c.req.text());
    return typeof body === "object" && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    // The route's validator answers a malformed body with its own 400.
    return undefined;
  }
}

const botGuard = createMiddleware<AppEnv>(async (c, next) => {
  const body = await bodyObject(c);
  if (!body || !(honeypotField in body)) return next();
  const { [honeypotField]: trap, ...rest } = body;
  if (trap !== "" && trap !== null) {
    return problem("validation", "提交未通过自动程序校验，请刷新页面后重新填写", [
      { path: honeypotField, message: "此字段须留空" },
    ]);
  }
  // Hono reads json() from the cached text: the validator and idempotency see the body without the trap.
  // (Hono types the cache by value but stores promises, hence the cast.)
  c.req.bodyCache = { text: Promise.resolve(JSON.stringify(rest)) as unknown as string };
  return next();
});

/**
 * Whitespace and key order do not make a new submission: strings are trimmed with inner
 * runs of whitespace collapsed, and object keys are sorted. JSON.stringify walks the value, so
 * no recursion of ours runs on it; the frame's input guard has already bounded its depth.
 */
export function normalizedContent(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "string") return v.trim().replace(/\s+/g, " ");
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

const pending = new WeakMap<Context, { fingerprint: string; windowSeconds: number }>();

function replay(response: StoredResponse): Response {
  return new Response(JSON.stringify(response.body), {
    status: response.status,
    headers: { ...response.headers, "content-type": "application/json", "duplicate-submission": "true" },
  });
}

function duplicateGuard(windowSeconds: number): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async (c, next) => {
    const body = await bodyObject(c);
    if (!body) return next();
    const fingerprint = createHash("sha256")
      .update(`${c.req.method} ${c.req.path}\n${clientOf(c)}\n${normalizedContent(body)}`)
      .digest("hex");
    const { submissions } = c.var.deps.store;
    const earlier = await submissions.find(fingerprint, c.var.deps.clock().getTime());
    if (earlier) return replay(earlier);
    pending.set(c, { fingerprint, windowSeconds });
    await next();
    // A concurrent identical submission committed first (its fingerprint or the shared
    // idempotency record stopped ours): answer with its result.
    if (c.error instanceof DomainError && c.error.kind === "conflict") {
      const winner = await submissions.find(fingerprint, c.var.deps.clock().getTime());
      if (winner) c.res = replay(winner);
    }
  });
}

/**
 * The guard every public POST that creates something wears, in order: the submission rate
 * limit, a small body limit, the bot trap, Idempotency-Key, and duplicate recognition.
 * The route adds `intakeWrites(c, response)` to its create transaction.
 */
export function intakeGuard(options: IntakeOptions, clock: () => Date): MiddlewareHandler<AppEnv>[] {
  return [
    rateLimit({ rateLimit: options.rateLimit }, clock),
    bodyLimit({
      maxSize: options.bodyLimitBytes,
      onError: () => bodyTooLarge(`${Math.floor(options.bodyLimitBytes / 1024)} KiB`),
    }),
    botGuard,
    idempotent,
    duplicateGuard(options.duplicateWindowSeconds),
  ];
}

/** The records that make a submission replayable: its Idempotency-Key and its content fingerprint. */
export function intakeWrites(c: Context<AppEnv>, response: StoredResponse): Write[] {
  const fingerprint = pending.get(c);
  return [
    ...idempotencyWrites(c, response),
    ...(fingerprint
      ? [
          c.var.deps.store.submissions.write(
            fingerprint.fingerprint,
            response,
            c.var.deps.clock().getTime(),
            fingerprint.windowSeconds,
          ),
        ]
      : []),
  ];
}
