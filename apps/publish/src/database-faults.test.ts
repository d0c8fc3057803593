import { publicChanges } from "@gov/core";
import { builtInCalendar, defaultSettings } from "@gov/domain";
import { jsonClient } from "@gov/http";
import { expectUnavailable, timed } from "@gov/http/frame-checks";
import { callLimits, type Store } from "@gov/store";
import { countTable, testStore } from "@gov/store/testing";
import { delay, HttpResponse, http, passthrough } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, inject, it, vi } from "vitest";
import { createPublishApp } from "./app.ts";
import { general, type Json } from "./test-client.ts";

/**
 * Faults injected where the SDK's NodeHttpHandler meets the network: msw answers the calls a
 * test picks in DynamoDB's own wire format, and lets every other call through to the run's
 * DynamoDB Local. The server lives only while this file runs (vitest shares the worker).
 */
type Call = { target: string; body: string };
/** The calls to fault, and the answer to the n-th of them (from 0). */
type Fault = { on: (call: Call) => boolean; answer: (n: number) => Response | Promise<Response> };
let fault: Fault | undefined;
const attempts: string[] = [];

const server = setupServer(
  http.post(`${inject("dynamoEndpoint")}/`, async ({ request }) => {
    if (!fault) return passthrough();
    const call = {
      target: (request.headers.get("x-amz-target") ?? "").replace("DynamoDB_20120810.", ""),
      body: await request.clone().text(),
    };
    if (!fault.on(call)) return passthrough();
    attempts.push(call.target);
    return fault.answer(attempts.length - 1);
  }),
);

/** An error as DynamoDB sends it: the JSON 1.0 protocol names the type in `__type`. */
const dynamoError = (status: number, type: string, extra: object = {}) =>
  new HttpResponse(
    JSON.stringify({
      __type: `com.amazonaws.dynamodb.v20120810#${type}`,
      message: `injected ${type}`,
      ...extra,
    }),
    { status, headers: { "content-type": "application/x-amz-json-1.0" } },
  );

let store: Store;
let app: ReturnType<typeof createPublishApp>;
let editor: string;
let itemId: string;
const call = jsonClient<Json>((path, init) => app.request(`/v1${path}`, init));
const errors = vi.spyOn(console, "error").mockImplementation(() => {});

beforeAll(async () => {
  // Before the store's first call: the SDK takes hold of `http.request` when its handler starts.
  server.listen({ onUnhandledRequest: "bypass" });
  // The cloud's timeouts and attempts, which the 5 s bound is about, on the run's DynamoDB Local.
  store = await testStore(callLimits.cloud);
  app = createPublishApp({
    store,
    clock: () => new Date("2026-03-02T02:00:00.000Z"),
    calendar: builtInCalendar(),
    settings: defaultSettings,
    publicChanges: publicChanges(),
  });
  await store.units.put({ code: "000000801", name: "测试单位000000801", kind: "department" });
  const issued = await store.apiKeys.issue({
    unitCode: "000000801",
    roles: ["editor"],
    label: "test",
    now: "2026-03-02T02:00:00.000Z",
  });
  editor = issued.secret;
  const draft = await call("POST", "/items", editor, general("数据库故障演练用草稿"));
  expect(draft.status).toBe(201);
  itemId = draft.body.id;
});
afterEach(() => {
  fault = undefined;
  attempts.length = 0;
  errors.mockClear();
});
afterAll(() => {
  server.close();
  errors.mockRestore();
});

/** Only the read of the draft itself, so the key lookup before it still succeeds. */
const readOfItem = (call: Call) => call.target === "GetItem" && call.body.includes(`ITEM#${itemId}`);
const transaction = (call: Call) => call.target === "TransactWriteItems";
const hang = async () => {
  await delay(10_000);
  return dynamoError(500, "InternalServerError");
};

