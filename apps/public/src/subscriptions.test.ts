import { connectedFrom } from "@gov/http";
import { countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { citizenHarness, letterBody } from "./citizen-harness.ts";

let h: Awaited<ReturnType<typeof citizenHarness>>;
beforeAll(async () => {
  h = await citizenHarness({}, new Date("2026-03-02T02:00:00.000Z"));
  await h.key("000014349", ["office"]);
  await h.key("000014351", ["editor"]);
});

const subscribe = (body: unknown, client?: string) => h.post("/subscriptions", body, {}, client);

describe("POST /public/v1/subscriptions", () => {
  it("bad input is a 400 or 422 problem with the field path, and stores nothing", async () => {
    const before = await countTable(h.store);
    const cases: [unknown, number, string[]][] = [
      [{ email: "不是邮箱", columnId: "decision" }, 400, ["email"]],
      [{ email: "a@example.com" }, 400, ["columnId", "unitCode", "q"]],
      [{ email: "a@example.com", columnId: "decision", q: "预算" }, 400, ["columnId", "q"]],
      [{ email: "a@example.com", columnId: "decision", name: "张三" }, 400, [""]],
      [{ email: "a@example.com", columnId: "nowhere" }, 422, ["columnId"]],
      [{ email: "a@example.com", unitCode: "999999999" }, 422, ["unitCode"]],
    ];
    for (const [body, status, paths] of cases) {
      const res = await subscribe(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const errors = (res.body.errors ?? []) as { path: string }[];
      for (const path of paths.filter(Boolean)) expect(errors.map((e) => e.path)).toContain(path);
    }
    expect(await countTable(h.store)).toBe(before);
    // Control: a good request is accepted and writes the subscription, its guard, mail and delivery.
    const good = await subscribe({ email: "a@example.com", unitCode: "000014351" });
    expect(good.status).toBe(202);
    expect(good.headers.get("cache-control")).toBe("no-store");
    expect(await countTable(h.store)).toBe(before + 4);
  });

  it("subscriptions count against the citizen submissions' per-client limit: 429 after letters and subscriptions together", async () => {
    const strict = await citizenHarness({
      intake: {
        bodyLimitBytes: 65_536,
        rateLimit: { requests: 2, windowSeconds: 600 },
        duplicateWindowSeconds: 600,
      },
    });
    await strict.key("000014349", ["office"]);
    const client = "192.0.2.44";
    expect((await strict.post("/letters", letterBody("限流信件"), {}, client)).status).toBe(201);
    expect(
      (await strict.post("/subscriptions", { email: "b@example.com", q: "预算" }, {}, client)).status,
    ).toBe(202);
    const limited = await strict.post("/subscriptions", { email: "c@example.com", q: "预算" }, {}, client);
    expect(limited.status).toBe(429);
    // Control: another client is not limited.
    expect(
      (await strict.post("/subscriptions", { email: "c@example.com", q: "预算" }, {}, "192.0.2.45")).status,
    ).toBe(202);
  });
});

describe("the mailed links", () => {
  const request = (path: string, init: RequestInit = {}) =>
    h.publicApp.request(`/v1${path}`, init, connectedFrom("198.51.100.200"));

  it("GET shows a page with a button and changes nothing; it is never cached", async () => {
    const page = await request("/subscriptions/confirm?token=sub_01JD6Q3Z5K8X9V2M4N7P0R1S3T.AAAA");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = await page.text();
    expect(html).toContain('method="post"');
    expect(html).toContain("确认订阅");
  });

  it("a forged confirm token is a 404 problem; unsubscribe answers the same for any token", async () => {
    const forged = await request("/subscriptions/confirm?token=sub_01JD6Q3Z5K8X9V2M4N7P0R1S3T.AAAA", {
      method: "POST",
    });
    expect(forged.status).toBe(404);
    expect(forged.headers.get("content-type")).toContain("application/problem+json");
    const a = await request("/subscriptions/unsubscribe?token=anything", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    const b = await request("/subscriptions/unsubscribe?token=sub_01JD6Q3Z5K8X9V2M4N7P0R1S3T.BBBB", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect([a.status, await a.text()]).toEqual([b.status, await b.text()]);
    expect(a.status).toBe(200);
    // A browser's form gets the page, not JSON.
    const page = await request("/subscriptions/unsubscribe?token=anything", {
      method: "POST",
      headers: { accept: "text/html" },
    });
    expect(page.headers.get("content-type")).toContain("text/html");
  });

  it("the four routes are in the OpenAPI document", async () => {
    const doc = (await (await h.publicApp.request("/openapi.json")).json()) as {
      paths: Record<string, object>;
    };
    expect(Object.keys(doc.paths["/v1/subscriptions"] ?? {})).toEqual(["post"]);
    const confirm = doc.paths["/v1/subscriptions/confirm"] ?? {};
    expect(Object.keys(confirm).sort()).toEqual(["get", "post"]);
    const leave = doc.paths["/v1/subscriptions/unsubscribe"] ?? {};
    expect(Object.keys(leave).sort()).toEqual(["get", "post"]);
  });
});
