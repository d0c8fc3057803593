import { type ServerType, serve } from "@hono/node-server";
import { z } from "zod";

const ms = z.number().int().positive();

/**
 * How long the local server waits for a slow client (ADR 0040). Node's own defaults let one
 * trickle its headers for 60 s and its body for 300 s, and look only every 30 s, so a few
 * dozen slow sockets hold the server; here a request must arrive whole within these.
 */
export const ServerTimeouts = z
  .object({
    /** The request line and headers. */
    headersMs: ms.default(10_000),
    /** The whole request, body included (1 MiB, the largest body, takes 30 s at 35 KB/s). */
    requestMs: ms.default(30_000),
    /** An idle keep-alive connection between requests. */
    keepAliveMs: ms.default(5_000),
    /** How often Node looks for requests past their timeout: one fires at most this late. */
    checkIntervalMs: ms.default(1_000),
  })
  // Node refuses to start otherwise.
  .refine((t) => t.headersMs <= t.requestMs, {
    path: ["headersMs"],
    message: "头部超时不能长于整个请求的超时",
  });
export type ServerTimeouts = z.infer<typeof ServerTimeouts>;

/** Serves `fetch` on 127.0.0.1:`port` (0 picks a free one) with the timeouts given. */
export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
  timeouts: ServerTimeouts,
): Promise<ServerType> {
  const serverOptions = {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionsCheckingInterval: timeouts.checkIntervalMs,
  };
  return new Promise<ServerType>((resolve, reject) => {
    const server = serve({ fetch, port, hostname: "127.0.0.1", serverOptions }, () => resolve(server));
    server.once("error", reject);
  });
}
