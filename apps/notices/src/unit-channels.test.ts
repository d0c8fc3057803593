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

const wecomKey = "693a91f6-7a0c-4bc4-97a0-0ec2a1fa5aaa";
const dingtalkToken = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d";
const dingtalkSecret = `SEC${"ab12".repeat(16)}`;
const channels = {
  channels: [
    { kind: "wecom", webhookUrl: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${wecomKey}` },
    {
      kind: "dingtalk",
      webhookUrl: `https://oapi.dingtalk.com/robot/send?access_token=${dingtalkToken}`,
      secret: dingtalkSecret,
    },
    { kind: "email", addresses: ["zwgk@czj.example.gov.cn", "wangmin@czj.example.gov.cn"] },
    { kind: "sms", phones: ["13807920001"] },
  ],
};
const secretsOf = [wecomKey, dingtalkToken, dingtalkSecret, "zwgk@czj", "wangmin@", "13807920001"];

beforeAll(async () => {
  t = await testDeps(new Date("2019-11-04T02:00:00.000Z"));
  const app = createNoticesApp(t.deps);
  call = jsonClient<Json>((path, init) => app.request(`/v1${path}`, init));
  office = await t.key("000014349", ["office"]);
  finance = await t.key("000014351", ["editor"]);
});

describe("unit channels: set by the office, sealed at rest, never answered or logged", () => {
  it("PUT replaces the set and answers kinds and hints only; GET answers the same", async () => {
    let put: Json = {};
    const logged = await consoleDuring(async () => {
      put = await call("PUT", "/units/000014351/channels", office, channels);
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toEqual({
      unitCode: "000014351",
      channels: [
        { kind: "wecom", keyHint: "…5aaa" },
        { kind: "dingtalk", keyHint: "…5c6d", signed: true },
        { kind: "email", addressCount: 2 },
        { kind: "sms", phoneCount: 1 },
      ],
      updatedAt: "2019-11-04T02:00:00.000Z",
    });
    const got = await call("GET", "/units/000014351/channels", office);
    expect(got.body).toEqual(put.body);
    for (const secret of secretsOf) {
      expect(JSON.stringify(put.body)).not.toContain(secret);
      expect(logged).not.toContain(secret);
    }
    const replaced = await call("PUT", "/units/000014351/channels", office, {
      channels: [channels.channels[3]],
    });
    expect(replaced.body.channels).toEqual([{ kind: "sms", phoneCount: 1 }]);
  });

  it("secrets and personal data are stored sealed: no record of the table holds one in clear", async () => {
    await call("PUT", "/units/000014351/channels", office, channels);
    const table = JSON.stringify(await allRecords(t.store));
    expect(table).toContain("CHANNELS");
    for (const secret of secretsOf) expect(table).not.toContain(secret);
  });

  it("a malformed webhook URL is a 400 naming channels.0.webhookUrl, and nothing is written", async () => {
    const before = await countTable(t.store);
    const res = await call("PUT", "/units/000014352/channels", office, {
      channels: [{ kind: "wecom", webhookUrl: "https://intranet.example/cgi-bin/webhook/send?key=abcdefgh" }],
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.errors.map((e: Json) => e.path)).toEqual(["channels.0.webhookUrl"]);
    expect(await countTable(t.store)).toBe(before);
  });

  it("an unknown unit is a 404 for PUT and GET, and nothing is written", async () => {
    const before = await countTable(t.store);
    expect((await call("PUT", "/units/999999999/channels", office, channels)).status).toBe(404);
    expect((await call("GET", "/units/999999999/channels", office)).status).toBe(404);
    expect(await countTable(t.store)).toBe(before);
  });

  it("a malformed unit code is a 400 naming the parameter", async () => {
    const res = await call("GET", `/units/${"9".repeat(21)}/channels`, office);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe("param.unitCode");
  });

  it("only the office sets or reads channels (403 for a unit's own key)", async () => {
    expect((await call("PUT", "/units/000014351/channels", finance, channels)).status).toBe(403);
    expect((await call("GET", "/units/000014351/channels", finance)).status).toBe(403);
  });

  it("without CHANNEL_SECRET_KEY setting channels is refused with 503 naming the setting; reading still works", async () => {
    const { channelSecrets: _key, ...withoutKey } = t.deps;
    const app = createNoticesApp(withoutKey);
    const keyless = jsonClient<Json>((path, init) => app.request(`/v1${path}`, init));
    const before = await countTable(t.store);
    const res = await keyless("PUT", "/units/000014351/channels", office, channels);
    expect(res.status).toBe(503);
    expect(res.body.detail).toContain("CHANNEL_SECRET_KEY");
    expect(await countTable(t.store)).toBe(before);
    expect((await keyless("GET", "/units/000014351/channels", office)).status).toBe(200);
  });
});
