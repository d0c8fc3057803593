import { connectedFrom } from "@gov/http";
import { countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { citizenHarness } from "./citizen-harness.ts";

/** One application, several units over HTTP (ADR 0061): the applicant names units, the office routes. */
let h: Awaited<ReturnType<typeof citizenHarness>>;
let first: Awaited<ReturnType<typeof h.unit>>;
let second: Awaited<ReturnType<typeof h.unit>>;
let third: Awaited<ReturnType<typeof h.unit>>;
let office: string;

const submission = (unitCode: string, otherUnitCodes?: string[]) => ({
  unitCode,
  ...(otherUnitCodes ? { otherUnitCodes } : {}),
  applicant: { type: "natural-person", name: "王五", phone: "13900000000" },
  description: "申请公开本市2025年老旧小区改造项目清单及资金安排",
});

type Part = { id: string; unitCode: string; receivedOn: string; dueOn: string; partOf?: string };
type Status = { unitCode: string; parts: (Omit<Part, "id"> & { unitName: string; state: string })[] };

const status = async (trackingCode: string, secret: string) => {
  const res = await h.publicApp.request(`/v1/applications/${trackingCode}`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Status;
};

/** The part a unit's editor finds in its own list. */
const partIn = async (unit: { editor: string }, trackingCode: string) => {
  const list = await h.call("GET", "/applications?limit=100", unit.editor);
  return (list.body.items as unknown as Part[]).find(
    (a) => (a as { trackingCode?: string }).trackingCode === trackingCode,
  );
};

beforeAll(async () => {
  h = await citizenHarness({}, new Date("2026-03-02T02:00:00.000Z"));
  first = await h.unit("000000911");
  second = await h.unit("000000912");
  third = await h.unit("000000913");
  office = await h.key("000014349", ["office"]);
});

describe("one application, several units (ADR 0061)", () => {
  it("the applicant names two units: each holds its own part, and the tracking code shows both", async () => {
    const submitted = await h.post("/applications", submission(first.code, [second.code]));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const { trackingCode, secret } = submitted.body as unknown as { trackingCode: string; secret: string };
    const own = await partIn(second, trackingCode);
    expect(own).toMatchObject({ unitCode: second.code, receivedOn: "2026-03-02", dueOn: "2026-03-31" });
    // The first unit does not see the second's part: 404, as for any other unit's application.
    expect((await h.call("GET", `/applications/${own?.id}`, first.editor)).status).toBe(404);
    expect((await status(trackingCode, secret)).parts).toMatchObject([
      { unitCode: first.code, unitName: `测试单位${first.code}`, state: "received", dueOn: "2026-03-31" },
      { unitCode: second.code, unitName: `测试单位${second.code}`, state: "received", dueOn: "2026-03-31" },
    ]);
  });

  it("a unit named twice, or the first unit named again, is 400 and nothing is written", async () => {
    const before = await countTable(h.store);
    const repeated = await h.post("/applications", submission(first.code, [second.code, second.code]));
    expect(repeated.status).toBe(400);
    const again = await h.post("/applications", submission(first.code, [first.code]));
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual([expect.objectContaining({ path: "otherUnitCodes.0" })]);
    // Control: the same body without the repeat is accepted.
    expect(await countTable(h.store)).toBe(before);
    expect((await h.post("/applications", submission(first.code, [third.code]))).status).toBe(201);
  });

  it("OGI Art. 31, 33: the office routes a part to a third unit, which counts its 20 working days from that day", async () => {
    h.setNow(new Date("2026-03-02T02:00:00.000Z"));
    const submitted = await h.post("/applications", submission(first.code));
    const { trackingCode, secret } = submitted.body as unknown as { trackingCode: string; secret: string };
    const own = await partIn(first, trackingCode);
    const route = (key: string, body: object, headers: Record<string, string> = {}) =>
      h.call("POST", `/applications/${own?.id}/parts`, key, body, headers);

    expect((await route(first.editor, { unitCodes: [third.code] })).status).toBe(403);
    expect((await route(office, { unitCodes: ["000009999"] })).status).toBe(422);
    expect((await route(office, { unitCodes: [] })).status).toBe(400);

    // Wednesday 4 March: received by the third unit that day, due on the 20th working day after, 1 April.
    h.setNow(new Date("2026-03-04T02:00:00.000Z"));
    const routed = await route(
      office,
      { unitCodes: [third.code], on: "2026-03-04" },
      { "idempotency-key": "route-1" },
    );
    expect(routed.status, JSON.stringify(routed.body)).toBe(201);
    expect(routed.body.parts).toEqual([
      expect.objectContaining({
        unitCode: third.code,
        receivedOn: "2026-03-04",
        dueOn: "2026-04-01",
        partOf: own?.id,
      }),
    ]);
    // A retried request replays; the same unit again without the key is a conflict naming it.
    const replay = await route(
      office,
      { unitCodes: [third.code], on: "2026-03-04" },
      { "idempotency-key": "route-1" },
    );
    expect(replay.body).toEqual(routed.body);
    const repeated = await route(office, { unitCodes: [third.code] });
    expect(repeated.status).toBe(409);
    expect(repeated.body.errors).toEqual([expect.objectContaining({ path: "unitCodes.0" })]);

    const seen = await status(trackingCode, secret);
    expect(seen.unitCode).toBe(first.code);
    expect(seen.parts.map((p) => [p.unitCode, p.dueOn])).toEqual([
      [first.code, "2026-03-31"],
      [third.code, "2026-04-01"],
    ]);
    expect(await partIn(third, trackingCode)).toMatchObject({ receivedOn: "2026-03-04" });
  });

  it("the portal's form names more units by checkbox; one naming the first unit again is shown at the group, writing nothing", async () => {
    h.setNow(new Date("2026-03-02T02:00:00.000Z"));
    const form = (await (await h.publicApp.request("/apply")).text()).replaceAll("\n", "");
    expect(form).toContain(`<input type="checkbox" name="otherUnitCodes" value="${second.code}"/>`);
    const fields = (others: string[], client: string) => {
      const body = new URLSearchParams({
        unitCode: first.code,
        "applicant.type": "natural-person",
        "applicant.name": "赵六",
        "applicant.phone": "13700000000",
        description: "申请公开本市2025年城区排水管网改造的验收材料",
      });
      for (const code of others) body.append("otherUnitCodes", code);
      return h.publicApp.request(
        "/apply",
        {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: body.toString(),
        },
        connectedFrom(client),
      );
    };
    const before = await countTable(h.store);
    const refused = await fields([second.code, first.code], "203.0.113.20");
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain(
      '<p class="field-error" id="field-otherUnitCodes-error">与受理机关（unitCode）重复</p>',
    );
    expect(page).toContain(`value="${second.code}" checked=""`);
    expect(await countTable(h.store)).toBe(before);
    // Control: the same form with two distinct further units makes three parts.
    const accepted = await fields([second.code, third.code], "203.0.113.21");
    expect(accepted.status).toBe(303);
    const list = await h.call("GET", "/applications?limit=100", third.editor);
    expect((list.body.items as unknown as { description: string }[]).map((a) => a.description)).toContain(
      "申请公开本市2025年城区排水管网改造的验收材料",
    );
  });

  it("the portal's status page lists each unit's part with its deadline and answer", async () => {
    h.setNow(new Date("2026-03-02T02:00:00.000Z"));
    const submitted = await h.post("/applications", submission(first.code, [second.code]));
    const { trackingCode, secret } = submitted.body as unknown as { trackingCode: string; secret: string };
    const own = await partIn(second, trackingCode);
    const answered = await h.call("POST", `/applications/${own?.id}/events`, second.editor, {
      type: "respond",
      on: "2026-03-02",
      responseType: "disclosed",
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const page = await h.publicApp.request(
      "/apply/status",
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ trackingCode, secret }).toString(),
      },
      connectedFrom("203.0.113.9"),
    );
    const html = await page.text();
    expect(html).toContain('<table id="application-parts">');
    expect(html).toContain(`<th scope="row">测试单位${second.code}</th><td>已答复</td>`);
    expect(html).toContain("予以公开（2026-03-02）");
    expect(html).toContain(`<th scope="row">测试单位${first.code}</th><td>已收到，办理中</td>`);
  });
});
