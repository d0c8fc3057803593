import { connectedFrom } from "@gov/http";
import { publishHarness } from "@gov/publish/testing";
import { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublicApp } from "./app.ts";
import { PublicHttpOptions } from "./http-behaviour.ts";

let h: Awaited<ReturnType<typeof publishHarness>>;
let dept: Awaited<ReturnType<typeof h.unit>>;
let publicApp: Hono;
/** The same app with the per-instance response cache on, as deployed. */
let cachedApp: Hono;

const submission = (unitCode: string) => ({
  unitCode,
  applicant: { type: "natural-person", name: "王五", phone: "13900000000" },
  description: "申请公开本市2025年老旧小区改造项目清单",
});

type Receipt = { trackingCode: string; secret?: string; receivedOn: string; dueOn: string };

/** Each submission comes from its own client unless a test names one: the intake recognises repeats per client. */
let clients = 0;
const submit = async (
  body: unknown,
  headers: Record<string, string> = {},
  client = `198.51.100.${++clients % 250}`,
) => {
  const res = await publicApp.request(
    "/public/v1/applications",
    {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    },
    connectedFrom(client),
  );
  return { res, body: (await res.json()) as Receipt & Record<string, unknown> };
};
const status = (app: Hono, code: string, secret?: string) =>
  app.request(
    `/public/v1/applications/${code}`,
    secret ? { headers: { authorization: `Bearer ${secret}` } } : {},
  );

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  publicApp = new Hono().route("/public", createPublicApp(h.deps));
  cachedApp = new Hono().route(
    "/public",
    createPublicApp(h.deps, PublicHttpOptions.parse({ cacheSeconds: 10 })),
  );
  dept = await h.unit("000000901");
});

describe("online intake", () => {
  it("OGI Art. 31, 33: answers a tracking code, a secret and the due date counted from today", async () => {
    const { res, body } = await submit(submission(dept.code));
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(body.trackingCode).toMatch(/^YSQ2026-[2-9A-HJ-NP-Z]{10}$/);
    expect(body.secret).toMatch(/^[\w-]{32}$/);
    // Submitted Monday 2 March 2026 and confirmed automatically on Tuesday 3 March (OGI Art.
    // 31(三)): 4 March is day 1, so day 20 is Tuesday 31 March (no holiday in March 2026).
    expect(body).toMatchObject({ receivedOn: "2026-03-02", dueOn: "2026-03-31", dueIsProvisional: false });
  });

  it("the application reaches the named unit's staff list", async () => {
    const { body } = await submit(submission(dept.code));
    const list = await h.call("GET", "/applications?limit=100", dept.editor);
    expect(
      (list.body.items as { trackingCode: string; channel: string }[]).find(
        (a) => a.trackingCode === body.trackingCode,
      ),
    ).toMatchObject({ channel: "online" });
  });

  it("an unknown unit is 422 and a legal person without its kind is 400; nothing is created", async () => {
    expect((await submit(submission("999999999"))).res.status).toBe(422);
    const bad = await submit({
      ...submission(dept.code),
      applicant: { type: "legal-person", name: "某公司", phone: "1" },
    });
    expect(bad.res.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("orgKind");
  });

  it("an Idempotency-Key is honoured: one application, and the replay does not repeat the secret", async () => {
    const headers = { "idempotency-key": "portal-form-42" };
    const first = await submit(submission(dept.code), headers, "203.0.113.7");
    const again = await submit(submission(dept.code), headers, "203.0.113.7");
    expect(again.res.status).toBe(201);
    expect(again.res.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.trackingCode).toBe(first.body.trackingCode);
    expect(again.body.secret).toBeUndefined();
    const other = await submit(
      { ...submission(dept.code), description: "另一项申请内容" },
      headers,
      "203.0.113.7",
    );
    expect(other.res.status).toBe(422);
  });

  it("another citizen choosing the same Idempotency-Key gets an application of their own", async () => {
    const key = { "idempotency-key": "form-1" };
    const mine = await submit(submission(dept.code), key, "203.0.113.8");
    const theirs = await submit(submission(dept.code), key, "203.0.113.9");
    expect(theirs.res.status).toBe(201);
    expect(theirs.res.headers.get("idempotent-replayed")).toBeNull();
    expect(theirs.body.trackingCode).not.toBe(mine.body.trackingCode);
    expect(theirs.body.secret).toEqual(expect.any(String));
  });

  it("a double-click is one application: the same content from the same client within the window answers with the first receipt, without the secret", async () => {
    const first = await submit(submission(dept.code), {}, "203.0.113.10");
    const again = await submit(submission(dept.code), {}, "203.0.113.10");
    expect(again.res.status).toBe(201);
    expect(again.res.headers.get("duplicate-submission")).toBe("true");
    expect(again.body.trackingCode).toBe(first.body.trackingCode);
    expect(again.body.secret).toBeUndefined();
    expect(again.res.headers.get("cache-control")).toBe("no-store");
  });

  it("a filled honeypot field is refused and nothing is registered", async () => {
    const registered = async () =>
      ((await h.call("GET", "/applications?limit=100", dept.editor)).body.items as unknown[]).length;
    const before = await registered();
    const { res, body } = await submit({ ...submission(dept.code), website: "http://spam.example" });
    expect(res.status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ path: "website" })]);
    expect(await registered()).toBe(before);
  });
});