it.each([
  ["ThrottlingException", () => dynamoError(400, "ThrottlingException")],
  [
    "ProvisionedThroughputExceededException",
    () => dynamoError(400, "ProvisionedThroughputExceededException"),
  ],
  ["RequestLimitExceeded", () => dynamoError(400, "RequestLimitExceeded")],
  ["500 InternalServerError", () => dynamoError(500, "InternalServerError")],
  ["503 ServiceUnavailable", () => dynamoError(503, "ServiceUnavailable")],
])(
  "issue 12 #8 database faults: %s on every attempt is 503 with Retry-After after 3 attempts, within 5 s",
  async (_, answer) => {
    fault = { on: readOfItem, answer };
    const { result: res, ms } = await timed(() => call("GET", `/items/${itemId}`, editor));
    expectUnavailable(res);
    expect(attempts).toEqual(["GetItem", "GetItem", "GetItem"]);
    expect(ms).toBeLessThan(5_000);
    // The operators see what the database said; the caller sees only the 503.
    expect(JSON.stringify(errors.mock.calls)).toContain("injected");
    expect(JSON.stringify(res.body)).not.toContain("injected");
  },
);

it("issue 12 #8 database faults: an answer that never comes times out each attempt, 503 within 5 s, and the next read is served", async () => {
  fault = { on: readOfItem, answer: hang };
  const { result: res, ms } = await timed(() => call("GET", `/items/${itemId}`, editor));
  expectUnavailable(res);
  expect(attempts).toHaveLength(3);
  expect(ms).toBeLessThan(5_000);

  // No poisoned connection or client: the same process serves the next read at once.
  fault = undefined;
  const again = await timed(() => call("GET", `/items/${itemId}`, editor));
  expect(again.result.status).toBe(200);
  expect(again.ms).toBeLessThan(1_000);
});

it("issue 12 #8 database faults: /healthz answers 503 with Retry-After within 5 s while the database hangs", async () => {
  fault = { on: (call) => call.target === "GetItem" && call.body.includes("HEALTH"), answer: hang };
  const { result: res, ms } = await timed(async () => app.request("/healthz"));
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toBe("5");
  expect(await res.json()).toMatchObject({ type: "/problems/unavailable" });
  expect(ms).toBeLessThan(5_000);
});

it("issue 12 #8 database faults: one throttle then success is 200 (the SDK's retry), not 503", async () => {
  fault = {
    on: readOfItem,
    answer: (n) => (n === 0 ? dynamoError(400, "ThrottlingException") : passthrough()),
  };
  const res = await call("GET", `/items/${itemId}`, editor);
  expect(res.status).toBe(200);
  expect(res.body.id).toBe(itemId);
  expect(attempts).toEqual(["GetItem", "GetItem"]);
});

it("issue 12 #8 database faults: a throttled create is 503 and writes nothing; the same Idempotency-Key later creates it once", async () => {
  const before = await countTable(store);
  const key = { "idempotency-key": "fault-drill-0001" };
  fault = { on: transaction, answer: () => dynamoError(400, "ThrottlingException") };
  const refused = await call("POST", "/items", editor, general("限流时提交的草稿"), key);
  expectUnavailable(refused);
  expect(attempts).toEqual(["TransactWriteItems", "TransactWriteItems", "TransactWriteItems"]);
  fault = undefined;
  expect(await countTable(store)).toBe(before);

  const created = await call("POST", "/items", editor, general("限流时提交的草稿"), key);
  expect(created.status).toBe(201);
  const replayed = await call("POST", "/items", editor, general("限流时提交的草稿"), key);
  expect(replayed.body.id).toBe(created.body.id);
});

it("issue 12 #8 database faults: a transaction cancelled for throttling is 503; one cancelled by a failed condition keeps its 412", async () => {
  const { id } = (await call("POST", "/items", editor, general("并发修改演练用草稿"))).body;
  const cancelled = (codes: string[]) => () =>
    dynamoError(400, "TransactionCanceledException", {
      CancellationReasons: codes.map((Code) => ({ Code })),
    });
  const patch = () => call("PATCH", `/items/${id}`, editor, { title: "改后的标题" }, { "if-match": '"1"' });

  fault = { on: transaction, answer: cancelled(["ThrottlingError", "None"]) };
  expectUnavailable(await patch());

  fault = { on: transaction, answer: cancelled(["ConditionalCheckFailed", "None"]) };
  const stale = await patch();
  expect(stale.status).toBe(412);
  expect(stale.headers.get("retry-after")).toBeNull();
});
