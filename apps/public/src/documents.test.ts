import { normative, publishHarness } from "@gov/publish/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublicApp } from "./app.ts";

let h: Awaited<ReturnType<typeof publishHarness>>;
let publicApp: ReturnType<typeof createPublicApp>;
const ids = { effective: "", repealed: "", lastYear: "", draft: "", withdrawn: "" };

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  publicApp = createPublicApp(h.deps);
  const dept = await h.unit("000000801");
  ids.effective = (await dept.publish(normative("共府办发〔2026〕1号"))).id;
  ids.repealed = (await dept.publish(normative("共府办发〔2026〕2号"))).id;
  const repeal = await h.call("POST", `/items/${ids.repealed}/validity`, dept.reviewer, {
    status: "repealed",
    on: "2026-03-02",
    reason: "已被新文件替代",
  });
  expect(repeal.status, JSON.stringify(repeal.body)).toBeLessThan(300);
  ids.lastYear = (
    await dept.publish({
      ...normative("共府办发〔2025〕9号"),
      generatedOn: "2025-11-20",
      effectiveOn: "2025-12-01",
      filing: { filedWith: "共青城市司法局", filedOn: "2025-11-25", result: "passed" },
    })
  ).id;
  ids.draft = (await dept.draft(normative("共府办发〔2026〕3号"))).id;
  ids.withdrawn = (await dept.publish(normative("共府办发〔2026〕4号"))).id;
  const withdrawn = await h.call("POST", `/items/${ids.withdrawn}/withdraw`, dept.reviewer, {
    reason: "内容有误",
  });
  expect(withdrawn.status).toBeLessThan(300);
});

type Answer = {
  catalogue: { year: number; issued: number; repealed: number; valid: number; documents: { id: string }[] };
  documents: { id: string; validity: string; docNumber: string }[];
};

async function read(query = "") {
  const res = await publicApp.request(`/v1/documents${query}`);
  return { status: res.status, body: (await res.json()) as Answer };
}

describe("the public normative-document catalogue", () => {
  it("gives the year's figures and documents, never a draft or a withdrawn document", async () => {
    const { status, body } = await read("?year=2026");
    expect(status).toBe(200);
    expect(body.catalogue).toMatchObject({ year: 2026, issued: 2, repealed: 1, valid: 2 });
    expect(body.catalogue.documents.map((d) => d.id)).toEqual([ids.effective, ids.repealed]);
    const listed = body.documents.map((d) => d.id);
    expect(listed).toEqual([ids.repealed, ids.effective]);
    for (const id of [ids.draft, ids.withdrawn, ids.lastYear]) expect(listed).not.toContain(id);
  });

  it("filters the list by current 有效性, across years when no year is given", async () => {
    const repealed = await read("?validity=repealed");
    expect(repealed.body.documents.map((d) => [d.id, d.validity])).toEqual([[ids.repealed, "repealed"]]);
    const effective = await read("?validity=effective");
    expect(effective.body.documents.map((d) => d.id)).toEqual([ids.effective, ids.lastYear]);
  });

  it("without a year, the catalogue is of the current year by the service clock (Asia/Shanghai)", async () => {
    // 2026-12-31T16:30Z is already 2027-01-01 in Shanghai.
    h.setNow(new Date("2026-12-31T16:30:00.000Z"));
    try {
      const { body } = await read();
      expect(body.catalogue).toMatchObject({ year: 2027, issued: 0, valid: 2 });
      expect(body.documents).toHaveLength(3);
    } finally {
      h.setNow(new Date("2026-03-02T02:00:00.000Z"));
    }
  });

  it("a bad validity or year is a 400 problem naming the parameter", async () => {
    for (const [query, path] of [
      ["?validity=valid", "query.validity"],
      ["?year=1999", "query.year"],
    ] as const) {
      const res = await publicApp.request(`/v1/documents${query}`);
      expect(res.status, query).toBe(400);
      const problem = (await res.json()) as { errors: { path: string }[] };
      expect(problem.errors.map((e) => e.path)).toContain(path);
    }
  });
});
