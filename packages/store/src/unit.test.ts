import { beforeAll, describe, expect, it } from "vitest";
import type { Store } from "./store.ts";
import { connectionOf } from "./testing/connection.ts";
import { testStore } from "./testing/index.ts";

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

describe("units and API keys", () => {
  it("a unit is read back by its code and listed by code", async () => {
    await store.units.put({ code: "000014351", name: "共青城市财政局", kind: "department" });
    await store.units.put({ code: "000014350", name: "共青城市司法局", kind: "department" });
    expect(await store.units.get("000014351")).toEqual({
      code: "000014351",
      name: "共青城市财政局",
      kind: "department",
    });
    expect(await store.units.get("999")).toBeUndefined();
    expect((await store.units.list()).map((u) => u.code)).toEqual(["000014350", "000014351"]);
  });

  it("an API key authenticates as its unit and roles; only its hash is stored", async () => {
    const { secret, keyId } = await store.apiKeys.issue({
      unitCode: "000014351",
      roles: ["editor"],
      label: "财政局网站",
      now: "2026-03-02T00:00:00.000Z",
    });
    expect(await store.apiKeys.authenticate(secret)).toEqual({
      keyId,
      unitCode: "000014351",
      roles: ["editor"],
    });
    expect(await store.apiKeys.authenticate(`${secret}x`)).toBeUndefined();
    const { ScanCommand } = await import("@aws-sdk/lib-dynamodb");
    const db = connectionOf(store);
    const dump = JSON.stringify((await db.doc.send(new ScanCommand({ TableName: db.tableName }))).Items);
    expect(dump).not.toContain(secret);
  });
});
