import { createRoute, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { newRouter } from "./app.ts";
import { jsonContent } from "./openapi.ts";
import { idParam, PageQuery, pageOf, versioned } from "./route-kit.ts";

const Versioned = z.object({ id: z.string(), version: z.number().int() });

/** A list and a versioned create, declared with the kit as an app's routes are. */
const routes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/records",
      summary: "列表",
      request: { query: PageQuery },
      responses: { 200: { description: "一页", ...jsonContent(pageOf(Versioned)) } },
    }),
    (c) => {
      const { limit, cursor } = c.req.valid("query");
      return c.json({ items: [{ id: `${limit}`, version: 1 }], nextCursor: cursor ?? null }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/records/{id}",
      summary: "创建",
      request: { params: idParam("letter") },
      responses: { 201: { description: "已创建", ...jsonContent(Versioned) } },
    }),
    (c) => versioned(c, { id: c.req.valid("param").id, version: 3 }, 201),
  );

describe("the route kit", () => {
  it("a page is 20 unless asked, at most 100, and resumes at the cursor", async () => {
    expect(await (await routes.request("/records")).json()).toEqual({
      items: [{ id: "20", version: 1 }],
      nextCursor: null,
    });
    expect(await (await routes.request("/records?limit=100&cursor=abc")).json()).toMatchObject({
      items: [{ id: "100" }],
      nextCursor: "abc",
    });
    for (const limit of ["0", "101", "1.5"]) {
      expect((await routes.request(`/records?limit=${limit}`)).status, limit).toBe(400);
    }
  });

  it("a versioned answer carries its version as the ETag, with the status asked for", async () => {
    const res = await routes.request("/records/let_01JD6Q3Z5K8X9V2M4N7P0R1S3T", { method: "POST" });
    expect(res.status).toBe(201);
    expect(res.headers.get("etag")).toBe('"3"');
  });

  it("an id is its kind's prefix and a ULID: longer, of another kind or malformed is a 400 naming it", async () => {
    for (const id of [
      "x".repeat(41),
      "not-an-id",
      "itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
      "let_01JD6Q3Z5K8X9V2M4N7P0R1S3",
    ]) {
      const res = await routes.request(`/records/${id}`, { method: "POST" });
      expect(res.status, id).toBe(400);
      expect(((await res.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe("param.id");
    }
  });

  it("documents the id with an example of its kind, and the page's shape", () => {
    const doc = routes.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "路由", version: "1" } });
    const create = doc.paths?.["/records/{id}"]?.post;
    expect(create?.parameters).toEqual([
      expect.objectContaining({
        name: "id",
        in: "path",
        schema: expect.objectContaining({ maxLength: 30, pattern: "^let_[0-9A-HJKMNP-TV-Z]{26}$" }),
      }),
    ]);
    expect(JSON.stringify(create?.parameters)).toContain('"example":"let_01JD6Q3Z5K8X9V2M4N7P0R1S3T"');
    const page = doc.paths?.["/records"]?.get?.responses?.["200"] as {
      content: { "application/json": { schema: { required: string[] } } };
    };
    expect(page.content["application/json"].schema.required).toEqual(["items", "nextCursor"]);
  });
});
