import { itemSize } from "@gov/domain";
import { countTable } from "@gov/store/testing";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { clearReview, general, type Json, normative, publishHarness } from "./test-client.ts";

/**
 * Property: a body that is wrong for its route is refused with a 4xx problem (a 400 with
 * field paths when it was JSON at all), never a 5xx, and nothing is written. Each route is
 * called on an item in the state it accepts and with a correct If-Match, so the body is the
 * only thing wrong. Every generated body is invalid by construction: a valid base body
 * with one sure violation, a JSON value that is not an object, or text that is not JSON.
 */

type H = Awaited<ReturnType<typeof publishHarness>>;
type Unit = Awaited<ReturnType<H["unit"]>>;
let h: H;
let dept: Unit;
const setUp: Record<"draft" | "submitted" | "published" | "normative", Json> = {} as never;

/** 150 per route × 8 routes = 1,200 bodies a run; FC_RUNS=2000 for a deeper search. */
const numRuns = Number(process.env.FC_RUNS ?? 150);
const ITEM_ID = /^itm_[0-9A-HJKMNP-TV-Z]{26}$/;
const ISO_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  dept = await h.unit("000000801");
  setUp.draft = await dept.draft(general("畸形请求测试：草稿"));
  const submitted = await dept.draft(general("畸形请求测试：待审核"));
  setUp.submitted = await dept.submit(submitted.id);
  setUp.published = await dept.publish(general("畸形请求测试：已发布"));
  setUp.normative = await dept.publish(normative("共府办发〔2026〕81号"));
});

// ---------------------------------------------------------------------------------------
// What a field accepts, and values it surely does not.

type Field =
  | { t: "text"; max: number }
  | { t: "string"; min: number; max: number }
  | { t: "date" }
  | { t: "id" }
  | { t: "enum"; values: readonly string[] }
  | { t: "bool" }
  | { t: "int"; min: number; max: number }
  | { t: "array"; of: Field; max: number; sample: (i: number) => unknown }
  | { t: "object"; shape: Record<string, Field>; sample: Record<string, unknown> };

const anyJson = fc.jsonValue({ maxDepth: 2 });
const someObject = fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 3 });
const someArray = fc.array(anyJson, { maxLength: 3 });
const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
const notString = fc.oneof(
  fc.integer(),
  finiteDouble,
  fc.boolean(),
  fc.constant(null),
  someArray,
  someObject,
);
const notArray = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), someObject);
const notObject = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), someArray);
const nonBlankChar = fc.constantFrom("字", "政", "a", "Z", "9", "〔", "-");

/** Empty once trimmed: zod's trim removes every Unicode space. */
const blank = fc.string({ unit: fc.constantFrom(" ", "\t", "\n", "\u3000", "\u00a0"), maxLength: 8 });

function overLong(max: number): fc.Arbitrary<string> {
  // Very long limits (the body's, in bytes: ADR 0039) get one fixed ASCII string instead of a
  // generated one, small enough in bytes to stay under the 1 MB body limit.
  if (max > 5000) return fc.constant("x".repeat(max + 1));
  return fc.string({ unit: nonBlankChar, minLength: max + 1, maxLength: max + 20 });
}

