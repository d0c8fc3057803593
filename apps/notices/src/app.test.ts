import { testDeps } from "@gov/http/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createNoticesApp } from "./app.ts";

let app: ReturnType<typeof createNoticesApp>;
let key: string;
beforeAll(async () => {
  const t = await testDeps();
  app = createNoticesApp(t.deps);
  key = await t.key("000014349", ["office"]);
});

describe("notices app frame", () => {
  it("refuses a request without a valid key (401 problem+json)", async () => {
    const res = await app.request("/v1/whoami", { headers: { authorization: "Bearer wrong" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });

  it("acts as the key's unit and roles", async () => {
    const res = await app.request("/v1/whoami", { headers: { authorization: `Bearer ${key}` } });
    expect(await res.json()).toMatchObject({ unitCode: "000014349", roles: ["office"] });
  });

  it("serves its OpenAPI 3.1 document and docs without a key", async () => {
    const doc = (await (await app.request("/openapi.json")).json()) as { openapi: string; paths: object };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/v1/whoami");
    expect((await app.request("/docs")).status).toBe(200);
  });

  it("answers health once its database answers", async () => {
    expect(await (await app.request("/healthz")).json()).toEqual({ status: "ok" });
  });

  it("an unknown path is a 404 problem, not a bare text", async () => {
    const res = await app.request("/v1/nothing-here", { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });
});
