import { testDeps } from "@gov/core/testing";
import { describe, expect, it } from "vitest";
import type { App } from "./app.ts";
import type { Deps } from "./env.ts";
import { pageSecurityPolicy } from "./page-security.ts";
import { type Document, untypedSchemas } from "./typed-answers.ts";

/**
 * The checks every app's frame must pass (auth, health, OpenAPI, problem+json for unknown
 * paths), run once per app so a new app cannot forget its frame.
 */
export function describeAppFrame(name: string, create: (deps: Deps) => App) {
  describe(`${name} app frame`, () => {
    const setup = (async () => {
      const t = await testDeps();
      return { app: create(t.deps), key: await t.key("000014349", ["office"]) };
    })();
    const auth = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });

    it("refuses a request without a valid key (401 problem+json)", async () => {
      const { app } = await setup;
      const res = await app.request("/v1/whoami", auth("wrong"));
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    });

    it("acts as the key's unit and roles", async () => {
      const { app, key } = await setup;
      expect(await (await app.request("/v1/whoami", auth(key))).json()).toMatchObject({
        unitCode: "000014349",
        roles: ["office"],
      });
    });

    it("serves its OpenAPI 3.1 document and docs without a key", async () => {
      const { app } = await setup;
      const doc = (await (await app.request("/openapi.json")).json()) as { openapi: string; paths: object };
      expect(doc.openapi).toBe("3.1.0");
      expect(Object.keys(doc.paths)).toContain("/v1/whoami");
      expect((await app.request("/docs")).status).toBe(200);
    });

    it("issue 16 offline API reference: the docs page names no outside address, in Chinese, under the pages' CSP, and serves every file it loads", async () => {
      const { app } = await setup;
      const base = ((await (await app.request("/openapi.json")).json()) as { servers: { url: string }[] })
        .servers[0]?.url as string;
      const res = await app.request("/docs");
      const page = await res.text();
      expect(page).toContain('<html lang="zh-CN">');
      expect(page).toMatch(/<title>[^<]*接口文档<\/title>/);
      expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(page).not.toMatch(/<script>|<style>/);
      expect(res.headers.get("content-security-policy")).toBe(pageSecurityPolicy);
      const loaded = [...page.matchAll(/(?:src|href)="([^"?]+)/g)].map((m) => m[1] as string);
      expect(loaded.length).toBeGreaterThanOrEqual(3);
      for (const path of loaded) {
        expect(path.startsWith(`${base}/`), path).toBe(true);
        const file = await app.request(path.slice(base.length));
        expect(file.status, path).toBe(200);
        expect((await file.text()).length, path).toBeGreaterThan(0);
      }
      const start = await (await app.request("/docs/start.js")).text();
      expect(start).toContain(`"${base}/openapi.json"`);
    });

    it("answers health once its database answers", async () => {
      const { app } = await setup;
      expect(await (await app.request("/healthz")).json()).toEqual({ status: "ok" });
    });

    it("issue 12 #1 deep nesting: every app wears the input guard, before any route (400 with the path)", async () => {
      const { app, key } = await setup;
      const res = await app.request("/v1/whoami", {
        method: "POST",
        headers: { ...auth(key).headers, "content-type": "application/json" },
        body: `{"a":${"[".repeat(3000)}${"]".repeat(3000)}}`,
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { path: string }[] }).errors[0]?.path).toMatch(/^a(\.0)+$/);
    });

    it("issue 12 hostile-input property: a body over the frame's 1 MB limit is a 400 naming (body), as every refused input names its field", async () => {
      const { app, key } = await setup;
      const res = await app.request("/v1/whoami", {
        method: "POST",
        headers: { ...auth(key).headers, "content-type": "application/json" },
        body: JSON.stringify({ a: "x".repeat(1024 * 1024) }),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { path: string }[] }).errors).toEqual([
        { path: "(body)", message: "请求体超过1 MB上限" },
      ]);
    });

    it("an unknown path is a 404 problem, not a bare text", async () => {
      const { app, key } = await setup;
      const res = await app.request("/v1/nothing-here", auth(key));
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    });
  });
}

