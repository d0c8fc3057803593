import { idPrefixes } from "@gov/domain";
import type { Deps } from "@gov/http";
import { composeApps, type LocalStack } from "@gov/local";
import { createNoticesApp } from "@gov/notices";
import { createPublicApp, publicHttpOptionsFromEnv } from "@gov/public";
import { createPublishApp } from "@gov/publish";
import type { Store } from "@gov/store";
import { callsSince, countTable, tableStore } from "@gov/store/testing";
import { createSupervisionApp } from "@gov/supervision";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoTable } from "./demo-template.ts";
import { type Expected, hostileBodies, hostileParam, type Json } from "./hostile-shapes.ts";
import { startStack } from "./stack.ts";

/**
 * Property (issue 12): every write route of every app, found in the apps' own OpenAPI
 * documents so a new route is covered the day it is declared, answers hostile input (nesting,
 * size in bytes, refused characters, numbers at the edges, duplicate and prototype keys,
 * invalid UTF-8, malformed path parameters) with a 4xx problem+json naming the field, never a
 * 5xx, and writes nothing. Bodies are the route's own documented example with one hostile
 * piece at a random place, sent with a key that passes the route's role check (the office's,
 * which may do everything) and real ids from the demo, so the hostile piece is what is refused.
 *
 * "Writes nothing" is checked per request, where a failure names the route and the sample: no
 * put, update, delete or transaction reaches DynamoDB (stricter than a count, which misses an
 * update in place). The table's records are counted once around the whole file as well: a scan
 * of the demo costs ~0.4 s, per route it would be most of the file's time.
 */

/** Samples per shape per route (fewer of the megabyte ones): 30–38 a route, ~1,100 a run. */
const runs = (shape: string) => (/limit|record/.test(shape) ? 2 : 4);
/** Fixed, so a run is repeatable; fast-check prints it with the counterexample. */
const seed = 12;

/** The frame's body limit (packages/http) and the public intake's (ADR 0025). */
const frameLimit = 1024 * 1024;
const intakeLimit = 64 * 1024;

/**
 * The four apps as compose.ts mounts them, the public one without its per-client limits: the
 * samples all come from one client and would meet a 429 before validation (the limits have
 * tests of their own).
 */
const appsOver = (deps: Deps) => ({
  publish: createPublishApp(deps),
  public: createPublicApp(
    deps,
    publicHttpOptionsFromEnv({
      RATE_LIMIT_PER_MINUTE: "1000000",
      INTAKE_LIMIT_PER_10_MINUTES: "1000000",
      PUBLIC_CACHE_SECONDS: "0",
    }),
  ),
  notices: createNoticesApp(deps),
  supervision: createSupervisionApp(deps),
});
type Apps = ReturnType<typeof appsOver>;
type Base = keyof Apps;

type Parameter = { name: string; in: string; schema?: { example?: unknown } };
type Operation = {
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { example?: Json }> };
};
type Document = { paths: Record<string, Record<string, Operation>> };

type WriteRoute = {
  base: Base;
  method: string;
  path: string;
  anonymous: boolean;
  pathParams: Parameter[];
  idempotent: boolean;
  example: Json | undefined;
};

const writeMethods = ["post", "put", "patch", "delete"];

async function documents(apps: Apps) {
  return Promise.all(
    (Object.keys(apps) as Base[]).map(
      async (base) => [base, (await (await apps[base].request("/openapi.json")).json()) as Document] as const,
    ),
  );
}

// The documents come from the route declarations alone: no request reaches these deps.
const routes: WriteRoute[] = (await documents(appsOver({} as never))).flatMap(([base, doc]) =>
  Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => writeMethods.includes(method))
      .map(([method, op]) => ({
        base,
        method: method.toUpperCase(),
        path,
        anonymous: !op.security?.length,
        pathParams: (op.parameters ?? []).filter((p) => p.in === "path"),
        idempotent: (op.parameters ?? []).some((p) => p.in === "header" && p.name === "idempotency-key"),
        example: op.requestBody?.content?.["application/json"]?.example,
      })),
  ),
);

let stack: LocalStack;
let apps: Apps;
let officeKey: string;
/** The same table through a store the counting helper can read, and its records before any hostile request. */
let table: Store;
let records: number;
/** A real id of each prefix, read from the demo through the apps' own list routes. */
const realIds = new Map<string, string>();

