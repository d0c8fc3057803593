import { publishHarness } from "@gov/publish/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { answerCache, type CachedAnswer } from "./answer-cache.ts";
import { createPublicApp } from "./app.ts";
import { PublicHttpOptions } from "./http-behaviour.ts";

let h: Awaited<ReturnType<typeof publishHarness>>;
let dept: Awaited<ReturnType<typeof h.unit>>;

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  dept = await h.unit("000000941");
});

/** A published item whose detail answer is about `kib` KiB. */
const publishSized = async (title: string, kib: number) =>
  (await dept.publish({
    kind: "general",
    title,
    columnId: "decision",
    body: `<p>${"公开".repeat((kib * 1024) / 6)}</p>`,
    generatedOn: "2026-02-27",
  })) as { id: string };

const cached = (options: object = {}) =>
  createPublicApp(
    h.deps,
    PublicHttpOptions.parse({
      rateLimit: { requests: 100_000, windowSeconds: 60 },
      cacheSeconds: 10,
      ...options,
    }),
  );
const calls = () => h.store.calls.total;

describe("issue 12 #6 the instance cache cannot be filled at will", () => {
  it("issue 12 #6 instance cache: 500 requests for one item with ?v=N are one entry, read from DynamoDB once", async () => {
    const item = await publishSized("缓存键测试", 100);
    const app = cached();
    const first = await app.request(`/v1/items/${item.id}?v=0`);
    expect(first.status).toBe(200);
    const before = calls();
    for (let v = 1; v < 500; v++) {
      const res = await app.request(`/v1/items/${item.id}?v=${v}&utm_source=x${v}`);
      expect(res.status).toBe(200);
    }
    expect(calls()).toBe(before);
  });

  it("issue 12 #6 instance cache: the parameters a route knows are the key, in any order; others are ignored", async () => {
    const app = cached();
    await app.request("/v1/items?limit=2&year=2026");
    const before = calls();
    await app.request("/v1/items?year=2026&limit=2&v=9");
    expect(calls()).toBe(before);
    await app.request("/v1/items?year=2026&limit=3");
    expect(calls()).toBeGreaterThan(before);
  });

  it("issue 12 #6 instance cache: bounded by bytes, the least recently used answer goes first", async () => {
    const [a, b, c] = [
      await publishSized("字节上限A", 100),
      await publishSized("字节上限B", 100),
      await publishSized("字节上限C", 100),
    ];
    const app = cached({ cacheBytes: 250 * 1024 });
    const read = async (id: string) => {
      const before = calls();
      expect((await app.request(`/v1/items/${id}`)).status).toBe(200);
      return calls() - before;
    };
    await read(a.id);
    await read(b.id);
    expect(await read(a.id)).toBe(0);
    // C needs room: B, used longest ago, makes it.
    expect(await read(c.id)).toBeGreaterThan(0);
    expect(await read(a.id)).toBe(0);
    expect(await read(b.id)).toBeGreaterThan(0);
  });
});

describe("the answer cache itself", () => {
  const answer = (bytes: number, storedAt: number, seconds = 10): CachedAnswer => ({
    status: 200,
    etag: null,
    headers: { "content-type": "application/json" },
    body: new Uint8Array(bytes),
    storedAt,
    expires: storedAt + seconds * 1000,
  });

  it("issue 12 #6 instance cache: expired entries are dropped, not kept until the next clear", () => {
    const cache = answerCache(32 * 1024 * 1024);
    for (let v = 0; v < 1000; v++) cache.set(`/v1/items/${v}`, answer((390 * 1024) / 100, 0), 0);
    expect(cache.usage().entries).toBe(1000);
    // Any request after the window: the sweep drops every expired entry, whatever it asks for.
    expect(cache.get("/v1/columns", 10_000)).toBeUndefined();
    expect(cache.usage()).toEqual({ entries: 0, bytes: 0 });
  });

  it("issue 12 #6 instance cache: never holds more bytes than its bound, making room from the least recently used", () => {
    const cache = answerCache(10_000);
    for (let i = 0; i < 100; i++) {
      cache.set(`/k${i}`, answer(1000, 0), 0);
      cache.get("/k0", 0);
      expect(cache.usage().bytes).toBeLessThanOrEqual(10_000);
    }
    expect(cache.get("/k0", 0)).toBeDefined();
    expect(cache.get("/k1", 0)).toBeUndefined();
    expect(cache.get("/k99", 0)).toBeDefined();
    // An answer larger than half the cache is served but not kept.
    cache.set("/big", answer(6000, 0), 0);
    expect(cache.get("/big", 0)).toBeUndefined();
    expect(cache.get("/k0", 0)).toBeDefined();
  });
});
