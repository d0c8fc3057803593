import { beforeAll, describe, expect, it } from "vitest";
import { general, publishHarness } from "./test-client.ts";

let h: Awaited<ReturnType<typeof publishHarness>>;
let dept: Awaited<ReturnType<typeof h.unit>>;
let other: Awaited<ReturnType<typeof h.unit>>;
let office: string;

const applicant = {
  type: "legal-person",
  orgKind: "research",
  name: "某研究院",
  phone: "0792-0000000",
};
const register = (receivedOn: string, extra: object = {}) => ({
  channel: "registered-post",
  receivedOn,
  applicant,
  description: "申请公开某项目的环评批复",
  ...extra,
});

type View = {
  id: string;
  version: number;
  state: string;
  dueOn: string | null;
  dueIsProvisional: boolean;
  calendarVersion: string;
  events: { type: string }[];
  explanation: { event: string; effect: string }[];
  applicant: { name: string } | null;
};

const created = async (receivedOn: string, key = dept.editor) => {
  const res = await h.call("POST", "/applications", key, register(receivedOn));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as unknown as View;
};
const event = (id: string, body: object, key = dept.editor, headers: Record<string, string> = {}) =>
  h.call("POST", `/applications/${id}/events`, key, body, headers);

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  dept = await h.unit("000000801");
  other = await h.unit("000000802");
  office = await h.key("000014349", ["office"]);
});

describe("staff registration and handling", () => {
  it("registers a posted application with its receipt date; the detail explains the due date (OGI Art. 31, 33)", async () => {
    const app = await created("2026-02-27");
    // Friday 27 February 2026; Saturday 28 February is a 调休 working day (Spring Festival), so
    // day 20 is Thursday 26 March, not Friday 27.
    expect(app).toMatchObject({ state: "received", dueOn: "2026-03-26", dueIsProvisional: false });
    const detail = await h.call("GET", `/applications/${app.id}`, dept.editor);
    expect(detail.headers.get("etag")).toBe('"1"');
    const view = detail.body as unknown as View;
    expect(view.applicant?.name).toBe("某研究院");
    expect(view.explanation[0]?.effect).toContain("签收之日");
    expect(view.explanation.at(-1)?.effect).toContain("2026-03-26");
  });

  it("a unit sees only its own applications; the office sees all", async () => {
    const app = await created("2026-02-26");
    expect((await h.call("GET", `/applications/${app.id}`, other.editor)).status).toBe(404);
    expect((await h.call("GET", `/applications/${app.id}`, office)).status).toBe(200);
    const own = await h.call("GET", "/applications", other.editor);
    expect((own.body.items as View[]).map((a) => a.id)).not.toContain(app.id);
    const all = await h.call("GET", "/applications?limit=100", office);
    expect((all.body.items as View[]).map((a) => a.id)).toContain(app.id);
    expect(JSON.stringify(all.body)).not.toContain("某研究院");
  });

  it("a unit cannot register for another unit, nor a receipt date in the future", async () => {
    expect(
      (await h.call("POST", "/applications", dept.editor, register("2026-02-27", { unitCode: other.code })))
        .status,
    ).toBe(403);
    expect((await h.call("POST", "/applications", dept.editor, register("2026-03-03"))).status).toBe(400);
    expect(
      (await h.call("POST", "/applications", dept.editor, { ...register("2026-02-27"), channel: "online" }))
        .status,
    ).toBe(400);
  });

  it("OGI Art. 33: an extension moves the due date; a second one is refused with 409", async () => {
    const app = await created("2026-02-27");
    const extend = {
      type: "extend",
      on: "2026-03-02",
      days: 10,
      approver: "办公室主任",
      applicantNotifiedOn: "2026-03-02",
    };
    const res = await event(app.id, extend);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // 2026-03-26 plus 10 working days, 4–6 April (清明) off: 10 April.
    expect(res.body).toMatchObject({ state: "extended", dueOn: "2026-04-10", version: 2 });
    expect((await event(app.id, { ...extend, days: 5 })).status).toBe(409);
  });

  it("国办函〔2020〕109号 Art. 5: per-page charging for an application read on site is 400 on `basis`, and nothing is written", async () => {
    const res = await h.call(
      "POST",
      "/applications",
      dept.editor,
      register("2026-02-27", { provisionForm: "on-site" }),
    );
    const app = res.body as unknown as View;
    const refused = await event(app.id, {
      type: "fee-notice",
      on: "2026-03-02",
      amountYuan: 100,
      basis: "by-pages",
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(JSON.stringify(refused.body)).toContain("basis");
    const detail = (await h.call("GET", `/applications/${app.id}`, dept.editor)).body as unknown as View;
    expect(detail).toMatchObject({ version: 1, events: [] });
    const byCount = await event(app.id, {
      type: "fee-notice",
      on: "2026-03-02",
      amountYuan: 100,
      basis: "by-count",
    });
    expect(byCount.status, JSON.stringify(byCount.body)).toBe(200);
    expect(byCount.body).toMatchObject({ state: "awaiting-fee" });
  });

  it("OGI Art. 35: a reasonable extended deadline is its own event, refused again with 409", async () => {
    const app = await created("2026-02-27");
    const reasonable = {
      type: "extend-reasonable",
      on: "2026-03-02",
      dueOn: "2026-05-29",
      reason: "申请人本月已提出同类申请三十件，需逐件检索",
      applicantNotifiedOn: "2026-03-02",
    };
    const first = await event(app.id, reasonable);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ state: "extended", dueOn: "2026-05-29" });
    expect((await event(app.id, reasonable)).status).toBe(409);
  });

  it("a stale If-Match is 412 and changes nothing", async () => {
    const app = await created("2026-02-27");
    expect(
      (await event(app.id, { type: "accept", on: "2026-03-02" }, dept.editor, { "if-match": '"7"' })).status,
    ).toBe(412);
    const detail = (await h.call("GET", `/applications/${app.id}`, dept.editor)).body as unknown as View;
    expect(detail.events).toHaveLength(0);
  });

  it("two events posted concurrently on one application never lose one", async () => {
    const app = await created("2026-02-27");
    const results = await Promise.all([
      event(app.id, { type: "accept", on: "2026-03-02" }),
      event(app.id, { type: "consult-agency", on: "2026-03-02", agency: "市自然资源局" }),
    ]);
    const ok = results.filter((r) => r.status === 200).length;
    expect(ok).toBeGreaterThanOrEqual(1);
    for (const r of results) expect([200, 409, 412]).toContain(r.status);
    const detail = (await h.call("GET", `/applications/${app.id}`, dept.editor)).body as unknown as View;
    expect(detail.events).toHaveLength(ok);
    expect(detail.version).toBe(1 + ok);
  });

  it("a staff registration with an Idempotency-Key is created once", async () => {
    const body = register("2026-02-25");
    const first = await h.call("POST", "/applications", dept.editor, body, { "idempotency-key": "reg-1" });
    const again = await h.call("POST", "/applications", dept.editor, body, { "idempotency-key": "reg-1" });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });

  it("转主动公开: an answered, disclosed application becomes a draft item; others are refused", async () => {
    const app = await created("2026-02-27");
    const item = { ...general("依申请公开转主动公开的招标文件"), generatedOn: "2026-03-02" };
    expect((await h.call("POST", `/applications/${app.id}/disclose`, dept.editor, item)).status).toBe(409);
    await event(app.id, { type: "respond", on: "2026-03-02", responseType: "disclosed" });
    const res = await h.call("POST", `/applications/${app.id}/disclose`, dept.editor, item);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const draft = res.body.item as unknown as { id: string; state: string; unitCode: string };
    expect(draft).toMatchObject({ state: "draft", unitCode: dept.code });
    const application = res.body.application as unknown as View;
    expect(application.events.at(-1)).toMatchObject({ type: "disclosed-proactively", itemId: draft.id });
  });
});

