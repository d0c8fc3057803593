import type { Principal } from "@gov/store";
import { beforeAll, describe, expect, it } from "vitest";
import { letterDetail, letterStatus, replyToLetter, submitLetter, transferLetter } from "./letters.ts";
import { testDeps } from "./testing.ts";

let t: Awaited<ReturnType<typeof testDeps>>;
let office: Principal;
let housing: Principal;
let finance: Principal;

const letter = {
  subject: "关于城区公共停车位不足的建议",
  body: "市长您好：建议在老城区增设公共停车位。",
  writer: { name: "王先生", phone: "13800000000" },
  consentToPublish: true,
};

/** A letter written by a citizen and assigned by the office to the housing bureau. */
async function assigned() {
  const { receipt, secret } = await submitLetter(t.deps, letter);
  await transferLetter(t.deps, office, { id: receipt.id, unitCode: housing.unitCode, reason: "属住建职能" });
  return { id: receipt.id, trackingCode: receipt.trackingCode, secret };
}

beforeAll(async () => {
  t = await testDeps(new Date("2026-03-02T02:00:00.000Z"));
  office = await t.actor("000014349", ["office"]);
  housing = await t.actor("000014361", ["editor"]);
  finance = await t.actor("000014372", ["editor"]);
});

describe("the mayor's mailbox without HTTP", () => {
  it("the holding unit's reply is dated the Beijing day of the clock and signed with the unit's name", async () => {
    const { id, trackingCode, secret } = await assigned();
    t.setNow(new Date("2026-03-04T17:00:00.000Z"));
    const replied = await replyToLetter(t.deps, housing, { id, body: "已列入年度计划。" });
    expect(replied).toMatchObject({ state: "replied", repliedOn: "2026-03-05", version: 3, overdue: false });
    expect(replied.reply).toEqual({
      body: "已列入年度计划。",
      unitCode: housing.unitCode,
      unitName: `测试单位${housing.unitCode}`,
      repliedAt: "2026-03-04T17:00:00.000Z",
    });
    expect(await t.store.letters.get(id, { consistent: true })).toMatchObject({
      state: "replied",
      version: 3,
    });
    expect((await letterStatus(t.deps, { trackingCode, secret })).reply).toMatchObject({
      repliedOn: "2026-03-05",
      body: "已列入年度计划。",
    });
  });

  it("a unit that does not hold the letter cannot learn it exists: reply and detail are not found", async () => {
    const { id } = await assigned();
    await expect(replyToLetter(t.deps, finance, { id, body: "答" })).rejects.toMatchObject({
      kind: "not-found",
    });
    await expect(letterDetail(t.deps, finance, { id })).rejects.toMatchObject({ kind: "not-found" });
    expect((await letterDetail(t.deps, housing, { id })).writer).toEqual(letter.writer);
  });

  it("a transfer at a stale expected version is precondition-failed and moves nothing", async () => {
    const { id } = await assigned();
    await expect(
      transferLetter(t.deps, office, {
        id,
        unitCode: finance.unitCode,
        reason: "改由财政",
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ kind: "precondition-failed" });
    expect(await t.store.letters.get(id, { consistent: true })).toMatchObject({
      unitCode: housing.unitCode,
      version: 2,
    });
  });

  it("a transfer to a unit that does not exist is unprocessable", async () => {
    const { id } = await assigned();
    await expect(
      transferLetter(t.deps, office, { id, unitCode: "000099999", reason: "无此单位" }),
    ).rejects.toMatchObject({ kind: "unprocessable" });
  });
});
