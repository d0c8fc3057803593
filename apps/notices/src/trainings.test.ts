import { testDeps } from "@gov/core/testing";
import { jsonClient } from "@gov/http";
import { countTable, publishedItem } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createNoticesApp } from "./app.ts";
import { examples } from "./examples.ts";

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON answers of many shapes
type Json = Record<string, any>;
let t: Awaited<ReturnType<typeof testDeps>>;
let call: ReturnType<typeof jsonClient<Json>>;
let office: string;
let finance: string;
let justice: string;
let township: string;
let material: { id: string; indexNumber: string };
let draftItemId: string;

/** Monday 2019-11-04: the 2019-11-15 training (a Friday) is eleven days away. */
const monday = new Date("2019-11-04T02:00:00.000Z");

const training = (fields: Json = {}) => ({ ...examples.training, ...fields });

beforeAll(async () => {
  t = await testDeps(monday);
  const app = createNoticesApp(t.deps);
  call = jsonClient<Json>((path, init) => app.request(`http://gov.test/v1${path}`, init));
  office = await t.key("000014349", ["office"]);
  finance = await t.key("000014351", ["editor"]);
  justice = await t.key("000014352", ["reviewer"]);
  township = await t.key("000014372", ["editor"]);
  const { item, audit } = publishedItem(
    {
      kind: "general",
      title: "政务公开工作培训课件",
      columnId: "decision",
      body: "<p>课件</p>",
      generatedOn: "2019-11-01",
    },
    { unitCode: "000014349", sequence: 7, publishedAt: "2019-11-01T02:00:00.000Z" },
  );
  await t.store.items.load([{ item, audit }]);
  material = { id: item.id, indexNumber: item.indexNumber ?? "" };
  const { item: draft } = publishedItem(
    { kind: "general", title: "未发布", columnId: "decision", body: "<p>x</p>", generatedOn: "2019-11-01" },
    { unitCode: "000014349", sequence: 8, publishedAt: "2019-11-01T02:00:00.000Z" },
  );
  await t.store.items.load([{ item: { ...draft, state: "draft", indexNumber: null }, audit }]);
  draftItemId = draft.id;
});

async function created(body: Json = training()) {
  const res = await call("POST", "/trainings", office, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe("POST /trainings: the office creates a training for the units it invites", () => {
  it("creates it with one row per invited unit; its materials are published items by id, 索引号 or portal URL", async () => {
    const res = await call(
      "POST",
      "/trainings",
      office,
      training({
        materials: [
          { itemId: material.id },
          { indexNumber: material.indexNumber },
          { url: `https://www.gongqing.gov.cn/public/v1/items/${encodeURIComponent(material.indexNumber)}` },
        ],
      }),
      { "idempotency-key": "training-2019-11-15" },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get("location")).toBe(`/notices/v1/trainings/${res.body.id}`);
    expect(res.body).toMatchObject({ heldOn: "2019-11-15", startsAt: "2019-11-15T01:00:00.000Z" });
    expect(res.body.invitations.map((i: Json) => [i.unitCode, i.attendance])).toEqual([
      ["000014351", null],
      ["000014352", null],
    ]);
    expect(res.body.materials.map((m: Json) => m.itemId)).toEqual([material.id, material.id, material.id]);
    expect(res.body.materials[0]).toEqual({
      itemId: material.id,
      indexNumber: material.indexNumber,
      title: "政务公开工作培训课件",
    });
  });

  it("a unit's key cannot create one (403)", async () => {
    expect((await call("POST", "/trainings", finance, training())).status).toBe(403);
  });

  const badInputs: [string, Json, string][] = [
    [
      "an unknown invited unit",
      training({ invitedUnitCodes: ["000014351", "999999999"] }),
      "invitedUnitCodes.1",
    ],
    [
      "a unit invited twice",
      training({ invitedUnitCodes: ["000014351", "000014351"] }),
      "invitedUnitCodes.1",
    ],
    ["no invited unit", training({ invitedUnitCodes: [] }), "invitedUnitCodes"],
    ["a start that is no date-time", training({ startsAt: "2019-11-15 09:00" }), "startsAt"],
    ["a start beyond any plan", training({ startsAt: "2099-11-15T09:00:00+08:00" }), "startsAt"],
    [
      "a material that is not published",
      training({ materials: [{ itemId: "DRAFT" }] }),
      "materials.0.itemId",
    ],
    [
      "a material 索引号 nobody allocated",
      training({ materials: [{ indexNumber: "000014349/2019-9999999" }] }),
      "materials.0.indexNumber",
    ],
    [
      "a URL that names no item",
      training({ materials: [{ url: "https://www.gongqing.gov.cn/zwgk/" }] }),
      "materials.0.url",
    ],
    [
      "a material named twice over",
      training({ materials: [{ itemId: "DRAFT", indexNumber: "x" }] }),
      "materials.0",
    ],
  ];
  for (const [n, [what, raw, path]] of badInputs.entries()) {
    it(`${what} is a 400 problem+json naming ${path}, and nothing is written`, async () => {
      const body = JSON.parse(JSON.stringify(raw).replaceAll('"DRAFT"', JSON.stringify(draftItemId)));
      const before = await countTable(t.store);
      const res = await call("POST", "/trainings", office, body, { "idempotency-key": `bad-training-${n}` });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.errors.map((e: Json) => e.path)).toContain(path);
      expect(await countTable(t.store)).toBe(before);
    });
  }
});

describe("invited units read their invitations; others do not see the training", () => {
  it("an invited unit lists and reads it with its own row only; an uninvited unit gets 404 and an empty list", async () => {
    const one = await created();
    const own = await call("GET", `/trainings/${one.id}`, finance);
    expect(own.status).toBe(200);
    expect(own.body.invitations.map((i: Json) => i.unitCode)).toEqual(["000014351"]);
    const list = await call("GET", "/trainings", finance);
    expect(list.body.items.map((i: Json) => i.id)).toContain(one.id);
    expect((await call("GET", `/trainings/${one.id}`, township)).status).toBe(404);
    expect((await call("GET", "/trainings", township)).body.items).toEqual([]);
    const all = await call("GET", `/trainings/${one.id}`, office);
    expect(all.body.invitations).toHaveLength(2);
  });
});

describe("attendance: per unit, by the office or the unit itself, replaced idempotently", () => {
  it("the unit records its own count and names; the same figures again write nothing; new figures replace them", async () => {
    const one = await created();
    const path = `/trainings/${one.id}/attendance/000014351`;
    const first = await call("PUT", path, finance, examples.attendance);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.invitations[0].attendance).toMatchObject({ count: 2, names: ["王敏", "李强"] });
    const before = await countTable(t.store);
    const again = await call("PUT", path, finance, examples.attendance);
    expect(again.body.invitations[0]).toEqual(first.body.invitations[0]);
    expect(await countTable(t.store)).toBe(before);
    const replaced = await call("PUT", path, office, { count: 3 });
    expect(replaced.body.invitations.find((i: Json) => i.unitCode === "000014351").attendance).toMatchObject({
      count: 3,
      names: [],
    });
    expect(replaced.body.attendance).toEqual({ units: 1, people: 3 });
  });

  it("another unit's row and a unit not invited are 404; the office records any invited unit's", async () => {
    const one = await created();
    expect(
      (await call("PUT", `/trainings/${one.id}/attendance/000014351`, justice, { count: 1 })).status,
    ).toBe(404);
    expect(
      (await call("PUT", `/trainings/${one.id}/attendance/000014372`, office, { count: 1 })).status,
    ).toBe(404);
    expect(
      (await call("PUT", `/trainings/${one.id}/attendance/000014352`, office, { count: 1 })).status,
    ).toBe(200);
  });

  it("more names than people is a 400 naming names, and nothing is written", async () => {
    const one = await created();
    const before = await countTable(t.store);
    const res = await call("PUT", `/trainings/${one.id}/attendance/000014351`, finance, {
      count: 1,
      names: ["王敏", "李强"],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: Json) => e.path)).toContain("names");
    expect(await countTable(t.store)).toBe(before);
  });
});

