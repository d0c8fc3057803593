import { testDeps } from "@gov/core/testing";
import { noticeSize } from "@gov/domain";
import { jsonClient } from "@gov/http";
import { countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createNoticesApp } from "./app.ts";
import { examples } from "./examples.ts";

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON answers of many shapes
type Json = Record<string, any>;
let t: Awaited<ReturnType<typeof testDeps>>;
let call: ReturnType<typeof jsonClient<Json>>;
let office: string;
let finance: string;
let education: string;
let township: string;

/** The 2019-11-15 training's notice, issued Monday 2019-11-04 with a receipt by Friday the 8th. */
const training = (fields: Json = {}) => ({
  ...examples.issue,
  targets: { scope: "departments" },
  receipt: { required: true, dueOn: "2019-11-08" },
  ...fields,
});

beforeAll(async () => {
  t = await testDeps(new Date("2019-11-04T02:00:00.000Z"));
  const app = createNoticesApp(t.deps);
  call = jsonClient<Json>((path, init) => app.request(`/v1${path}`, init));
  office = await t.key("000014349", ["office"]);
  finance = await t.key("000014351", ["editor"]);
  education = await t.key("000014352", ["reviewer"]);
  township = await t.key("000014360", ["editor"]);
  await t.store.units.put({ code: "000014360", name: "江益镇", kind: "township" });
});

async function issued(body: Json = training()) {
  const res = await call("POST", "/notices", office, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe("POST /notices: the office issues to the units its targets name", () => {
  it("the documented example (all units, 5 working days) issues to every department and township, with its deadline", async () => {
    const res = await call("POST", "/notices", office, examples.issue, {
      "idempotency-key": "training-2019-11-15",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get("location")).toBe(`/notices/v1/notices/${res.body.id}`);
    expect(res.body.unitCodes).toEqual(["000014351", "000014352", "000014360"]);
    // Issued Monday 4 November 2019: five working days later is Monday the 11th.
    expect(res.body.receiptDeadline).toEqual({ dueOn: "2019-11-11", provisional: false });
    const replay = await call("POST", "/notices", office, examples.issue, {
      "idempotency-key": "training-2019-11-15",
    });
    expect(replay.body.id).toBe(res.body.id);
  });

  it("a unit's key cannot issue (403)", async () => {
    expect((await call("POST", "/notices", finance, training())).status).toBe(403);
  });

  const badInputs: [string, Json, string][] = [
    [
      "an unknown unit",
      training({ targets: { scope: "units", unitCodes: ["000014351", "999999999"] } }),
      "targets.unitCodes.1",
    ],
    ["an empty target set", training({ targets: { scope: "units", unitCodes: [] } }), "targets.unitCodes"],
    ["a body over the byte limit", training({ body: "政".repeat(noticeSize.bodyBytes / 3 + 1) }), "body"],
    [
      "a deadline before the issue day",
      training({ receipt: { required: true, dueOn: "2019-11-01" } }),
      "receipt.dueOn",
    ],
  ];
  for (const [what, body, path] of badInputs) {
    it(`${what} is a 400 problem+json naming ${path}, and nothing is written`, async () => {
      const before = await countTable(t.store);
      const res = await call("POST", "/notices", office, body, { "idempotency-key": `bad-${path}` });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.errors.map((e: Json) => e.path)).toContain(path);
      expect(await countTable(t.store)).toBe(before);
    });
  }
});

describe("receipts over HTTP: targets only, idempotent, late flagged for the office", () => {
  it("a unit that is not a target gets 404 for the notice, its acknowledgement and sees it in no list", async () => {
    const notice = await issued(training());
    expect((await call("GET", `/notices/${notice.id}`, township)).status).toBe(404);
    expect((await call("POST", `/notices/${notice.id}/ack`, township, {})).status).toBe(404);
    const list = await call("GET", "/notices", township);
    expect(list.body.items.map((n: Json) => n.id)).not.toContain(notice.id);
    expect((await call("GET", `/notices/${notice.id}`, finance)).body.ownReceipt.status).toBe("pending");
    expect((await call("GET", `/notices/${notice.id}/receipts`, finance)).status).toBe(403);
  });

  it("acknowledging twice is harmless: the first time, note and contact stand", async () => {
    const notice = await issued(training());
    const first = await call("POST", `/notices/${notice.id}/ack`, finance, examples.acknowledge);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.ownReceipt).toMatchObject({ status: "acknowledged", ...examples.acknowledge });
    const second = await call("POST", `/notices/${notice.id}/ack`, finance);
    expect(second.status).toBe(200);
    expect(second.body.ownReceipt).toEqual(first.body.ownReceipt);
  });

  it("the office's view flags a unit late once the deadline has passed without its receipt", async () => {
    const notice = await issued(training());
    await call("POST", `/notices/${notice.id}/ack`, finance, {});
    t.setNow(new Date("2019-11-11T02:00:00.000Z"));
    try {
      const view = await call("GET", `/notices/${notice.id}/receipts`, office);
      expect(view.status).toBe(200);
      expect(view.body.receiptDeadline).toEqual({ dueOn: "2019-11-08", provisional: false });
      expect(view.body.counts).toEqual({ total: 2, acknowledged: 1, pending: 0, late: 1 });
      expect(view.body.receipts.find((r: Json) => r.status === "late").unitCode).toBe("000014352");
      const late = await call("POST", `/notices/${notice.id}/ack`, education, {});
      expect(late.body.ownReceipt.status).toBe("late");
    } finally {
      t.setNow(new Date("2019-11-04T02:00:00.000Z"));
    }
  });

  it("an unknown field of the acknowledgement is a 400 naming it", async () => {
    const notice = await issued(training());
    const res = await call("POST", `/notices/${notice.id}/ack`, finance, { signedBy: "王敏" });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe("signedBy");
  });
});
