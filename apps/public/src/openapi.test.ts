import { createNoticesApp } from "@gov/notices";
import { createPublishApp } from "@gov/publish";
import { createSupervisionApp } from "@gov/supervision";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { createPublicApp } from "./app.ts";

type Operation = {
  summary?: string;
  requestBody?: { content: Record<string, { schema?: unknown; example?: unknown }> };
  responses: Record<string, unknown>;
};

const apps = {
  publish: createPublishApp,
  public: createPublicApp,
  notices: createNoticesApp,
  supervision: createSupervisionApp,
};
const chinese = /[\u4e00-\u9fa5]/;

describe("the OpenAPI documents describe every route", () => {
  for (const [name, create] of Object.entries(apps)) {
    it(`${name}: every operation has a Chinese summary and responses; every JSON body has a schema and an example`, async () => {
      const app = create({} as never);
      const doc = (await (await app.request("/openapi.json")).json()) as {
        paths: Record<string, Record<string, Operation>>;
      };
      const routes = app.routes.filter((r) => r.path.startsWith("/v1/") && r.method !== "ALL");
      for (const route of routes) {
        const path = route.path.replace(/:(\w+)/g, "{$1}");
        const operation = doc.paths[path]?.[route.method.toLowerCase()];
        expect(operation, `${route.method} ${path}`).toBeDefined();
        expect(operation?.summary ?? "", `${route.method} ${path}`).toMatch(chinese);
        expect(Object.keys(operation?.responses ?? {}).length).toBeGreaterThan(0);
        const body = operation?.requestBody?.content["application/json"];
        if (body && !["submit", "revise"].some((a) => path.endsWith(`/${a}`))) {
          expect(body.schema, `${route.method} ${path}`).toBeDefined();
          expect(JSON.stringify(body.example ?? ""), `${route.method} ${path} example`).toMatch(chinese);
        }
      }
    });
  }
});

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  [key: string]: unknown;
};
type Document = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components?: { schemas?: Record<string, Schema> };
};

/** Keys that say nothing of a value's shape: a schema with only these accepts anything. */
const annotations = new Set(["description", "example", "examples", "title", "default", "deprecated"]);
const empty = (schema: Schema) => Object.keys(schema).every((key) => annotations.has(key));
const untypedRecord = (schema: Schema) =>
  schema.type === "object" &&
  schema.properties === undefined &&
  (schema.additionalProperties === undefined ||
    schema.additionalProperties === true ||
    (typeof schema.additionalProperties === "object" && empty(schema.additionalProperties)));

/** The schemas directly inside one: its properties by name, anything else by its key. */
function inner(schema: Schema, at: string): [string, unknown][] {
  return Object.entries(schema)
    .filter(([key]) => !annotations.has(key))
    .flatMap(([key, value]): [string, unknown][] => {
      if (key === "properties") return Object.entries(value as object).map(([n, p]) => [`${at}.${n}`, p]);
      if (Array.isArray(value)) return value.map((v, i) => [`${at}.${key}[${i}]`, v]);
      return [[`${at}.${key}`, value]];
    });
}

/** Where a response schema, or any schema inside it, says nothing of what is returned. */
function untypedSchemas(doc: Document): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (at: string, schema: unknown): void => {
    if (typeof schema !== "object" || schema === null) return;
    const { $ref } = schema as Schema;
    if ($ref !== undefined) {
      if (!seen.has($ref)) {
        seen.add($ref);
        visit($ref, doc.components?.schemas?.[$ref.replace("#/components/schemas/", "")]);
      }
    } else if (empty(schema as Schema) || untypedRecord(schema as Schema)) found.push(at);
    else for (const [where, child] of inner(schema as Schema, at)) visit(where, child);
  };
  for (const [path, operations] of Object.entries(doc.paths))
    for (const [method, operation] of Object.entries(operations))
      for (const [status, response] of Object.entries(operation.responses))
        for (const [type, media] of Object.entries(response.content ?? {}))
          visit(`${method.toUpperCase()} ${path} ${status} ${type}`, media.schema);
  return found;
}

/** Declared in consultations.ts, which is being rewritten; the route kit's next pass types them. */
const awaitingTheKit = new Set([
  "#/components/schemas/PublicConsultation",
  "GET /v1/stats/consultations 200 application/json",
]);

describe("the public document describes what each answer holds", () => {
  it("no response schema is an untyped record or an empty schema", async () => {
    const doc = (await (await createPublicApp({} as never).request("/openapi.json")).json()) as Document;
    expect(untypedSchemas(doc).filter((at) => !awaitingTheKit.has(at))).toEqual([]);
  });

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