beforeAll(async () => {
  stack = await startStack({ dataDir: undefined, seed: "demo", demo: "hostile-input" });
  apps = appsOver(stack.deps);
  table = tableStore(demoTable("hostile-input"));
  records = await countTable(table);
  officeKey = Object.values(stack.credentials).find((unit) => unit.keys.office)?.keys.office ?? "";
  for (const [base, doc] of await documents(apps)) {
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!operations.get || path.includes("{")) continue;
      const res = await apps[base].request(path, { headers: { authorization: `Bearer ${officeKey}` } });
      if (!res.headers.get("content-type")?.includes("json")) continue;
      for (const [, id, prefix] of (await res.text()).matchAll(/"(([a-z]+)_[0-9A-HJKMNP-TV-Z]{26})"/g)) {
        if (prefix && id && !realIds.has(prefix)) realIds.set(prefix, id);
      }
    }
  }
});
afterAll(async () => {
  table?.close();
  await stack?.stop();
});

/** A valid value of a path parameter: a real id of the documented example's kind, or the documented year. */
function validValue(param: Parameter): string {
  const example = String(param.schema?.example ?? "");
  const prefix = /^([a-z]+)_/.exec(example)?.[1];
  return prefix ? (realIds.get(prefix) ?? example) : example || "2019";
}

const urlOf = (route: WriteRoute, values: Record<string, string>) =>
  route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ""));

const named = (path: string, expected: Expected) =>
  "exact" in expected
    ? path === expected.exact
    : expected.within === "" ||
      path === expected.within ||
      path.startsWith(`${expected.within}.`) ||
      path.startsWith(`${expected.within}[`);

let sent = 0;

/** Sends one hostile request and checks the answer: 4xx problem+json naming the field, and no write to the table. */
async function refused(
  route: WriteRoute,
  url: string,
  body: string | Uint8Array | undefined,
  expected: Expected,
  label: string,
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (!route.anonymous) headers.authorization = `Bearer ${officeKey}`;
  // A fresh Idempotency-Key: a refused request must leave no idempotency record behind.
  if (route.idempotent) headers["idempotency-key"] = `hostile-${process.pid}-${++sent}`;
  const writes = callsSince(stack.deps.store);
  const res = await apps[route.base].request(url, { method: route.method, headers, body: body ?? null });
  const answer = await res.text();
  const shown = url.length > 120 ? `${url.slice(0, 100)}…(${url.length})` : url;
  const what = `${route.method} /${route.base}${shown} with ${label} → ${res.status} ${answer.slice(0, 400)}`;
  expect(res.status, what).toBeGreaterThanOrEqual(400);
  expect(res.status, what).toBeLessThan(500);
  expect(res.headers.get("content-type"), what).toMatch(/^application\/problem\+json/);
  const paths = ((JSON.parse(answer) as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);
  expect(
    paths.some((path) => named(path, expected)),
    `${what}\nexpected a field path ${JSON.stringify(expected)}`,
  ).toBe(true);
  expect(
    Object.keys(writes()).filter((command) => /Put|Update|Delete|Write/.test(command)),
    what,
  ).toEqual([]);
}

describe("issue 12 hostile input: every write route answers 4xx problem+json with the field path, never 5xx, and writes nothing", () => {
  it("covers every app the local server composes, and every write route in their documents", () => {
    const mounted = new Set(composeApps(stack.deps).routes.map((r) => r.path.split("/")[1]));
    // The stack's own reads at the root: health, robots.txt, the site map and the redirects to the portal.
    for (const own of ["healthz", "robots.txt", "sitemap.xml", ""]) mounted.delete(own);
    expect([...mounted].sort()).toEqual(Object.keys(apps).sort());
    expect(routes.length).toBeGreaterThan(25);
  });

  for (const route of routes) {
    it(`${route.method} /${route.base}${route.path}${route.anonymous ? " (anonymous)" : ""}`, async () => {
      const valid = Object.fromEntries(route.pathParams.map((p) => [p.name, validValue(p)]));
      const url = urlOf(route, valid);
      const limit = route.anonymous && route.method === "POST" ? intakeLimit : frameLimit;
      for (const [shape, bodies] of Object.entries(hostileBodies(route.example ?? {}, limit))) {
        await fc.assert(
          fc.asyncProperty(bodies, (b) => refused(route, url, b.body, b.expected, `${shape}: ${b.label}`)),
          { numRuns: runs(shape), seed },
        );
      }
      const body = route.example === undefined ? undefined : JSON.stringify(route.example);
      for (const param of route.pathParams) {
        await fc.assert(
          fc.asyncProperty(
            hostileParam(valid[param.name] ?? "", Object.values(idPrefixes)),
            ({ value, label }) =>
              refused(
                route,
                urlOf(route, { ...valid, [param.name]: value }),
                body,
                { exact: `param.${param.name}` },
                `{${param.name}} = ${label}`,
              ),
          ),
          { numRuns: 6, seed },
        );
      }
    });
  }

  it("after every route: the table holds as many records as before the first hostile request", async () => {
    expect(await countTable(table)).toBe(records);
  });
});