describe("holiday calendar management", () => {
  const notice2027 = {
    title: "国务院办公厅关于2027年部分节假日安排的通知（测试数据）",
    daysOff: ["2027-01-01", "2027-01-02", "2027-01-03"],
    workdays: [],
  };

  it("only the office loads a notice; a bad one is 400", async () => {
    expect((await h.call("PUT", "/calendar/years/2027", dept.editor, notice2027)).status).toBe(403);
    const bad = await h.call("PUT", "/calendar/years/2027", office, {
      ...notice2027,
      workdays: ["2027-01-04"],
    });
    expect(bad.status).toBe(400);
  });

  it("loading 2027 makes a provisional due date exact and records the change in every open application's log", async () => {
    h.setNow(new Date("2026-12-10T02:00:00.000Z"));
    const open = await created("2026-12-10");
    const answered = await created("2026-12-10");
    await event(answered.id, { type: "respond", on: "2026-12-10", responseType: "does-not-exist" });
    // 1 January 2027 counted as a working day until 2027 is loaded.
    expect(open).toMatchObject({ dueOn: "2027-01-07", dueIsProvisional: true });

    const loaded = await h.call("PUT", "/calendar/years/2027", office, notice2027);
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
    expect(loaded.body).toMatchObject({ year: 2027, version: 1 });
    expect(loaded.body.recomputedApplications).toBeGreaterThanOrEqual(1);

    const after = (await h.call("GET", `/applications/${open.id}`, dept.editor)).body as unknown as View;
    expect(after).toMatchObject({
      dueOn: "2027-01-08",
      dueIsProvisional: false,
      calendarVersion: loaded.body.calendarVersion,
    });
    expect(after.events.at(-1)).toMatchObject({
      type: "calendar-changed",
      dueBefore: "2027-01-07",
      dueAfter: "2027-01-08",
    });
    const untouched = (await h.call("GET", `/applications/${answered.id}`, dept.editor))
      .body as unknown as View;
    expect(untouched.events.map((e) => e.type)).toEqual(["respond"]);

    const calendar = await h.call("GET", "/calendar", dept.editor);
    expect(calendar.body).toMatchObject({ version: loaded.body.calendarVersion });
    expect(calendar.body.years).toContain(2027);
  });

  it("replacing a loaded year needs If-Match and makes a new version", async () => {
    expect((await h.call("PUT", "/calendar/years/2027", office, notice2027)).status).toBe(428);
    const stale = await h.call("PUT", "/calendar/years/2027", office, notice2027, { "if-match": '"3"' });
    expect(stale.status).toBe(412);
    const next = await h.call(
      "PUT",
      "/calendar/years/2027",
      office,
      { ...notice2027, daysOff: ["2027-01-01"] },
      { "if-match": '"1"' },
    );
    expect(next.status).toBe(200);
    expect(next.body.version).toBe(2);
  });
});
