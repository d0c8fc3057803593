import { connectedFrom } from "@gov/http";
import { countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { citizenHarness, letterBody } from "./citizen-harness.ts";
import { normalizedContent } from "./intake.ts";

let h: Awaited<ReturnType<typeof citizenHarness>>;
beforeAll(async () => {
  h = await citizenHarness({
    intake: {
      bodyLimitBytes: 64 * 1024,
      rateLimit: { requests: 1000, windowSeconds: 600 },
      duplicateWindowSeconds: 600,
    },
  });
});

const office = { unitCode: "000014349", roles: ["office" as const] };
const lettersTitled = async (subject: string) =>
  (await h.store.letters.list(office, {}, { limit: 100 })).items.filter((l) => l.subject === subject);
/** The headers and the client address of a submission from `client`. */
const from = (client: string, extra: Record<string, string> = {}) => [extra, client] as const;

describe("the intake guard: repeated identical submissions are recognised, not duplicated", () => {
  it("the same content from the same client within the window answers with the first result", async () => {
    const first = await h.post("/letters", letterBody("重复提交一"), ...from("203.0.113.1"));
    const again = await h.post("/letters", letterBody("重复提交一"), ...from("203.0.113.1"));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    // The repeat carries the first receipt without the secret, which only the first answer shows.
    const { secret, notice: _notice, ...receipt } = first.body;
    expect(secret).toEqual(expect.any(String));
    expect(again.body).toEqual(receipt);
    expect(again.headers.get("duplicate-submission")).toBe("true");
    expect(await lettersTitled("重复提交一")).toHaveLength(1);
  });

  it("whitespace and key order do not make a new submission; other content or another client does", async () => {
    const base = letterBody("重复提交二");
    const first = await h.post("/letters", base, ...from("203.0.113.2"));
    const reordered = {
      consentToPublish: true,
      writer: { phone: "13800000000", name: " 王先生 " },
      body: `  ${base.body}\n`,
      subject: "重复提交二",
    };
    expect((await h.post("/letters", reordered, ...from("203.0.113.2"))).body.id).toBe(first.body.id);
    expect((await h.post("/letters", base, ...from("203.0.113.3"))).body.id).not.toBe(first.body.id);
    expect(
      (await h.post("/letters", { ...base, body: "另一件事" }, ...from("203.0.113.2"))).body.id,
    ).not.toBe(first.body.id);
    expect(normalizedContent({ b: " x  y ", a: [1] })).toBe(normalizedContent({ a: [1], b: "x y" }));
  });

  it("after the window the same content is a new submission", async () => {
    h.setNow(new Date("2026-03-02T02:00:00.000Z"));
    const first = await h.post("/letters", letterBody("窗口外再次提交"), ...from("203.0.113.4"));
    h.setNow(new Date("2026-03-02T02:10:01.000Z"));
    const later = await h.post("/letters", letterBody("窗口外再次提交"), ...from("203.0.113.4"));
    expect(later.body.id).not.toBe(first.body.id);
    expect(await lettersTitled("窗口外再次提交")).toHaveLength(2);
    h.setNow(new Date("2026-03-02T02:00:00.000Z"));
  });

  it("10 concurrent identical submissions create one letter and all answer with it", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        h.post("/letters", letterBody("并发重复提交"), ...from("203.0.113.5")),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await lettersTitled("并发重复提交")).toHaveLength(1);
  });

  it("Idempotency-Key is per client: a replay gets the first response, the same key with another body is 422, another client's same key is its own letter", async () => {
    const key = { "idempotency-key": "portal-20260302-0001" };
    const first = await h.post("/letters", letterBody("幂等键提交"), ...from("203.0.113.6", key));
    const replay = await h.post("/letters", letterBody("幂等键提交"), ...from("203.0.113.6", key));
    const { secret: _secret, notice: _notice, ...receipt } = first.body;
    expect(replay.body).toEqual(receipt);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect((await h.post("/letters", letterBody("另一封"), ...from("203.0.113.6", key))).status).toBe(422);
    expect(await lettersTitled("幂等键提交")).toHaveLength(1);
    const neighbour = await h.post("/letters", letterBody("幂等键提交"), ...from("203.0.113.7", key));
    expect(neighbour.status).toBe(201);
    expect(neighbour.body.id).not.toBe(first.body.id);
    expect(await lettersTitled("幂等键提交")).toHaveLength(2);
  });
});

describe("the intake guard: bots, size and rate", () => {
  it("a filled honeypot field is refused and nothing is written; an empty one is accepted and not stored", async () => {
    const before = await countTable(h.store);
    const bot = await h.post("/letters", { ...letterBody("机器人"), website: "http://spam.example" });
    expect(bot.status).toBe(400);
    expect(bot.body.errors).toEqual([{ path: "website", message: "此字段须留空" }]);
    expect(await countTable(h.store)).toBe(before);
    const person = await h.post("/letters", { ...letterBody("真人填写"), website: "" });
    expect(person.status).toBe(201);
    expect(JSON.stringify(await h.store.letters.get(person.body.id))).not.toContain("website");
  });

  it("a submission over 64 KiB is refused before it is read; the app's 1 MiB still applies to reads", async () => {
    const before = await countTable(h.store);
    const big = await h.post("/letters", { ...letterBody("超长"), body: "长".repeat(30_000) });
    expect(big.status).toBe(400);
    expect(big.body.detail).toContain("64 KiB");
    expect(await countTable(h.store)).toBe(before);
  });

  it("issue 12 hostile-input property: a submission over 64 KiB is a 400 naming (body), as every refused input names its field", async () => {
    const big = await h.post("/letters", { ...letterBody("超长"), body: "长".repeat(30_000) });
    expect(big.status).toBe(400);
    expect(big.body.errors).toEqual([{ path: "(body)", message: "请求体超过64 KiB上限" }]);
  });

  it("submissions have their own, stricter per-client limit: 429 with Retry-After, reads unaffected", async () => {
    const strict = await citizenHarness({
      rateLimit: { requests: 100, windowSeconds: 60 },
      intake: {
        bodyLimitBytes: 65_536,
        rateLimit: { requests: 2, windowSeconds: 600 },
        duplicateWindowSeconds: 600,
      },
    });
    const client = from("192.0.2.9");
    expect((await strict.post("/letters", letterBody("限流一"), ...client)).status).toBe(201);
    expect((await strict.post("/letters", letterBody("限流二"), ...client)).status).toBe(201);
    const limited = await strict.post("/letters", letterBody("限流三"), ...client);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("600");
    expect((await strict.post("/letters", letterBody("限流三"), ...from("192.0.2.10"))).status).toBe(201);
    const read = await strict.publicApp.request("/v1/letters", {}, connectedFrom("192.0.2.9"));
    expect(read.status).toBe(200);
  });
});
