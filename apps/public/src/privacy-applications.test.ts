import { general, publishHarness } from "@gov/publish/testing";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPublicApp } from "./app.ts";
import { PublicHttpOptions } from "./http-behaviour.ts";

/**
 * Personal data submitted through the public intakes. Each fixture posts one submission and
 * lists the values that must never come back out of any public route, header or log line.
 * Letters and comments have their own walk in privacy-letters.test.ts.
 */
type PersonalDataFixture = {
  name: string;
  path: string;
  body: (unitCode: string) => unknown;
  personalData: string[];
};

const fixtures: PersonalDataFixture[] = [
  {
    name: "application by a natural person",
    path: "/public/v1/applications",
    body: (unitCode) => ({
      unitCode,
      applicant: {
        type: "natural-person",
        name: "欧阳隐私甲",
        idNumber: "36042919850612731X",
        phone: "13712345678",
        email: "ouyang.private@example.org",
        address: "江西省共青城市隐私路88号3单元",
      },
      description: "申请公开2026年城区排水管网改造的设计文件",
    }),
    personalData: [
      "欧阳隐私甲",
      "36042919850612731X",
      "13712345678",
      "ouyang.private@example.org",
      "隐私路88号",
    ],
  },
  {
    name: "application by an organisation",
    path: "/public/v1/applications",
    body: (unitCode) => ({
      unitCode,
      applicant: {
        type: "legal-person",
        orgKind: "legal-services",
        name: "隐秘律师事务所",
        idNumber: "91360429MA3PRIV001",
        phone: "0792-8765432",
        email: "office@secret-law.example",
      },
      description: "申请公开某行政处罚决定书",
    }),
    personalData: ["隐秘律师事务所", "91360429MA3PRIV001", "0792-8765432", "office@secret-law.example"],
  },
];

const personalData = fixtures.flatMap((f) => f.personalData);

type OpenApi = {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean }[] }>>;
};

let h: Awaited<ReturnType<typeof publishHarness>>;
let publicApp: Hono;
const logged: string[] = [];
const receipts: { trackingCode: string; secret: string }[] = [];
const checked: string[] = [];

beforeAll(async () => {
  for (const level of ["log", "info", "warn", "error"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    });
  }
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  publicApp = new Hono().route(
    "/public",
    createPublicApp(h.deps, PublicHttpOptions.parse({ cacheSeconds: 10 })),
  );
  const dept = await h.unit("000000951");
  await dept.publish(general("隐私检查用的已公开信息"));
  for (const fixture of fixtures) {
    const res = await publicApp.request(fixture.path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(fixture.body(dept.code)),
    });
    expect(res.status, fixture.name).toBe(201);
    const body = (await res.json()) as { trackingCode: string; secret: string };
    if (body.trackingCode) receipts.push(body);
    assertClean(`POST ${fixture.path}`, JSON.stringify(body), res.headers);
  }
  // Staff handle one of them, so answered states and statistics are exercised too.
  const list = await h.call("GET", "/applications", dept.editor);
  const first = (list.body.items as { id: string }[])[0];
  await h.call("POST", `/applications/${first?.id}/events`, dept.editor, {
    type: "respond",
    on: "2026-03-02",
    responseType: "disclosed",
  });
});

afterAll(() => vi.restoreAllMocks());

function assertClean(what: string, body: string, headers: Headers) {
  const text = `${body}\n${[...headers.entries()].map(([k, v]) => `${k}: ${v}`).join("\n")}`;
  for (const value of personalData) expect(text.includes(value), `${what} reveals ${value}`).toBe(false);
  checked.push(what);
}

/** Example values for path and query parameters, from the data the test created. */
function exampleValue(name: string, itemId: string, unitCode: string): string | undefined {
  const values: Record<string, string> = {
    indexNumberOrId: itemId,
    columnId: "decision",
    unitCode,
    unit: unitCode,
    year: "2026",
  };
  return values[name];
}

describe("no public answer carries an applicant's personal data", () => {
  it("every GET route of the OpenAPI document, every export and feed, with and without filters", async () => {
    const doc = (await (await publicApp.request("/public/openapi.json")).json()) as OpenApi;
    const items = (await (await publicApp.request("/public/v1/items")).json()) as { items: { id: string }[] };
    const itemId = items.items[0]?.id ?? "";
    const unitCode = "000000951";
    let routes = 0;
    for (const [template, operations] of Object.entries(doc.paths)) {
      const operation = operations.get;
      if (!operation) continue;
      routes += 1;
      const params = operation.parameters ?? [];
      const trackingCodes = template.includes("{trackingCode}") ? receipts.map((r) => r.trackingCode) : [""];
      for (const code of trackingCodes) {
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
          name === "trackingCode" ? code : (exampleValue(name, itemId, unitCode) ?? name),
        );
        const required = params.filter((p) => p.in === "query" && p.required);
        const all = params.filter(
          (p) => p.in === "query" && exampleValue(p.name, itemId, unitCode) !== undefined,
        );
        for (const query of [required, all]) {
          const search = new URLSearchParams(
            query.map((p): [string, string] => [p.name, exampleValue(p.name, itemId, unitCode) ?? ""]),
          );
          const url = `/public${path}${search.size ? `?${search}` : ""}`;
          const secret = receipts.find((r) => r.trackingCode === code)?.secret;
          const variants: Record<string, string>[] = secret
            ? [{}, { authorization: `Bearer ${secret}` }]
            : [{}];
          for (const headers of variants) {
            const res = await publicApp.request(url, { headers });
            expect(res.status, url).toBeLessThan(500);
            assertClean(`GET ${url}`, await res.text(), res.headers);
          }
        }
      }
    }
    expect(routes).toBeGreaterThanOrEqual(10);
    // The status route answered with its secret, so a leak there would have been seen.
    expect(checked.some((c) => c.includes("/v1/applications/YSQ"))).toBe(true);
  });

  it("no log line written during the run carries personal data", () => {
    const all = logged.join("\n");
    for (const value of personalData) expect(all.includes(value), `a log line reveals ${value}`).toBe(false);
  });
});