const badDate = fc.oneof(
  fc.constantFrom(
    "2026-02-30",
    "2026-02-29",
    "2025-02-29",
    "2026-04-31",
    "2026-06-31",
    "2026-09-31",
    "2026-11-31",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-01-32",
    "yesterday",
    "today",
    "2026/03/01",
    "2026-3-1",
    "26-03-01",
    "20260301",
    "2026-03-01T00:00:00Z",
    " 2026-03-01",
    "2026-03-01 ",
    "二〇二六年三月一日",
    "",
  ),
  fc
    .record({
      y: fc.integer({ min: 2000, max: 2100 }),
      m: fc.integer({ min: 13, max: 99 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => `${y}-${m}-${String(d).padStart(2, "0")}`),
  fc
    .record({
      y: fc.integer({ min: 2000, max: 2100 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 32, max: 99 }),
    })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${d}`),
  fc.string({ maxLength: 12 }).filter((s) => !ISO_DATE_SHAPE.test(s)),
);

const ulidChar = fc.constantFrom(..."0123456789ABCDEFGHJKMNPQRSTVWXYZ");
const badId = fc
  .oneof(
    fc.string({ unit: ulidChar, minLength: 0, maxLength: 25 }).map((s) => `itm_${s}`),
    fc.string({ unit: ulidChar, minLength: 27, maxLength: 30 }).map((s) => `itm_${s}`),
    fc.string({ unit: ulidChar, minLength: 26, maxLength: 26 }).map((s) => `key_${s}`),
    fc.string({ unit: ulidChar, minLength: 26, maxLength: 26 }).map((s) => `itm_${s.toLowerCase()}`),
    fc
      .tuple(
        fc.string({ unit: ulidChar, minLength: 25, maxLength: 25 }),
        fc.constantFrom("I", "L", "O", "U", "_", "-"),
      )
      .map(([s, c]) => `itm_${s}${c}`),
    fc.string({ maxLength: 40 }),
  )
  .filter((s) => !ITEM_ID.test(s));

const validId = (i: number) =>
  `itm_${"0".repeat(24)}${"0123456789ABCDEFGHJKMNPQRSTVWXYZ"[i % 32]}${"ABCD"[i % 4]}`;

/** A value the field surely refuses. */
function invalid(f: Field): fc.Arbitrary<unknown> {
  switch (f.t) {
    case "text":
      return fc.oneof(notString, blank, overLong(f.max));
    case "string":
      return f.min > 0
        ? fc.oneof(notString, fc.constant(""), overLong(f.max))
        : fc.oneof(notString, overLong(f.max));
    case "date":
      return fc.oneof(notString, badDate);
    case "id":
      return fc.oneof(notString, badId);
    case "enum":
      return fc.oneof(
        notString,
        fc.string({ maxLength: 20 }).filter((s) => !f.values.includes(s)),
        fc.constantFrom(...f.values.map((v) => v.toUpperCase()), ...f.values.map((v) => ` ${v}`)),
      );
    case "bool":
      return fc.oneof(
        fc.constantFrom("true", "false", "1", "0", "yes", "no", ""),
        fc.string(),
        fc.integer(),
        fc.constant(null),
        someArray,
        someObject,
      );
    case "int":
      return fc.oneof(
        fc.constantFrom(String(f.min), String(f.max), "2026"),
        fc.string(),
        fc.boolean(),
        fc.constant(null),
        someArray,
        someObject,
        fc.integer({ min: f.max + 1 }),
        fc.integer({ max: f.min - 1 }),
        finiteDouble.filter((n) => !Number.isInteger(n)),
      );
    case "array": {
      const { of, max, sample } = f;
      return fc.oneof(
        notArray,
        fc.integer({ min: max + 1, max: max + 5 }).map((n) => Array.from({ length: n }, (_, i) => sample(i))),
        fc.tuple(fc.nat({ max: Math.min(max - 1, 3) }), invalid(of), fc.nat()).map(([n, bad, at]) => {
          const items: unknown[] = Array.from({ length: n }, (_, i) => sample(i));
          items.splice(at % (n + 1), 0, bad);
          return items;
        }),
      );
    }
    case "object": {
      const { shape, sample } = f;
      const keys = Object.keys(shape);
      return fc.oneof(
        notObject,
        fc.constantFrom(...keys).map((k) => omit(sample, k)),
        fc
          .tuple(
            fc.string({ maxLength: 16 }).filter((k) => !keys.includes(k)),
            anyJson,
          )
          .map(([k, v]) => withKey(sample, k, v)),
        fc.constantFrom(...keys).chain((k) => invalid(shape[k] as Field).map((v) => withKey(sample, k, v))),
      );
    }
  }
}

function omit(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = body;
  return rest;
}

/** Sets the key as an own property, even `__proto__`, so JSON.stringify sends it. */
function withKey(body: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...body };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

// ---------------------------------------------------------------------------------------
// The schemas of the routes, as the tests see them.

const text = (max: number): Field => ({ t: "text", max });
const date: Field = { t: "date" };
/**
 * An attachment's mediaType, sha256 and url are patterns; they are modelled as one accepted
 * value, and `safeInvalid` generates only non-strings for them (sure to be refused).
 */
const attachmentSample = {
  name: "附件.pdf",
  mediaType: "application/pdf",
  size: 10,
  sha256: "0".repeat(64),
  url: "https://example.gov.cn/a.pdf",
};
const attachment: Field = {
  t: "object",
  shape: {
    name: text(200),
    mediaType: { t: "enum", values: ["application/pdf"] },
    size: { t: "int", min: 0, max: 2_000_000_000 },
    sha256: { t: "enum", values: ["0".repeat(64)] },
    url: { t: "enum", values: ["https://example.gov.cn/a.pdf"] },
  },
  sample: attachmentSample,
};

/** The fields every kind shares (item.ts `common`). */
const common: Record<string, Field> = {
  title: text(300),
  columnId: { t: "string", min: 1, max: 64 },
  body: { t: "string", min: 0, max: itemSize.contentBytes },
  generatedOn: date,
  docNumber: text(100),
  summary: text(2000),
  keywords: { t: "array", of: text(30), max: 20, sample: (i) => `关键词${i}` },
  category: text(50),
  disclosureMethod: { t: "enum", values: ["proactive", "on-request"] },
  timeLimit: text(30),
  scope: text(30),
  attachments: { t: "array", of: attachment, max: 50, sample: () => attachmentSample },
  relatedItemIds: { t: "array", of: { t: "id" }, max: 20, sample: validId },
};

const normativeFields: Record<string, Field> = {
  docNumber: text(100),
  unifiedNumber: text(60),
  issuingOrgan: text(100),
  effectiveOn: date,
  filing: {
    t: "object",
    shape: {
      filedWith: text(100),
      filedOn: date,
      result: { t: "enum", values: ["pending", "passed", "corrected", "rejected"] },
    },
    sample: { filedWith: "共青城市司法局", filedOn: "2026-02-28", result: "passed" },
  },
};
const budgetFields: Record<string, Field> = {
  fiscalYear: { t: "int", min: 2000, max: 2100 },
  budgetType: { t: "enum", values: ["budget", "final-accounts"] },
  approvedOn: date,
  includesThreePublic: { t: "bool" },
};
const kinds = ["general", "normative", "interpretation", "budget", "project", "meeting", "audit"];
/** Every kind-specific field name: on a kind that lacks it, it is an unknown key. */
const kindSpecific = [
  ...Object.keys(normativeFields),
  "interprets",
  "form",
  ...Object.keys(budgetFields),
  "projectName",
  "projectCode",
  "stage",
  "meetingName",
  "heldOn",
  "auditedEntity",
  "auditYear",
];
/** What the server owns: never accepted from a client. */
const serverOwned = [
  "id",
  "unitCode",
  "state",
  "indexNumber",
  "version",
  "edition",
  "createdAt",
  "updatedAt",
  "submittedAt",
  "publishedAt",
  "firstPublishedAt",
  "review",
  "rejection",
  "withdrawal",
  "validity",
  "validityHistory",
  "timeliness",
  "revision",
  "reviewerUnitCode",
  "reviewerKeyId",
  "reviewedAt",
  "kind",
  "links",
];
const oddKeys = ["__proto__", "constructor", "prototype", "toString", "", " ", "Title", "title ", "$where"];

/** One valid body of a route and the fields it may carry. */
type Shape = { body: Record<string, unknown>; fields: Record<string, Field>; required: string[] };

const budget = {
  kind: "budget",
  title: "共青城市财政局2026年部门预算",
  columnId: "fiscal-budget-departments",
  body: "<p>含“三公”经费</p>",
  generatedOn: "2026-02-01",
  fiscalYear: 2026,
  budgetType: "budget",
  approvedOn: "2026-02-20",
  includesThreePublic: true,
};
const kindField: Field = { t: "enum", values: kinds };
const createShapes: Shape[] = [
  {
    body: general("畸形请求测试：新建"),
    fields: { kind: kindField, ...common },
    required: ["kind", "title", "columnId", "body", "generatedOn"],
  },
  {
    body: normative("共府办发〔2026〕82号"),
    fields: { kind: kindField, ...common, ...normativeFields },
    required: [
      "kind",
      "title",
      "columnId",
      "body",
      "generatedOn",
      "docNumber",
      "issuingOrgan",
      "effectiveOn",
    ],
  },
  {
    body: budget,
    fields: { kind: kindField, ...common, ...budgetFields },
    required: ["kind", "title", "columnId", "body", "generatedOn", ...Object.keys(budgetFields)],
  },
];
const patchShapes: Shape[] = [
  { body: { title: "畸形请求测试：改后标题" }, fields: common, required: [] },
  { body: { summary: "摘要", keywords: ["政务公开"] }, fields: common, required: [] },
];
const noteShapes: Shape[] = [
  { body: {}, fields: { note: text(500) }, required: [] },
  { body: { note: "请审核" }, fields: { note: text(500) }, required: [] },
];
const reasonShapes: Shape[] = [
  { body: { reason: "附件缺少盖章扫描件" }, fields: { reason: text(500) }, required: ["reason"] },
];
const reviewField: Field = {
  t: "object",
  shape: {
    stateSecret: { t: "bool" },
    personalPrivacy: { t: "bool" },
    tradeSecret: { t: "bool" },
    otherSensitive: { t: "bool" },
  },
  sample: clearReview.review,
};
const approveShapes: Shape[] = [
  { body: clearReview, fields: { review: reviewField, note: text(500) }, required: ["review"] },
  {
    body: { ...clearReview, note: "同意发布" },
    fields: { review: reviewField, note: text(500) },
    required: ["review"],
  },
];
const validityFields: Record<string, Field> = {
  status: { t: "enum", values: ["amended", "repealed", "expired"] },
  on: date,
  reason: text(500),
  byItemId: { t: "id" },
};
const validityShapes: Shape[] = [
  {
    body: { status: "expired", on: "2026-03-01", reason: "有效期届满" },
    fields: validityFields,
    required: ["status", "on", "reason"],
  },
  {
    body: { status: "amended", on: "2026-03-02", reason: "部分条款修改", byItemId: validId(7) },
    fields: validityFields,
    required: ["status", "on", "reason"],
  },
];

/**
 * Pattern-checked attachment fields are modelled as one-value enums; only their
 * non-string invalid values are certain, so strings are not generated for them.
 */
function safeInvalid(f: Field): fc.Arbitrary<unknown> {
  if (f.t === "object" && f === attachment) {
    const { shape, sample } = f;
    const patterned = ["mediaType", "sha256", "url"];
    return fc.oneof(
      notObject,
      fc.constantFrom(...Object.keys(shape)).map((k) => omit(sample, k)),
      fc
        .tuple(
          fc.string({ maxLength: 16 }).filter((k) => !(k in shape)),
          anyJson,
        )
        .map(([k, v]) => withKey(sample, k, v)),
      fc.constantFrom(...patterned).chain((k) => notString.map((v) => withKey(sample, k, v))),
      fc
        .constantFrom("name", "size")
        .chain((k) => invalid(shape[k] as Field).map((v) => withKey(sample, k, v))),
    );
  }
  if (f.t === "array" && f.of === attachment) {
    const { max, sample } = f;
    return fc.oneof(
      notArray,
      fc.integer({ min: max + 1, max: max + 3 }).map((n) => Array.from({ length: n }, (_, i) => sample(i))),
      safeInvalid(attachment).map((bad) => [attachmentSample, bad]),
    );
  }
  return invalid(f);
}

/** A route's body with one sure violation. */
function brokenObject(shapes: Shape[], emptyAllowed: boolean): fc.Arbitrary<Record<string, unknown>> {
  const perShape = shapes.map(({ body, fields, required }) => {
    const allowed = Object.keys(fields);
    const unknownKey = fc
      .oneof(fc.constantFrom(...serverOwned, ...kindSpecific, ...oddKeys), fc.string({ maxLength: 20 }))
      .filter((k) => !allowed.includes(k));
    const options: fc.Arbitrary<Record<string, unknown>>[] = [
      fc.tuple(unknownKey, anyJson).map(([k, v]) => withKey(body, k, v)),
      fc
        .constantFrom(...allowed)
        .chain((k) => safeInvalid(fields[k] as Field).map((v) => withKey(body, k, v))),
    ];
    if (required.length > 0) options.push(fc.constantFrom(...required).map((k) => omit(body, k)));
    return fc.oneof(...options);
  });
  const weighted = perShape.map((arbitrary) => ({ weight: 4, arbitrary }));
  return emptyAllowed
    ? fc.oneof(...weighted)
    : fc.oneof(...weighted, { weight: 1, arbitrary: fc.constant({}) });
}

// ---------------------------------------------------------------------------------------
// Bodies as sent: JSON that breaks the schema, or text that is not JSON at all.

type Sent = { json: boolean; text: string };

function sent(json: boolean, text: string): Sent {
  const shown = text.length > 300 ? `${text.slice(0, 300)}…(${text.length} chars)` : text;
  return Object.assign(
    { json, text },
    { [fc.toStringMethod]: () => `${json ? "JSON" : "not JSON"}: ${shown}` },
  );
}

/** What Request.json() would parse: it drops a leading BOM, so a BOM-prefixed "{}" is JSON. */
function parses(text: string): boolean {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ""));
    return true;
  } catch {
    return false;
  }
}

const nonObjectJson = fc
  .oneof(someArray, fc.integer(), finiteDouble, fc.string(), fc.boolean(), fc.constant(null))
  .map((v) => sent(true, JSON.stringify(v)));

function notJson(shapes: Shape[]): fc.Arbitrary<Sent> {
  const valid = shapes.map((s) => JSON.stringify(s.body));
  return fc
    .oneof(
      fc.constantFrom(
        "",
        "{",
        "}",
        "{'reason':'x'}",
        '{"a":1,}',
        "[1,2",
        "reason=x&note=y",
        "undefined",
        "NaN",
        "Infinity",
        '{"title":"x"} {"title":"y"}',
        "<xml/>",
        "\u0000",
        '{"note":"\u0001"',
      ),
      fc.tuple(fc.constantFrom(...valid), fc.nat()).map(([v, n]) => v.slice(0, n % v.length)),
      fc
        .tuple(fc.constantFrom(...valid), fc.constantFrom(",", "}", "garbage", "'"))
        .map(([v, tail]) => v + tail),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: "binary", maxLength: 20 }),
    )
    .filter((text) => !parses(text))
    .map((text) => sent(false, text));
}

function malformed(shapes: Shape[], emptyAllowed: boolean): fc.Arbitrary<Sent> {
  return fc.oneof(
    { weight: 1, arbitrary: nonObjectJson },
    { weight: 1, arbitrary: notJson(shapes) },
    { weight: 6, arbitrary: brokenObject(shapes, emptyAllowed).map((o) => sent(true, JSON.stringify(o))) },
  );
}

// ---------------------------------------------------------------------------------------
// Sending and checking.

async function send(
  method: string,
  path: string,
  key: string,
  text: string,
  headers: Record<string, string> = {},
) {
  const res = await h.app.request(`/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers },
    body: text,
  });
  const raw = await res.text();
  let body: unknown = raw;
  try {
    body = JSON.parse(raw);
  } catch {}
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", body };
}

