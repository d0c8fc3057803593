import { describePathParameters, describeTypedAnswers } from "@gov/http/frame-checks";
import { createNoticesApp } from "@gov/notices";
import { createPublishApp } from "@gov/publish";
import { createSupervisionApp } from "@gov/supervision";
import { describe, expect, it } from "vitest";
import { createPublicApp } from "./app.ts";
import { PublicHttpOptions } from "./http-behaviour.ts";
import { IntakeOptions } from "./intake-options.ts";

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
        // Bodies without text to exemplify: an optional note, only a level, none (a draft from
        // records), or addresses and keys (a unit's channels).
        if (
          body &&
          !["submit", "revise", "publication", "draft", "channels"].some((a) => path.endsWith(`/${a}`))
        ) {
          expect(body.schema, `${route.method} ${path}`).toBeDefined();
          expect(JSON.stringify(body.example ?? ""), `${route.method} ${path} example`).toMatch(chinese);
        }
      }
    });
  }
});

describeTypedAnswers("public", createPublicApp);
// Limits high enough that the walk over every route meets only the parameter checks.
describePathParameters("public", (deps) =>
  createPublicApp(deps, {
    ...PublicHttpOptions.parse({}),
    rateLimit: { requests: 10_000, windowSeconds: 60 },
    intake: IntakeOptions.parse({ rateLimit: { requests: 10_000, windowSeconds: 600 } }),
  }),
);
