import { isIP } from "node:net";
import type { Context, MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AppEnv } from "./env.ts";

/**
 * How many proxies of our own sit in front of the app and append the address they saw to
 * X-Forwarded-For: 0 (the default) believes no header at all; 1 with a CDN in front.
 */
export const TrustedProxies = z.number().int().min(0).max(3);

/** What the two runtimes hand an app: API Gateway's event context in Lambda, the socket under Node. */
type PeerBindings = {
  requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } };
  incoming?: { socket?: { remoteAddress?: string } };
};

/**
 * The address the platform itself saw, never a header: API Gateway's `sourceIp` in Lambda, the
 * socket under Node. (Hono's own Lambda getConnInfo falls back to X-Forwarded-For, which the
 * client writes, and Node's assumes a socket; hence this reads both shapes itself.)
 */
function peerAddress(c: Context): string {
  const env = c.env as PeerBindings | undefined;
  return (
    env?.requestContext?.http?.sourceIp ??
    env?.requestContext?.identity?.sourceIp ??
    env?.incoming?.socket?.remoteAddress ??
    "unknown"
  );
}

/**
 * The client's address: the peer, or with `trusted` proxies in front, the address the
 * outermost of them saw, which is that many hops from the right of [X-Forwarded-For…, peer].
 * Hops further left are the client's own writing and never believed, nor is a hop that is no
 * IP address. API Gateway appends the peer to the header itself, so a last hop equal to the
 * peer is not counted twice.
 */
export function clientAddress(c: Context, trusted: number): string {
  const peer = peerAddress(c);
  if (trusted === 0) return peer;
  const hops = (c.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (hops.at(-1) === peer) hops.pop();
  const chain = [...hops, peer];
  const client = chain[Math.max(0, chain.length - 1 - trusted)] ?? peer;
  // A proxy writes an address. Anything else (a request straight to the origin) is the client's
  // own writing, of any length, and would reach DynamoDB keys (an anonymous Idempotency-Key's).
  return isIP(client) ? client : peer;
}

/** Resolves the client once per request, before anything keys on it (the first `front` middleware). */
export const identifyClient =
  (trustedProxies: number): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    c.set("client", clientAddress(c, trustedProxies));
    await next();
  };

/**
 * Who an anonymous request comes from, as `identifyClient` resolved it (the peer if the app
 * has no such step). Rate limits, duplicate recognition and anonymous Idempotency-Keys are
 * all per client.
 */
export const clientOf = (c: Context<AppEnv>): string => c.var.client ?? clientAddress(c, 0);

/** The bindings Node's server hands the app for a connection from `address`: what a test passes `app.request()`. */
export const connectedFrom = (address: string): PeerBindings => ({
  incoming: { socket: { remoteAddress: address } },
});
