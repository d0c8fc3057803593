import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen, ServerTimeouts } from "./http-server.ts";

// Low enough for a test, in the proportions of the defaults (headers < request).
const timeouts = { headersMs: 300, requestMs: 600, keepAliveMs: 300, checkIntervalMs: 50 };
let server: Awaited<ReturnType<typeof listen>>;
let port: number;

beforeAll(async () => {
  server = await listen(
    async (request) => new Response(`read ${(await request.text()).length}`),
    0,
    timeouts,
  );
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Opens a raw socket, writes `head`, then one more `drip` (if any) every 50 ms until the server closes it. */
function trickle(head: string, drip?: string) {
  const socket = connect(port, "127.0.0.1");
  const started = Date.now();
  let received = "";
  socket.on("data", (chunk) => {
    received += chunk;
  });
  socket.on("error", () => {});
  socket.write(head);
  const timer = setInterval(() => drip && socket.writable && socket.write(drip), 50);
  return new Promise<{ afterMs: number; received: string }>((resolve) =>
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ afterMs: Date.now() - started, received });
    }),
  );
}

describe("the local server cuts off slow clients", () => {
  it("issue 12 #14 slow clients: headers trickled past the headers timeout are answered 408 and closed", async () => {
    const { afterMs, received } = await trickle("GET /healthz HTTP/1.1\r\nHost: local\r\n", "X-Slow: 1\r\n");
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeGreaterThanOrEqual(timeouts.headersMs - 50);
    expect(afterMs).toBeLessThan(timeouts.headersMs + 500);
  });

  it("issue 12 #14 slow clients: a body trickled past the request timeout is answered 408 and closed", async () => {
    const head =
      "POST /publish/v1/items HTTP/1.1\r\nHost: local\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n";
    const { afterMs, received } = await trickle(head, " ");
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeGreaterThanOrEqual(timeouts.requestMs - 50);
    expect(afterMs).toBeLessThan(timeouts.requestMs + 500);
  });

  it("an idle keep-alive connection is closed after its timeout", async () => {
    const { afterMs, received } = await trickle("GET / HTTP/1.1\r\nHost: local\r\n\r\n");
    expect(received).toMatch(/^HTTP\/1\.1 200/);
    // Node closes the socket up to a second after the timeout it announces (measured: 1.3 s for 0.3 s).
    expect(afterMs).toBeGreaterThanOrEqual(timeouts.keepAliveMs - 50);
    expect(afterMs).toBeLessThan(timeouts.keepAliveMs + 1_500);
  });

  it("a client that sends in time is answered", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: "四个字节" });
    expect(await res.text()).toBe("read 4");
  });

  it("defaults: headers 10 s, the whole request 30 s, an idle keep-alive 5 s, checked every second", () => {
    expect(ServerTimeouts.parse({})).toEqual({
      headersMs: 10_000,
      requestMs: 30_000,
      keepAliveMs: 5_000,
      checkIntervalMs: 1_000,
    });
    expect(ServerTimeouts.safeParse({ headersMs: 60_000 }).success).toBe(false);
  });
});
