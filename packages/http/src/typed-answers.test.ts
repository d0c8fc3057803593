import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { type Document, untypedSchemas } from "./typed-answers.ts";

describe("an untyped answer is found", () => {
  it("control: a record of unknowns and a list of unknowns are found", () => {
    const app = new OpenAPIHono();
    const json = (schema: z.ZodType) => ({
      description: "控制",
      content: { "application/json": { schema } },
    });
    app.openapi(
      createRoute({
        method: "get",
        path: "/control",
        responses: {
          200: json(z.object({ list: z.array(z.unknown()), typed: z.record(z.string(), z.number()) })),
          410: json(z.record(z.string(), z.unknown())),
        },
      }),
      (c) => c.json({ list: [], typed: {} }, 200),
    );
    const doc = app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "控制", version: "1" } });
    expect(untypedSchemas(doc as unknown as Document)).toEqual([
      "GET /control 200 application/json.list.items",
      "GET /control 410 application/json",
    ]);
  });
});