describe("status by tracking code and secret", () => {
  it("shows the state only with the right secret; a wrong or missing secret is the same 404 as an unknown code", async () => {
    const { body } = await submit(submission(dept.code));
    const ok = await status(publicApp, body.trackingCode, body.secret);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(ok.headers.get("etag")).toBeNull();
    const view = (await ok.json()) as Record<string, unknown>;
    expect(view).toMatchObject({ state: "received", dueOn: "2026-03-31", overdue: false });
    expect(JSON.stringify(view)).not.toContain("王五");
    for (const res of [
      await status(publicApp, body.trackingCode),
      await status(publicApp, body.trackingCode, "wrong-secret"),
      await status(publicApp, "YSQ2026-AAAAAAAAAA", body.secret),
    ]) {
      expect(res.status).toBe(404);
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("the response cache never answers one request's status for another", async () => {
    const { body } = await submit(submission(dept.code));
    expect((await status(cachedApp, body.trackingCode, "wrong-secret")).status).toBe(404);
    expect((await status(cachedApp, body.trackingCode, body.secret)).status).toBe(200);
    expect((await status(cachedApp, body.trackingCode)).status).toBe(404);
  });

  it("the applicant sees the answer and whether it is overdue, as staff record it", async () => {
    const { body } = await submit(submission(dept.code));
    const list = await h.call("GET", "/applications?limit=100", dept.editor);
    const id = (list.body.items as { id: string; trackingCode: string }[]).find(
      (a) => a.trackingCode === body.trackingCode,
    )?.id;
    h.setNow(new Date("2026-04-01T02:00:00.000Z"));
    const late = (await (await status(publicApp, body.trackingCode, body.secret)).json()) as Record<
      string,
      unknown
    >;
    expect(late).toMatchObject({ state: "received", overdue: true });
    await h.call("POST", `/applications/${id}/events`, dept.editor, {
      type: "respond",
      on: "2026-04-01",
      responseType: "partially-disclosed",
    });
    const answered = (await (await status(publicApp, body.trackingCode, body.secret)).json()) as Record<
      string,
      unknown
    >;
    expect(answered).toMatchObject({
      state: "answered",
      responseType: "partially-disclosed",
      endedOn: "2026-04-01",
    });
    h.setNow(new Date("2026-03-02T02:00:00.000Z"));
  });
});

describe("statistics", () => {
  it("counts received by channel, answered, on time and by response type, with table three balanced", async () => {
    const unit = await h.unit("000000902");
    h.setNow(new Date("2026-03-02T02:00:00.000Z"));
    const online = await submit(submission(unit.code));
    expect(online.res.status).toBe(201);
    const posted = await h.call("POST", "/applications", unit.editor, {
      channel: "fax",
      receivedOn: "2026-03-02",
      applicant: { type: "legal-person", orgKind: "commercial", name: "某公司", phone: "0792-1" },
      description: "申请公开某许可的批复",
    });
    await h.call("POST", `/applications/${posted.body.id}/events`, unit.editor, {
      type: "respond",
      on: "2026-03-02",
      responseType: "not-disclosed",
      withholdingGround: "third-party-rights",
    });
    const res = await publicApp.request(`/public/v1/stats/applications?year=2026&unit=${unit.code}`);
    expect(res.status).toBe(200);
    const stats = (await res.json()) as Record<string, unknown> & {
      tableThree: { balanced: boolean; results: Record<string, { commercial: number }> };
    };
    expect(stats).toMatchObject({
      received: 2,
      receivedByChannel: { online: 1, fax: 1 },
      answered: 1,
      answeredOnTime: 1,
      byResponseType: { "not-disclosed": 1 },
      carriedIntoNextYear: 1,
    });
    expect(stats.tableThree.balanced).toBe(true);
    expect(stats.tableThree.results["withheld:third-party-rights"]?.commercial).toBe(1);
    expect(JSON.stringify(stats)).not.toContain("某公司");
  });
});
