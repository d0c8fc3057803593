import { dispatchDeliveries } from "@gov/core";
import { testDeps } from "@gov/core/testing";
import type { Senders } from "@gov/domain";
import { jsonClient } from "@gov/http";
import { beforeAll, describe, expect, it } from "vitest";
import { createNoticesApp } from "./app.ts";
import { examples } from "./examples.ts";

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON answers of many shapes
type Json = Record<string, any>;
let t: Awaited<ReturnType<typeof testDeps>>;
let call: ReturnType<typeof jsonClient<Json>>;
let office: string;
let finance: string;
let notice: Json;

const refusing = async () => ({ outcome: "failed" as const, reason: "企业微信拒绝：93000 机器人地址无效" });
const senders: Senders = { wecom: refusing, dingtalk: refusing, email: refusing, sms: refusing };
const options = { linkBase: "https://zwgk.example.gov.cn/notices", random: () => 0.5 };

beforeAll(async () => {
  t = await testDeps(new Date("2019-11-04T02:00:00.000Z"));
  const app = createNoticesApp(t.deps);
  call = jsonClient<Json>((path, init) => app.request(`/v1${path}`, init));
  office = await t.key("000014349", ["office"]);
  finance = await t.key("000014351", ["editor"]);
  await t.key("000014352", ["editor"]);
  await call("PUT", "/units/000014351/channels", office, examples.channels);
  await call("PUT", "/units/000014352/channels", office, {
    channels: [{ kind: "sms", phones: ["13807920001"] }],
  });
  const res = await call("POST", "/notices", office, {
    ...examples.issue,
    targets: { scope: "departments" },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  notice = res.body;
});

describe("deliveries over HTTP: every outcome visible to the office", () => {
  it("a notice's deliveries: one per unit and channel, pending, with attempts and times", async () => {
    const res = await call("GET", `/notices/${notice.id}/deliveries`, office);
    expect(res.status).toBe(200);
    expect(res.body.items.map((d: Json) => [d.unitCode, d.kind, d.status, d.attempts])).toEqual([
      ["000014351", "email", "pending", 0],
      ["000014351", "wecom", "pending", 0],
      ["000014352", "sms", "pending", 0],
    ]);
  });

  it("the list filters by status, notice and unit, and pages with a cursor", async () => {
    const byUnit = await call("GET", "/deliveries?unitCode=000014351&limit=1", office);
    expect(byUnit.status).toBe(200);
    expect(byUnit.body.items).toHaveLength(1);
    const next = await call(
      "GET",
      `/deliveries?unitCode=000014351&limit=1&cursor=${byUnit.body.nextCursor}`,
      office,
    );
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0].id).not.toBe(byUnit.body.items[0].id);
    const sms = await call("GET", `/deliveries?noticeId=${notice.id}&unitCode=000014352`, office);
    expect(sms.body.items.map((d: Json) => d.kind)).toEqual(["sms"]);
    expect((await call("GET", "/deliveries?status=pending", office)).body.items).toHaveLength(3);
    expect((await call("GET", "/deliveries?status=sent", office)).body.items).toHaveLength(0);
  });

  it("a refused delivery shows as dead with its error; the office's retry makes it pending and due now; a second retry is 409", async () => {
    await dispatchDeliveries(t.deps, senders, options);
    const dead = await call("GET", "/deliveries?status=dead", office);
    expect(dead.body.items).toHaveLength(3);
    const [first] = dead.body.items;
    expect(first).toMatchObject({ attempts: 1, lastError: "企业微信拒绝：93000 机器人地址无效" });
    const retried = await call("POST", `/deliveries/${first.id}/retry`, office);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body).toMatchObject({
      status: "pending",
      attempts: 0,
      nextAttemptAt: "2019-11-04T02:00:00.000Z",
    });
    const again = await call("POST", `/deliveries/${first.id}/retry`, office);
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toContain("application/problem+json");
  });

  it("only the office reads deliveries or retries them (403); an unknown notice or delivery is 404", async () => {
    expect((await call("GET", "/deliveries", finance)).status).toBe(403);
    expect((await call("GET", `/notices/${notice.id}/deliveries`, finance)).status).toBe(403);
    expect((await call("GET", "/notices/ntc_01JD6Q3Z5K8X9V2M4N7P0R1S3T/deliveries", office)).status).toBe(
      404,
    );
    expect((await call("POST", "/deliveries/dlv_01JD6Q3Z5K8X9V2M4N7P0R1S3T/retry", office)).status).toBe(404);
  });

  const badInputs: [string, string, string][] = [
    ["an unknown status", "/deliveries?status=lost", "query.status"],
    ["a malformed notice id", "/deliveries?noticeId=ntc_x", "query.noticeId"],
    ["a malformed unit code", `/deliveries?unitCode=${"1".repeat(21)}`, "query.unitCode"],
  ];
  for (const [what, path, field] of badInputs)
    it(`${what} is a 400 naming ${field}`, async () => {
      const res = await call("GET", path, office);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: Json) => e.path)).toContain(field);
    });

  it("a malformed delivery id in the path is a 400 naming param.id", async () => {
    const res = await call("POST", "/deliveries/ntc_01JD6Q3Z5K8X9V2M4N7P0R1S3T/retry", office);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe("param.id");
  });

  it("the OpenAPI document declares every path parameter with a pattern and a maximum length", async () => {
    const app = createNoticesApp(t.deps);
    const doc = (await (await app.request("/openapi.json")).json()) as Json;
    for (const path of [
      "/v1/notices/{id}/deliveries",
      "/v1/deliveries/{id}/retry",
      "/v1/units/{unitCode}/channels",
    ]) {
      const operations = Object.values(doc.paths[path]) as Json[];
      for (const operation of operations)
        for (const parameter of operation.parameters.filter((p: Json) => p.in === "path")) {
          expect(parameter.schema.pattern, path).toBeTruthy();
          expect(parameter.schema.maxLength, path).toBeGreaterThan(0);
        }
    }
  });
});
