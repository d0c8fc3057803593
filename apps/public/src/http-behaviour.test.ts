import { testDeps } from "@gov/core/testing";
import { connectedFrom } from "@gov/http";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublicApp } from "./app.ts";
import { publicCacheControl } from "./http-behaviour.ts";

let t: Awaited<ReturnType<typeof testDeps>>;
beforeAll(async () => {
  t = await testDeps(new Date("2026-03-02T02:00:00.000Z"));
});

const options = {
  corsOrigins: ["https://www.gongqingcheng.gov.cn"],
  rateLimit: { requests: 3, windowSeconds: 60 },
  cacheSeconds: 0,
};

describe("HTTP behaviour for a CDN and a portal in front", () => {
  it("a strong ETag, and 304 with no body on If-None-Match", async () => {
    const app = createPublicApp(t.deps);
    const first = await app.request("/v1/columns");
    const tag = first.headers.get("etag");
    expect(tag).toMatch(/^"[^"]+"$/);
    const again = await app.request("/v1/columns", { headers: { "if-none-match": tag ?? "" } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const stale = await app.request("/v1/columns", { headers: { "if-none-match": '"other"' } });
    expect(stale.status).toBe(200);
  });

  it("Cache-Control suits a CDN: short shared caching for 200 and 404, none for errors", async () => {
    const app = createPublicApp(t.deps);
    expect((await app.request("/v1/columns")).headers.get("cache-control")).toBe(publicCacheControl);
    expect((await app.request("/v1/items/itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T")).headers.get("cache-control")).toBe(
      publicCacheControl,
    );
    expect((await app.request("/v1/items?limit=0")).headers.get("cache-control")).toBe("no-store");
  });

  it("CORS answers configured portal origins only", async () => {
    const app = createPublicApp(t.deps, options);
    const allowed = await app.request("/v1/columns", {
      headers: { origin: "https://www.gongqingcheng.gov.cn" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://www.gongqingcheng.gov.cn");
    const other = await app.request("/v1/columns", { headers: { origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("security headers are set", async () => {
    const res = await createPublicApp(t.deps).request("/v1/columns");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("strict-transport-security")).toContain("max-age");
  });

  it("a client over its limit gets 429 with Retry-After; another client is unaffected", async () => {
    const app = createPublicApp(t.deps, options);
    const from = (ip: string) => app.request("/v1/columns", {}, connectedFrom(ip));
    for (let i = 0; i < 3; i++) expect((await from("203.0.113.7")).status).toBe(200);
    const limited = await from("203.0.113.7");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(limited.headers.get("content-type")).toContain("application/problem+json");
    expect((await from("198.51.100.2")).status).toBe(200);
    t.setNow(new Date("2026-03-02T02:01:00.000Z"));
    expect((await from("203.0.113.7")).status).toBe(200);
  });
});

describe("the per-instance response cache", () => {
  it("reuses an answer within its window, reads again after it, and never caches across origins' CORS headers", async () => {
    const app = createPublicApp(t.deps, {
      ...options,
      rateLimit: { requests: 1000, windowSeconds: 60 },
      cacheSeconds: 10,
    });
    const calls = () => t.store.calls.total;
    t.setNow(new Date("2026-03-02T03:00:00.000Z"));
    const before = calls();
    const first = await app.request("/v1/items?limit=5", {
      headers: { origin: "https://www.gongqingcheng.gov.cn" },
    });
    const afterFirst = calls();
    const second = await app.request("/v1/items?limit=5", { headers: { origin: "https://evil.example" } });
    expect(afterFirst).toBeGreaterThan(before);
    expect(calls()).toBe(afterFirst);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get("access-control-allow-origin")).toBeNull();
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    t.setNow(new Date("2026-03-02T03:00:11.000Z"));
    await app.request("/v1/items?limit=5");
    expect(calls()).toBeGreaterThan(afterFirst);
  });

  it("a cached answer keeps its ETag and Cache-Control, answers 304 on If-None-Match, and gets each request's own headers", async () => {
    const app = createPublicApp(t.deps, {
      ...options,
      rateLimit: { requests: 1000, windowSeconds: 60 },
      cacheSeconds: 10,
    });
    t.setNow(new Date("2026-03-02T04:00:00.000Z"));
    const first = await app.request("/v1/columns");
    const before = t.store.calls.total;
    const hit = await app.request("/v1/columns", { headers: { origin: "https://www.gongqingcheng.gov.cn" } });
    const notModified = await app.request("/v1/columns", {
      headers: { "if-none-match": first.headers.get("etag") ?? "" },
    });
    expect(t.store.calls.total).toBe(before);
    expect(hit.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(hit.headers.get("cache-control")).toBe(first.headers.get("cache-control"));
    expect(hit.headers.get("access-control-allow-origin")).toBe("https://www.gongqingcheng.gov.cn");
    expect(hit.headers.get("vary")).toContain("Origin");
    expect(hit.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
    expect(hit.headers.get("x-content-type-options")).toBe("nosniff");
    const traced = await app.request("/v1/columns", { headers: { "x-request-id": "portal-trace-42" } });
    expect(traced.headers.get("x-request-id")).toBe("portal-trace-42");
    expect(t.store.calls.total).toBe(before);
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    expect(notModified.headers.get("etag")).toBe(first.headers.get("etag"));
  });

  it("is off unless configured: an app built in code reads every time", async () => {
    const app = createPublicApp(t.deps);
    await app.request("/v1/items?limit=3");
    const before = t.store.calls.total;
    await app.request("/v1/items?limit=3");
    expect(t.store.calls.total).toBeGreaterThan(before);
  });
});
