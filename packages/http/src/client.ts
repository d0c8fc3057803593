import type { Context } from "hono";

/**
 * Who an anonymous request comes from: the first X-Forwarded-For hop, as API Gateway and
 * CloudFront set it ("local" when nothing sits in front). Rate limits, duplicate
 * recognition and anonymous Idempotency-Keys are all per client.
 */
export const clientOf = (c: Context): string =>
  c.req.header("x-forwarded-for")?.split(",")[0]?.trim() || "local";