describe("GET /trainings/{id}/notice-draft: a training notice the office posts as it is", () => {
  it("drafts a training notice to the invited units, receipt due two working days before, and POST /notices issues it", async () => {
    const one = await created(training({ materials: [{ itemId: material.id }] }));
    const draft = await call("GET", `/trainings/${one.id}/notice-draft`, office);
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body).toMatchObject({
      kind: "training",
      title: "关于举办共青城市2019年政务公开工作培训会的通知",
      targets: { scope: "units", unitCodes: ["000014351", "000014352"] },
      // Friday 2019-11-15: two working days before is Wednesday the 13th.
      receipt: { required: true, dueOn: "2019-11-13" },
      attachments: [{ title: "政务公开工作培训课件", url: `http://gov.test/public/v1/items/${material.id}` }],
    });
    expect(draft.body.body).toContain("2019年11月15日");
    expect(draft.body.body).toContain("市行政中心三楼会议室");
    const issued = await call("POST", "/notices", office, draft.body);
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body.unitCodes).toEqual(["000014351", "000014352"]);
    expect(issued.body.receiptDeadline).toEqual({ dueOn: "2019-11-13", provisional: false });
    expect((await call("GET", `/notices/${issued.body.id}`, finance)).status).toBe(200);
  });

  it("the deadline is counted back on the holiday calendar: a training on Tuesday 2019-10-08 wants receipts by the make-up working Sunday 09-29", async () => {
    // 2019-10-01..07 is the National Day holiday; Sunday 09-29 is its make-up working day (国办发明电〔2018〕15号).
    const one = await created(training({ startsAt: "2019-10-08T09:00:00+08:00" }));
    t.setNow(new Date("2019-09-20T02:00:00.000Z"));
    try {
      const draft = await call("GET", `/trainings/${one.id}/notice-draft`, office);
      expect(draft.body.receipt).toEqual({ required: true, dueOn: "2019-09-29" });
    } finally {
      t.setNow(monday);
    }
  });

  it("a unit's key cannot draft (403); a training already held cannot be drafted (409)", async () => {
    const one = await created(training({ startsAt: "2019-11-01T09:00:00+08:00" }));
    expect((await call("GET", `/trainings/${one.id}/notice-draft`, finance)).status).toBe(403);
    expect((await call("GET", `/trainings/${one.id}/notice-draft`, office)).status).toBe(409);
  });
});
