import { testDeps } from "@gov/core/testing";
import { describe, expect, it } from "vitest";
import type { App } from "./app.ts";
import type { Deps } from "./env.ts";
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
