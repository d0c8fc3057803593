import { testDeps } from "@gov/core/testing";
import { jsonClient } from "@gov/http";
import { allRecords, countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createNoticesApp } from "./app.ts";
import { consoleDuring } from "./channels/testing.ts";

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON answers of many shapes
type Json = Record<string, any>;
let t: Awaited<ReturnType<typeof testDeps>>;
let call: ReturnType<typeof jsonClient<Json>>;
let office: string;
let finance: string;

const contact = {
  name: "王敏",
  post: "分管副局长",
  email: "wangmin@czj.example.gov.cn",
  mobile: "13807920001",
};
const inClear = ["王敏", "wangmin", "13807920001"];
const path = "/units/000014351/leadership-contact";

beforeAll(async () => {
  t = await testDeps(new Date("2019-11-04T02:00:00.000Z"));
  const app = createNoticesApp(t.deps);
  call = jsonClient<Json>((p, init) => app.request(`/v1${p}`, init));
  office = await t.key("000014349", ["office"]);
  finance = await t.key("000014351", ["editor"]);
});

describe("leadership contact (分管领导): set by the office, sealed at rest, answered masked, never logged", () => {
  it("PUT answers masked values only; GET answers the same; DELETE clears it", async () => {
    let put: Json = {};
    const logged = await consoleDuring(async () => {
      put = await call("PUT", path, office, contact);
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toEqual({
      unitCode: "000014351",
      contact: { name: "王*", post: "分管副局长", email: "w***@czj.example.gov.cn", mobile: "138****0001" },
      updatedAt: "2019-11-04T02:00:00.000Z",
    });
    const got = await call("GET", path, office);
    expect(got.body).toEqual(put.body);
    for (const clear of inClear) {
      expect(JSON.stringify(put.body)).not.toContain(clear);
      expect(logged).not.toContain(clear);
    }
    const cleared = await call("DELETE", path, office);
    expect(cleared.body).toEqual({ unitCode: "000014351", contact: null, updatedAt: null });
    expect((await call("GET", path, office)).body.contact).toBeNull();
  });

  it("email or mobile alone is enough; the other answers null", async () => {
    const res = await call("PUT", path, office, { name: "李强", mobile: "13907920002" });
    expect(res.body.contact).toEqual({ name: "李*", post: null, email: null, mobile: "139****0002" });
  });

  it("the contact is stored sealed: no record of the table holds the name, address or number", async () => {
    await call("PUT", path, office, contact);
    const table = JSON.stringify(await allRecords(t.store));
    expect(table).toContain("LEADERSHIP-CONTACT");
    for (const clear of inClear) expect(table).not.toContain(clear);
  });

  it("neither email nor mobile is a 400 at email, and nothing is written", async () => {
    const before = await countTable(t.store);
    const res = await call("PUT", "/units/000014352/leadership-contact", office, { name: "赵刚" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.errors.map((e: Json) => e.path)).toEqual(["email"]);
    const badMobile = await call("PUT", "/units/000014352/leadership-contact", office, {
      name: "赵刚",
      mobile: "0792-4512345",
    });
    expect(badMobile.body.errors.map((e: Json) => e.path)).toEqual(["mobile"]);
    expect(await countTable(t.store)).toBe(before);
  });

  it("an unknown unit is a 404 and nothing is written; a unit's own key is a 403", async () => {
    const before = await countTable(t.store);
    expect((await call("PUT", "/units/999999999/leadership-contact", office, contact)).status).toBe(404);
    expect((await call("GET", "/units/999999999/leadership-contact", office)).status).toBe(404);
    expect((await call("PUT", path, finance, contact)).status).toBe(403);
    expect((await call("GET", path, finance)).status).toBe(403);
    expect((await call("DELETE", path, finance)).status).toBe(403);
    expect(await countTable(t.store)).toBe(before);
  });

  it("the OpenAPI document has PUT, GET and DELETE with the example, which the API accepts as it is", async () => {
    const app = createNoticesApp(t.deps);
    const doc = (await (await app.request("/openapi.json")).json()) as Json;
    const operations = doc.paths["/v1/units/{unitCode}/leadership-contact"];
    expect(Object.keys(operations).sort()).toEqual(["delete", "get", "put"]);
    const example = operations.put.requestBody.content["application/json"].example;
    expect(example).toMatchObject({ name: "王敏", post: "分管副局长" });
    const res = await call("PUT", path, office, example);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it("without CHANNEL_SECRET_KEY setting a contact is refused with 503 naming the setting", async () => {
    const { channelSecrets: _key, ...withoutKey } = t.deps;
    const app = createNoticesApp(withoutKey);
    const keyless = jsonClient<Json>((p, init) => app.request(`/v1${p}`, init));
    const before = await countTable(t.store);
    const res = await keyless("PUT", path, office, contact);
    expect(res.status).toBe(503);
    expect(res.body.detail).toContain("CHANNEL_SECRET_KEY");
    expect(await countTable(t.store)).toBe(before);
  });
});
