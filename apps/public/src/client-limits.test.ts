import { testDeps } from "@gov/core/testing";
import { connectedFrom } from "@gov/http";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublicApp } from "./app.ts";
import { citizenHarness, letterBody } from "./citizen-harness.ts";
import { PublicHttpOptions } from "./http-behaviour.ts";

let t: Awaited<ReturnType<typeof testDeps>>;
beforeAll(async () => {
  t = await testDeps(new Date("2026-03-02T02:00:00.000Z"));
});

/** A request from `peer`, carrying whatever X-Forwarded-For the client chose to write. */
const get = (app: ReturnType<typeof createPublicApp>, path: string, peer: string, forwardedFor?: string) =>
  app.request(
    path,
    forwardedFor ? { headers: { "x-forwarded-for": forwardedFor } } : {},
    connectedFrom(peer),
  );

const limited = (requests: number, trustedProxies = 0) =>
  createPublicApp(
    t.deps,
    PublicHttpOptions.parse({ rateLimit: { requests, windowSeconds: 60 }, trustedProxies }),
  );

describe("issue 12 #5 rate limits keyed on the address the platform saw", () => {
  it("issue 12 #5 rate limits: varying X-Forwarded-For does not make a new client (3 allowed, 97 of 100 refused)", async () => {
    const app = limited(3);
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      statuses.push((await get(app, "/v1/nothing", "203.0.113.7", `198.51.100.${i}`)).status);
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(97);
    // Another address is another client.
    expect((await get(app, "/v1/nothing", "203.0.113.8")).status).toBe(404);
  });

  it("issue 12 #5 rate limits: behind one trusted proxy the hop it appended is the client, never one the client wrote", async () => {
    const app = limited(2, 1);
    const cdn = "130.176.0.1";
    // The CDN appends the address it saw (203.0.113.9) after whatever the client sent.
    const viaCdn = (claimed: string) => get(app, "/v1/nothing", cdn, `${claimed}, 203.0.113.9`);
    expect((await viaCdn("10.0.0.1")).status).toBe(404);
    expect((await viaCdn("10.0.0.2")).status).toBe(404);
    expect((await viaCdn("10.0.0.3")).status).toBe(429);
    // Another viewer behind the same CDN address has a window of its own.
    expect((await get(app, "/v1/nothing", cdn, "203.0.113.10")).status).toBe(404);
    // Straight to the origin with a forged header: the peer itself is all that counts.
    const direct = () => get(app, "/v1/nothing", "192.0.2.50", "192.0.2.50");
    expect((await direct()).status).toBe(404);
    expect((await direct()).status).toBe(404);
    expect((await direct()).status).toBe(429);
  });

  it("issue 12 #5 rate limits: inventing 10,001 clients does not reset an active client's window", async () => {
    const app = limited(3);
    for (let i = 0; i < 3; i++) await get(app, "/v1/nothing", "203.0.113.7", "203.0.113.7");
    for (let i = 0; i <= 10_000; i++) {
      const invented = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      await get(app, "/v1/nothing", invented, invented);
      if (i % 1000 === 0) {
        expect((await get(app, "/v1/nothing", "203.0.113.7", "203.0.113.7")).status).toBe(429);
      }
    }
    expect((await get(app, "/v1/nothing", "203.0.113.7", "203.0.113.7")).status).toBe(429);
  });

  it("issue 12 #5 rate limits: an IPv6 client is limited by its /64, whatever address in it it uses", async () => {
    const app = limited(2);
    expect((await get(app, "/v1/nothing", "2001:db8:1:2::1")).status).toBe(404);
    expect((await get(app, "/v1/nothing", "2001:db8:1:2:ffff::9")).status).toBe(404);
    expect((await get(app, "/v1/nothing", "2001:0db8:0001:0002:1:1:1:1")).status).toBe(429);
    expect((await get(app, "/v1/nothing", "2001:db8:1:3::1")).status).toBe(404);
  });
});

describe("issue 12 hostile-input property: a forwarded hop that is no address", () => {
  it("issue 12 hostile-input property: straight to the origin behind one trusted proxy, a 3,000-character X-Forwarded-For is not the client (was a 500: the Idempotency-Key record's key over DynamoDB's 2,048 bytes)", async () => {
    const h = await citizenHarness({ trustedProxies: 1 });
    const peer = "192.0.2.61";
    // API Gateway appends the peer after whatever the client wrote.
    const headers = { "x-forwarded-for": `${"a".repeat(3000)}, ${peer}`, "idempotency-key": "xff-1" };
    const first = await h.post("/letters", letterBody("转发头过长"), headers, peer);
    expect(first.status).toBe(201);
    const again = await h.post("/letters", letterBody("转发头过长"), headers, peer);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.id).toBe(first.body.id);
  });
});
