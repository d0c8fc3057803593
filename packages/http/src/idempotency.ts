import { createHash } from "node:crypto";
import { IdempotencyRace, type IdempotencyRecord, type Write } from "@gov/store";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { clientOf } from "./client.ts";
import type { AppEnv } from "./env.ts";
import { problem } from "./problem.ts";

/**
 * Idempotency-Key on creates: a replay gets the first response, the same key with another
 * body is 422. The record is committed in the create's own transaction (see
 * `idempotencyWrites`), so concurrent replays cannot both create.
 */
export const idempotent = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header("idempotency-key");
  c.set("idempotency", undefined);
  if (key === undefined) return next();
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    return problem("validation", "Idempotency-Key须为1至200个可见ASCII字符", [
      { path: "Idempotency-Key", message: "格式不正确" },
    ]);
  }
  const body = await c.req.text();
  const request = {
    // Anonymous keys are per client: two citizens picking the same key never meet.
    scope: c.var.principal?.keyId ?? `public#${clientOf(c)}`,
    key,
    requestHash: createHash("sha256").update(`${c.req.method} ${c.req.path}\n${body}`).digest("hex"),
  };
  const { idempotency } = c.var.deps.store;
  const existing = await idempotency.find(request, c.var.deps.clock().getTime());
  if (existing) return replay(existing, request.requestHash);
  c.set("idempotency", request);
  await next();
  if (c.error instanceof IdempotencyRace) {
    const winner = await idempotency.find(request, c.var.deps.clock().getTime());
    if (winner) c.res = replay(winner, request.requestHash);
  }
});

function replay(record: IdempotencyRecord, requestHash: string): Response {
  if (record.requestHash !== requestHash) {
    return problem("unprocessable", "该Idempotency-Key已用于内容不同的请求", [
      { path: "Idempotency-Key", message: "已被其他请求使用" },
    ]);
  }
  return new Response(JSON.stringify(record.response.body), {
    status: record.response.status,
    headers: {
      ...record.response.headers,
      "content-type": "application/json",
      "idempotent-replayed": "true",
    },
  });
}

/** The write to add to a create's transaction when the request carried an Idempotency-Key. */
export function idempotencyWrites(
  c: Context<AppEnv>,
  response: { status: number; body: unknown; headers?: Record<string, string> },
): Write[] {
  const request = c.var.idempotency;
  if (!request) return [];
  return [c.var.deps.store.idempotency.write(request, response, c.var.deps.clock().getTime())];
}

/**
 * A create's 201: the use case commits the answer as the Idempotency-Key record in its own
 * transaction (through `alsoWrite`, called with what it creates and returns), and the same
 * answer is then sent.
 */
export async function created<T, B extends object>(
  c: Context<AppEnv>,
  create: (alsoWrite: (result: unknown) => Write[]) => Promise<T>,
  answer: (result: T) => { body: B; headers?: Record<string, string> },
) {
  const result = await create((r) => idempotencyWrites(c, { status: 201, ...answer(r as T) }));
  const { body, headers = {} } = answer(result);
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return c.json(body, 201);
}
