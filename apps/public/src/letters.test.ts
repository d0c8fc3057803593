import { countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublicApp } from "./app.ts";
import { citizenHarness, letterBody } from "./citizen-harness.ts";
import { PublicHttpOptions } from "./http-behaviour.ts";

let h: Awaited<ReturnType<typeof citizenHarness>>;
let office: string;
let finance: { code: string; editor: string };
let housing: { code: string; editor: string };

beforeAll(async () => {
  // Tuesday 30 September 2025, 10:00 in Beijing: the National Day holiday follows.
  h = await citizenHarness({}, new Date("2025-09-30T02:00:00.000Z"));
  office = await h.key("000014349", ["office"]);
  finance = { code: "000014351", editor: await h.key("000014351", ["editor"]) };
  housing = { code: "000014361", editor: await h.key("000014361", ["editor"]) };
});

const at = (iso: string) => h.setNow(new Date(iso));

describe("mayor's mailbox: intake, assignment, reply, publication", () => {
  it("intake answers an id, a tracking code and the reply deadline (5 working days over National Day and the 调休 Saturday), no personal data", async () => {
    at("2025-09-30T02:00:00.000Z");
    const res = await h.post("/letters", letterBody("国庆前的来信"));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      receivedOn: "2025-09-30",
      dueOn: "2025-10-14",
      dueIsProvisional: false,
    });
    expect(res.body.trackingCode).toMatch(/^XX2025-[2-9A-HJ-NP-Z]{10}$/);
    expect(res.body.secret).toMatch(/^[\w-]{32}$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(JSON.stringify(res.body)).not.toContain("王先生");
    expect(JSON.stringify(res.body)).not.toContain("13800000000");
  });

  it("the office assigns, the unit transfers on, the new unit replies; the reply is published with consent", async () => {
    at("2025-09-30T02:00:00.000Z");
    const { id } = (await h.post("/letters", letterBody("停车难"))).body;
    const assigned = await h.call("POST", `/letters/${id}/transfer`, office, {
      unitCode: finance.code,
      reason: "先交财政局",
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ state: "assigned", unitCode: finance.code });
    const moved = await h.call("POST", `/letters/${id}/transfer`, finance.editor, {
      unitCode: housing.code,
      reason: "停车场建设属住建职能",
    });
    expect(moved.status).toBe(200);
    expect(moved.body.transfers).toEqual([
      expect.objectContaining({ from: null, to: finance.code, byUnitCode: "000014349" }),
      expect.objectContaining({ from: finance.code, to: housing.code, reason: "停车场建设属住建职能" }),
    ]);
    // Finance no longer holds it: 404, not 403.
    expect((await h.call("POST", `/letters/${id}/reply`, finance.editor, { body: "答复" })).status).toBe(404);
    at("2025-10-09T03:00:00.000Z");
    const replied = await h.call("POST", `/letters/${id}/reply`, housing.editor, {
      body: "已列入年度停车位建设计划。",
    });
    expect(replied.status).toBe(200);
    expect(replied.body).toMatchObject({ state: "replied", repliedOn: "2025-10-09", overdue: false });
    const published = await h.get("/letters?year=2025");
    expect(published.body.items.find((l) => l.id === id)).toEqual({
      id,
      subject: "停车难",
      body: letterBody().body,
      receivedOn: "2025-09-30",
      repliedOn: "2025-10-09",
      unitCode: housing.code,
      unitName: `测试单位${housing.code}`,
      reply: "已列入年度停车位建设计划。",
    });
  });

  it("a letter without consent, or not yet replied, is never published", async () => {
    at("2025-10-09T02:00:00.000Z");
    const secret = (await h.post("/letters", { ...letterBody("不公开的来信"), consentToPublish: false })).body
      .id;
    const open = (await h.post("/letters", letterBody("尚未答复"))).body.id;
    await h.call("POST", `/letters/${secret}/transfer`, office, { unitCode: housing.code, reason: "职能" });
    await h.call("POST", `/letters/${secret}/reply`, housing.editor, { body: "答复" });
    const ids = (await h.get("/letters?limit=100")).body.items.map((l) => l.id);
    expect(ids).not.toContain(secret);
    expect(ids).not.toContain(open);
  });

  it("transfer authorization: a unit that does not hold the letter gets 404; an assessor or reader role gets 403", async () => {
    at("2025-10-10T02:00:00.000Z");
    const { id } = (await h.post("/letters", letterBody("授权测试"))).body;
    expect(
      (
        await h.call("POST", `/letters/${id}/transfer`, finance.editor, {
          unitCode: finance.code,
          reason: "抢办",
        })
      ).status,
    ).toBe(404);
    expect((await h.call("GET", `/letters/${id}`, finance.editor)).status).toBe(404);
    const reviewer = await h.key("000014351", ["reviewer"]);
    expect(
      (await h.call("POST", `/letters/${id}/transfer`, reviewer, { unitCode: finance.code, reason: "x" }))
        .status,
    ).toBe(403);
    const toNowhere = await h.call("POST", `/letters/${id}/transfer`, office, {
      unitCode: "000099999",
      reason: "x",
    });
    expect(toNowhere.status).toBe(422);
    expect(toNowhere.body.errors).toEqual([expect.objectContaining({ path: "unitCode" })]);
    // The office sees the writer (to contact them); the unit's list never carries it.
    const detail = await h.call("GET", `/letters/${id}`, office);
    expect(detail.body.writer).toEqual({ name: "王先生", phone: "13800000000" });
    const list = await h.call("GET", "/letters?limit=100", office);
    expect(JSON.stringify(list.body)).not.toContain("王先生");
  });

  it("a unit lists only its own letters; the office lists all; state and overdue filters", async () => {
    at("2025-10-13T02:00:00.000Z");
    const { id } = (await h.post("/letters", letterBody("逾期测试"))).body;
    await h.call("POST", `/letters/${id}/transfer`, office, { unitCode: finance.code, reason: "职能" });
    // Received Monday 13 October; 5 working days: due Monday 20 October; overdue from the 21st.
    at("2025-10-20T09:00:00.000Z");
    const notYet = await h.call("GET", "/letters?overdue=true&limit=100", finance.editor);
    expect((notYet.body.items as { id: string }[]).map((l) => l.id)).not.toContain(id);
    at("2025-10-21T01:00:00.000Z");
    const overdue = await h.call("GET", "/letters?overdue=true&limit=100", finance.editor);
    expect((overdue.body.items as { id: string; overdue: boolean }[]).find((l) => l.id === id)?.overdue).toBe(
      true,
    );
    const financeAll = (await h.call("GET", "/letters?limit=100", finance.editor)).body.items as {
      unitCode: string;
    }[];
    expect(financeAll.every((l) => l.unitCode === finance.code)).toBe(true);
    const officeAll = (await h.call("GET", "/letters?limit=100", office)).body.items as {
      unitCode: string | null;
    }[];
    expect(new Set(officeAll.map((l) => l.unitCode))).toEqual(new Set([null, finance.code, housing.code]));
    const replied = (await h.call("GET", "/letters?state=replied&limit=100", office)).body.items as {
      state: string;
    }[];
    expect(replied.length).toBeGreaterThan(0);
    expect(replied.every((l) => l.state === "replied")).toBe(true);
  });

  it("malformed letters are 400 with field paths and write nothing", async () => {
    const before = await countTable(h.store);
    const bad = await h.post("/letters", {
      subject: "",
      body: "x",
      writer: { name: "张", email: "not-an-email" },
      consentToPublish: "yes",
      extra: 1,
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(
      ["consentToPublish", "extra", "subject", "writer.email"].sort(),
    );
    expect((await h.post("/letters", "{not json")).status).toBe(400);
    expect((await h.post("/letters", { ...letterBody(), unitCode: "000099999" })).status).toBe(422);
    expect(await countTable(h.store)).toBe(before);
  });

  it("replying twice is 409; a stale If-Match is 412", async () => {
    at("2025-10-22T02:00:00.000Z");
    const { id } = (await h.post("/letters", letterBody("两次答复"))).body;
    const assigned = await h.call("POST", `/letters/${id}/transfer`, office, {
      unitCode: finance.code,
      reason: "职能",
    });
    expect(
      (await h.call("POST", `/letters/${id}/reply`, finance.editor, { body: "答" }, { "if-match": '"1"' }))
        .status,
    ).toBe(412);
    expect(assigned.headers.get("etag")).toBe('"2"');
    expect(
      (await h.call("POST", `/letters/${id}/reply`, finance.editor, { body: "答" }, { "if-match": '"2"' }))
        .status,
    ).toBe(200);
    expect((await h.call("POST", `/letters/${id}/reply`, finance.editor, { body: "再答" })).status).toBe(409);
  });

  it("published replies page newest reply first, without repeats, with and without a unit filter", async () => {
    for (let i = 0; i < 5; i++) {
      at(`2025-11-0${i + 3}T02:00:00.000Z`);
      const { id } = (await h.post("/letters", letterBody(`分页来信${i}`))).body;
      const unit = i % 2 ? finance : housing;
      await h.call("POST", `/letters/${id}/transfer`, office, { unitCode: unit.code, reason: "职能" });
      await h.call("POST", `/letters/${id}/reply`, unit.editor, { body: `答复${i}` });
    }
    for (const filter of ["", `&unit=${housing.code}`]) {
      const all = (await h.get(`/letters?limit=100${filter}`)).body.items;
      const repliedOn = all.map((l) => String(l.repliedOn));
      expect(repliedOn).toEqual([...repliedOn].sort().reverse());
      const seen: unknown[] = [];
      let cursor: string | null = null;
      do {
        const page = await h.get(`/letters?limit=2${filter}${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((l) => l.id));
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      expect(seen).toEqual(all.map((l) => l.id));
    }
    expect((await h.get("/letters?cursor=bm90LWEtY3Vyc29y")).status).toBe(400);
  });
});

describe("the writer's own view, by tracking code and secret", () => {
  const status = async (code: string, secret?: string, app = h.publicApp) => {
    const res = await app.request(
      `/v1/letters/${code}`,
      secret ? { headers: { authorization: `Bearer ${secret}` } } : {},
    );
    return { res, body: (await res.json()) as Record<string, unknown> };
  };

  it("shows the state, the deadline and the reply, even one not published; never the writer", async () => {
    at("2025-09-30T02:00:00.000Z");
    const sent = await h.post("/letters", { ...letterBody("不公开的来信"), consentToPublish: false });
    const { trackingCode, secret, id } = sent.body as typeof sent.body & {
      trackingCode: string;
      secret: string;
    };
    const waiting = await status(trackingCode, secret);
    expect(waiting.res.status).toBe(200);
    expect(waiting.body).toMatchObject({
      state: "received",
      dueOn: "2025-10-14",
      overdue: false,
      reply: null,
    });
    at("2025-10-15T02:00:00.000Z");
    expect((await status(trackingCode, secret)).body.overdue).toBe(true);
    await h.call("POST", `/letters/${id}/transfer`, office, { unitCode: finance.code, reason: "按职能交办" });
    await h.call("POST", `/letters/${id}/reply`, finance.editor, { body: "已核实并处理。" });
    const answered = await status(trackingCode, secret);
    expect(answered.body).toMatchObject({
      state: "replied",
      overdue: false,
      reply: { repliedOn: "2025-10-15", unitName: `测试单位${finance.code}`, body: "已核实并处理。" },
    });
    expect(answered.res.headers.get("cache-control")).toBe("no-store");
    expect(JSON.stringify(answered.body)).not.toContain("王先生");
    expect(JSON.stringify(answered.body)).not.toContain("13800000000");
    // Not published without consent.
    expect((await h.get("/letters?limit=100")).body.items.some((l) => l.id === id)).toBe(false);
  });

  it("a wrong or missing secret is the same 404 as an unknown code, and the cache never answers one writer for another", async () => {
    at("2025-09-30T02:00:00.000Z");
    const sent = await h.post("/letters", letterBody("查询测试"));
    const { trackingCode, secret } = sent.body as typeof sent.body & { trackingCode: string; secret: string };
    const unknown = await status("XX2025-2222222222", secret);
    const wrong = await status(trackingCode, "not-the-secret");
    const missing = await status(trackingCode);
    for (const answer of [unknown, wrong, missing]) {
      expect(answer.res.status).toBe(404);
      expect(answer.body.title).toBe(unknown.body.title);
    }
    const cached = createPublicApp(h.deps, PublicHttpOptions.parse({ cacheSeconds: 10 }));
    expect((await status(trackingCode, secret, cached)).res.status).toBe(200);
    expect((await status(trackingCode, "not-the-secret", cached)).res.status).toBe(404);
    expect((await status(trackingCode, undefined, cached)).res.status).toBe(404);
  });
});