type Answer = Awaited<ReturnType<typeof send>>;

function expectRefused(answer: Answer, request: Sent) {
  const shown = `${answer.status} ${JSON.stringify(answer.body)}`;
  expect(answer.status, shown).toBeGreaterThanOrEqual(400);
  expect(answer.status, shown).toBeLessThan(500);
  expect(answer.contentType, shown).toContain("application/problem+json");
  const problem = answer.body as { status?: unknown; type?: unknown; errors?: unknown };
  expect(problem.status, shown).toBe(answer.status);
  expect(String(problem.type), shown).toMatch(/^\/problems\//);
  if (!request.json) return;
  // JSON that breaks the schema: a 400 naming each offending field.
  expect(answer.status, shown).toBe(400);
  expect(Array.isArray(problem.errors), shown).toBe(true);
  const errors = problem.errors as { path?: unknown; message?: unknown }[];
  expect(errors.length, shown).toBeGreaterThan(0);
  for (const error of errors) {
    expect(typeof error.path === "string" && error.path.length > 0, `empty path: ${shown}`).toBe(true);
    expect(typeof error.message === "string" && error.message.length > 0, shown).toBe(true);
  }
}

const tableCount = () => countTable(h.store);

async function snapshot() {
  const items = await Promise.all(
    Object.values(setUp).map((i) => h.store.items.get(i.id, { consistent: true })),
  );
  const histories = await Promise.all(Object.values(setUp).map((i) => h.store.items.history(i.id)));
  return { rows: await tableCount(), items, historyLengths: histories.map((e) => e.length) };
}

type Route = {
  rule: string;
  method: string;
  path: () => string;
  key: () => string;
  headers?: () => Record<string, string>;
  shapes: Shape[];
  emptyAllowed: boolean;
};

const routes: Route[] = [
  {
    rule: "POST /items",
    method: "POST",
    path: () => "/items",
    key: () => dept.editor,
    shapes: createShapes,
    emptyAllowed: false,
  },
  {
    rule: "PATCH /items/{id} (with a correct If-Match)",
    method: "PATCH",
    path: () => `/items/${setUp.draft.id}`,
    key: () => dept.editor,
    headers: () => ({ "if-match": `"${setUp.draft.version}"` }),
    shapes: patchShapes,
    emptyAllowed: false,
  },
  {
    rule: "POST /items/{id}/submit (a draft)",
    method: "POST",
    path: () => `/items/${setUp.draft.id}/submit`,
    key: () => dept.editor,
    shapes: noteShapes,
    emptyAllowed: true,
  },
  {
    rule: "POST /items/{id}/reject (a submitted item)",
    method: "POST",
    path: () => `/items/${setUp.submitted.id}/reject`,
    key: () => dept.reviewer,
    shapes: reasonShapes,
    emptyAllowed: false,
  },
  {
    rule: "POST /items/{id}/approve (a submitted item)",
    method: "POST",
    path: () => `/items/${setUp.submitted.id}/approve`,
    key: () => dept.reviewer,
    shapes: approveShapes,
    emptyAllowed: false,
  },
  {
    rule: "POST /items/{id}/revise (a published item)",
    method: "POST",
    path: () => `/items/${setUp.published.id}/revise`,
    key: () => dept.editor,
    shapes: noteShapes,
    emptyAllowed: true,
  },
  {
    rule: "POST /items/{id}/withdraw (a published item)",
    method: "POST",
    path: () => `/items/${setUp.published.id}/withdraw`,
    key: () => dept.reviewer,
    shapes: reasonShapes,
    emptyAllowed: false,
  },
  {
    rule: "POST /items/{id}/validity (a published normative document)",
    method: "POST",
    path: () => `/items/${setUp.normative.id}/validity`,
    key: () => dept.reviewer,
    shapes: validityShapes,
    emptyAllowed: false,
  },
];

describe("malformed bodies: refused as 4xx problems, never 5xx, and nothing is stored", () => {
  for (const route of routes) {
    it(`every malformed body to ${route.rule} is a 4xx problem with field paths and stores nothing`, async () => {
      const before = await snapshot();
      let sentCount = 0;
      await fc.assert(
        fc.asyncProperty(malformed(route.shapes, route.emptyAllowed), async (request) => {
          sentCount += 1;
          const answer = await send(
            route.method,
            route.path(),
            route.key(),
            request.text,
            route.headers?.() ?? {},
          );
          expectRefused(answer, request);
        }),
        { numRuns },
      );
      expect(sentCount).toBeGreaterThanOrEqual(numRuns);
      expect(await snapshot()).toEqual(before);
    });
  }

  // Control: the generators only break valid bodies, and these are the bodies they break.
  it("the unbroken base bodies are accepted, so each refusal above is the mutation's doing", async () => {
    const ok = async (
      method: string,
      path: string,
      key: string,
      body: unknown,
      headers: Record<string, string> = {},
    ) => {
      const answer = await send(method, path, key, JSON.stringify(body), headers);
      expect(
        answer.status,
        `${method} ${path} ${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`,
      ).toBeLessThan(300);
      return answer.body as Json;
    };
    for (const shape of createShapes) await ok("POST", "/items", dept.editor, shape.body);
    let draft = await dept.draft(general("对照：草稿"));
    for (const shape of patchShapes) {
      draft = await ok("PATCH", `/items/${draft.id}`, dept.editor, shape.body, {
        "if-match": `"${draft.version}"`,
      });
    }
    for (const shape of noteShapes) {
      const d = await dept.draft(general("对照：提交"));
      await ok("POST", `/items/${d.id}/submit`, dept.editor, shape.body);
      await ok("POST", `/items/${d.id}/reject`, dept.reviewer, reasonShapes[0]?.body);
    }
    for (const shape of approveShapes) {
      const d = await dept.draft(general("对照：发布"));
      await dept.submit(d.id);
      await ok("POST", `/items/${d.id}/approve`, dept.reviewer, shape.body);
    }
    for (const shape of noteShapes) {
      const live = await dept.publish(general("对照：修订"));
      await ok("POST", `/items/${live.id}/revise`, dept.editor, shape.body);
    }
    const live = await dept.publish(general("对照：撤回"));
    await ok("POST", `/items/${live.id}/withdraw`, dept.reviewer, reasonShapes[0]?.body);
    for (const [i, shape] of validityShapes.entries()) {
      const doc = await dept.publish(normative(`共府办发〔2026〕${90 + i}号`));
      const body = shape.body.byItemId
        ? { ...shape.body, byItemId: (await dept.publish(normative(`共府办发〔2026〕${95 + i}号`))).id }
        : shape.body;
      await ok("POST", `/items/${doc.id}/validity`, dept.reviewer, body);
    }
  });
});
