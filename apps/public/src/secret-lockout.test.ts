import { connectedFrom } from "@gov/http";
import { beforeAll, describe, expect, it } from "vitest";
import { citizenHarness, letterBody } from "./citizen-harness.ts";

let h: Awaited<ReturnType<typeof citizenHarness>>;
let unitCode: string;

beforeAll(async () => {
  h = await citizenHarness({}, new Date("2026-03-02T02:00:00.000Z"));
  unitCode = "000000931";
  await h.key(unitCode, ["editor"]);
});

/** A status read from its own address each time: the lockout is per tracking code, not per client. */
let clients = 0;
const status = (path: string, secret: string) => {
  clients += 1;
  return h.publicApp.request(
    `/v1/${path}`,
    { headers: { authorization: `Bearer ${secret}`, "x-forwarded-for": `198.51.100.${clients % 250}` } },
    connectedFrom(`198.51.100.${clients % 250}`),
  );
};

type Receipt = { trackingCode: string; secret: string };

async function lockoutHolds(path: string, right: string) {
  h.setNow(new Date("2026-03-02T02:00:00.000Z"));
  for (let i = 0; i < 5; i++) expect((await status(path, `wrong-${i}`)).status).toBe(404);
  const locked = await status(path, right);
  expect(locked.status).toBe(429);
  expect(locked.headers.get("retry-after")).toBe("900");
  expect(locked.headers.get("content-type")).toContain("application/problem+json");
  expect(locked.headers.get("cache-control")).toBe("no-store");
  h.setNow(new Date("2026-03-02T02:14:59.000Z"));
  const later = await status(path, right);
  expect(later.status).toBe(429);
  expect(later.headers.get("retry-after")).toBe("1");
  h.setNow(new Date("2026-03-02T02:15:00.000Z"));
  expect((await status(path, right)).status).toBe(200);
  // A new window: one more wrong secret is one failure, not the sixth.
  expect((await status(path, "wrong-again")).status).toBe(404);
  expect((await status(path, right)).status).toBe(200);
}

describe("issue 12 #5 lockout after repeated wrong secrets", () => {
  it("issue 12 #5 lockout: after 5 wrong secrets in 15 minutes an application's tracking code answers 429 with Retry-After, even to the right secret from another address", async () => {
    h.setNow(new Date("2026-03-02T02:00:00.000Z"));
    const submitted = await h.post("/applications", {
      unitCode,
      applicant: { type: "natural-person", name: "王五", phone: "13900000000" },
      description: "申请公开本市2025年老旧小区改造项目清单",
    });
    expect(submitted.status).toBe(201);
    const { trackingCode, secret } = submitted.body as unknown as Receipt;
    expect((await status(`applications/${trackingCode}`, secret)).status).toBe(200);
    await lockoutHolds(`applications/${trackingCode}`, secret);
  });

  it("issue 12 #5 lockout: the letter writer's status locks the same way", async () => {
    h.setNow(new Date("2026-03-02T02:00:00.000Z"));
    const sent = await h.post("/letters", letterBody("锁定测试来信"));
    expect(sent.status).toBe(201);
    const { trackingCode, secret } = sent.body as unknown as Receipt;
    await lockoutHolds(`letters/${trackingCode}`, secret);
  });

  it("issue 12 #5 lockout: an unknown tracking code locks alike, so locking cannot tell which codes exist", async () => {
    h.setNow(new Date("2026-03-02T02:00:00.000Z"));
    for (let i = 0; i < 5; i++) expect((await status("letters/XX2026-2222222222", `w${i}`)).status).toBe(404);
    expect((await status("letters/XX2026-2222222222", "w5")).status).toBe(429);
  });

  it("control: four wrong secrets lock nothing, and the right secret costs no more DynamoDB calls than before", async () => {
    h.setNow(new Date("2026-03-02T03:00:00.000Z"));
    const sent = await h.post("/letters", letterBody("计费测试来信"));
    const { trackingCode, secret } = sent.body as unknown as Receipt;
    const before = h.store.calls.total;
    expect((await status(`letters/${trackingCode}`, secret)).status).toBe(200);
    // The tracking-code query, the letter, its secret hash and the calendar, as before the lockout.
    expect(h.store.calls.total - before).toBe(4);
    for (let i = 0; i < 4; i++) expect((await status(`letters/${trackingCode}`, `w${i}`)).status).toBe(404);
    expect((await status(`letters/${trackingCode}`, secret)).status).toBe(200);
  });
});
