import { cdnInvalidation } from "@gov/http";
import { type Json, publishHarness } from "@gov/publish/testing";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPublicApp } from "./app.ts";
import { PublicHttpOptions, publicHttpOptionsFromEnv } from "./http-behaviour.ts";

let h: Awaited<ReturnType<typeof publishHarness>>;
let dept: Awaited<ReturnType<typeof h.unit>>;
/** The public app as deployed: the per-instance cache on, on the same process as the publish app. */
let app: ReturnType<typeof createPublicApp>;

/** CloudFront, the outside world: what the publish function asks of it, and how it answers. */
const invalidated: string[] = [];
let cloudfrontStatus = 201;
const cloudfront = setupServer(
  http.post(
    "https://cloudfront.amazonaws.com/2020-05-31/distribution/:id/invalidation",
    async ({ request }) => {
      invalidated.push(await request.text());
      return new HttpResponse(null, { status: cloudfrontStatus });
    },
  ),
);

beforeAll(async () => {
  cloudfront.listen({ onUnhandledRequest: "bypass" });
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  dept = await h.unit("000000951");
  app = createPublicApp(h.deps, publicHttpOptionsFromEnv({ RATE_LIMIT_PER_MINUTE: "100000" }));
  // As the deployed publish function is wired (lambdaDeps with CDN_DISTRIBUTION_ID).
  h.deps.publicChanges.subscribe(
    cdnInvalidation({
      distributionId: "E2QWRUHEXAMPLE",
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    }),
  );
});
afterAll(() => cloudfront.close());

const item = (title: string) => ({
  kind: "general",
  title,
  columnId: "responses",
  body: `<p>${title}的全文</p>`,
  generatedOn: "2026-02-27",
});
const read = async (path: string) => {
  const res = await app.request(`/v1${path}`);
  return { status: res.status, headers: res.headers, text: await res.text() };
};
const ok = async (method: string, path: string, key: string, body?: unknown) => {
  const res = await h.call(method, path, key, body);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
};

describe("issue 12 #7 a withdrawal or correction takes effect", () => {
  it("issue 12 #7 withdrawal: the same URL answers 410 at once, and the column list, feed and search drop it", async () => {
    const live = (await dept.publish(item("撤回即生效的通告"))) as Json & { indexNumber: string };
    const byId = `/items/${live.id}`;
    const byIndexNumber = `/items/${encodeURIComponent(live.indexNumber)}`;
    const list = "/items?column=responses&limit=50";
    const feed = "/feeds/responses.atom";
    const search = `/search?q=${encodeURIComponent("撤回即生效")}`;
    for (const path of [byId, byIndexNumber]) expect((await read(path)).status).toBe(200);
    for (const path of [list, feed, search]) expect((await read(path)).text).toContain(live.id);

    await ok("POST", `/items/${live.id}/withdraw`, dept.reviewer, { reason: "内容有误" });

    for (const path of [byId, byIndexNumber]) {
      const gone = await read(path);
      expect(gone.status, path).toBe(410);
      expect(gone.text).not.toContain("的全文");
    }
    for (const path of [list, feed, search]) expect((await read(path)).text, path).not.toContain(live.id);
  });

  it("issue 12 #7 CDN: a withdrawal asks CloudFront to invalidate the public API, and stands when CloudFront fails", async () => {
    const warn = vi.spyOn(console, "error").mockImplementation(() => {});
    const first = await dept.publish(item("通知CDN的撤回"));
    invalidated.length = 0;
    await ok("POST", `/items/${first.id}/withdraw`, dept.reviewer, { reason: "已失效" });
    expect(invalidated).toHaveLength(1);
    expect(invalidated[0]).toContain("<Path>/public/v1/*</Path>");
    cloudfrontStatus = 503;
    const second = await dept.publish(item("CloudFront故障时的撤回"));
    await ok("POST", `/items/${second.id}/withdraw`, dept.reviewer, { reason: "已失效" });
    expect((await read(`/items/${second.id}`)).status).toBe(410);
    cloudfrontStatus = 201;
    warn.mockRestore();
  });

  it("issue 12 #7 correction: an approved revision replaces the text at the same URL at once", async () => {
    const live = await dept.publish(item("待更正的通知"));
    expect((await read(`/items/${live.id}`)).text).toContain("待更正的通知的全文");
    await ok("POST", `/items/${live.id}/revise`, dept.editor);
    const { etag } = await h.call("GET", `/items/${live.id}`, dept.editor);
    const edited = await h.call(
      "PATCH",
      `/items/${live.id}`,
      dept.editor,
      { body: "<p>更正后的全文</p>" },
      {
        "if-match": etag,
      },
    );
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    await ok("POST", `/items/${live.id}/submit`, dept.editor);
    await ok("POST", `/items/${live.id}/approve`, dept.reviewer, {
      review: { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false },
    });
    const corrected = await read(`/items/${live.id}`);
    expect(corrected.text).toContain("更正后的全文");
    expect(corrected.text).not.toContain("待更正的通知的全文");
  });

  it("issue 12 #7 freshness: browser, CDN and instance windows add up to at most 60 s, with no long stale-while-revalidate", async () => {
    const live = await dept.publish(item("缓存时限"));
    const options = publicHttpOptionsFromEnv({});
    for (const path of [
      `/items/${live.id}`,
      "/items?column=responses",
      "/columns",
      "/feeds/responses.atom",
    ]) {
      const answer = await read(path);
      const cacheControl = answer.headers.get("cache-control") ?? "";
      const seconds = (name: string) => Number(cacheControl.match(new RegExp(`${name}=(\\d+)`))?.[1] ?? 0);
      expect(
        seconds("max-age") + seconds("s-maxage") + options.cacheSeconds,
        `${path}: ${cacheControl}`,
      ).toBeLessThanOrEqual(60);
      expect(seconds("stale-while-revalidate"), path).toBe(0);
    }
    expect(PublicHttpOptions.safeParse({ cacheSeconds: 30 }).success).toBe(false);
  });
});