/** Every answer in the app's document says what it holds, so portals can generate clients from it. */
export function describeTypedAnswers(name: string, create: (deps: Deps) => App) {
  describe(`${name}: the document describes what each answer holds`, () => {
    it("no response schema is an untyped record or an empty schema", async () => {
      const doc = (await (await create({} as never).request("/openapi.json")).json()) as Document;
      expect(untypedSchemas(doc)).toEqual([]);
    });
  });
}

type PathParameter = { name: string; in: string; schema?: { maxLength?: number; pattern?: string } };
type PathsDocument = { paths: Record<string, Record<string, { parameters?: PathParameter[] }>> };

/** Values no path parameter of any kind may take: longer than DynamoDB's key limit, or malformed. */
const hostileValues = {
  "2,100 × a": "a".repeat(2100),
  "700 CJK characters (2,100 bytes)": "中".repeat(700),
  "a space and a bang": "bad id!",
};

/**
 * Every path parameter is bounded and shaped in the document (`maxLength` and `pattern`), and
 * a value outside them is a 400 naming the parameter before anything reaches the database
 * (issue 12 #3: a 2,100-character id was a DynamoDB 500).
 */
export function describePathParameters(name: string, create: (deps: Deps) => App) {
  describe(`${name}: path parameters have a pattern and a length limit`, () => {
    const app = create({} as never);
    // The router lists a route once per handler (middleware, validators): once each here.
    const routes = [
      ...new Map(
        app.routes
          .filter((r) => r.path.startsWith("/v1/") && r.path.includes("/:") && r.method !== "ALL")
          .map((r) => [`${r.method} ${r.path}`, r]),
      ).values(),
    ];
    const document = (async () => (await (await app.request("/openapi.json")).json()) as PathsDocument)();
    const operationPath = (path: string) => path.replace(/:(\w+)/g, "{$1}");

    it("every path parameter of the document declares maxLength and pattern", async () => {
      const { paths } = await document;
      const loose = Object.entries(paths).flatMap(([path, operations]) =>
        Object.entries(operations).flatMap(([method, operation]) =>
          (operation.parameters ?? [])
            .filter((p) => p.in === "path" && !(p.schema?.maxLength && p.schema.pattern))
            .map((p) => `${method.toUpperCase()} ${path} {${p.name}}`),
        ),
      );
      expect(loose).toEqual([]);
      for (const route of routes) {
        const operation = paths[operationPath(route.path)]?.[route.method.toLowerCase()];
        expect(
          operation?.parameters?.some((p) => p.in === "path"),
          `${route.method} ${route.path}`,
        ).toBe(true);
      }
    });

    it("issue 12 #3 over-long ids: an over-long or malformed path parameter is a 400 naming it, never 500", async () => {
      const t = await testDeps();
      const key = await t.key("000014349", ["office", "editor", "reviewer"]);
      const live = create(t.deps);
      const headers = {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        "if-match": '"1"',
      };
      for (const route of routes) {
        const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
        for (const [label, value] of Object.entries(hostileValues)) {
          const path = route.path.replace(/:(\w+)/g, encodeURIComponent(value));
          const bodiless = route.method === "GET";
          const res = await live.request(path, {
            method: route.method,
            headers,
            body: bodiless ? null : "{}",
          });
          const what = `${route.method} ${route.path} with ${label}`;
          expect(res.status, what).toBe(400);
          expect(res.headers.get("content-type"), what).toContain("application/problem+json");
          const { errors = [] } = (await res.json()) as { errors?: { path: string }[] };
          expect(
            errors.map((e) => e.path),
            what,
          ).toEqual(expect.arrayContaining(names.map((n) => `param.${n}`)));
        }
      }
    });
  });
}

/** How long `work` took, for the bounds a fault test puts on a 503. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

/** The frame's answer while the database fails (ADR 0042): 503 problem+json with Retry-After. */
export function expectUnavailable(res: { status: number; headers: Headers; body: unknown }) {
  expect(res.status).toBe(503);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.headers.get("retry-after")).toBe("5");
  expect(res.body).toMatchObject({ type: "/problems/unavailable", status: 503 });
}
