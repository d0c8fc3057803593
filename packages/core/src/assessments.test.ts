import { publishedItem } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import {
  autoScoreAssessment,
  createAssessment,
  getAssessment,
  rankYear,
  scoreAssessment,
} from "./assessments.ts";
import { assessor, departmentSheet, dept, office, otherDept, supervisionDeps } from "./test-supervision.ts";

let t: Awaited<ReturnType<typeof supervisionDeps>>;
let systemId: string;

/** An item formed on 2019-03-01: 20 working days end on 03-29, so 04-01 is late. */
const published = (unit: { unitCode: string }, sequence: number, publishedOn: string) =>
  publishedItem(
    {
      kind: "general",
      title: "测试信息",
      columnId: "decision",
      body: "<p>正文</p>",
      generatedOn: "2019-03-01",
    },
    { unitCode: unit.unitCode, sequence, publishedAt: `${publishedOn}T02:00:00.000Z` },
  );

beforeAll(async () => {
  t = await supervisionDeps(new Date("2019-12-20T02:00:00.000Z"));
  const system = await departmentSheet(t.deps, [
    { code: "1", name: "重大决策征求意见及反馈", maxScore: 10, deduction: "每项扣2分" },
    {
      code: "2",
      name: "20个工作日内公开",
      maxScore: 10,
      deduction: "每项扣5分",
      rule: { id: "proactive-timeliness", params: { deductionPerRecord: 5 } },
    },
  ]);
  systemId = system.id;
});

describe("assessments", () => {
  let id: string;

  it("auto-scoring deducts for the unit's own late items up to the assessment's day, which the clock sets", async () => {
    const onTime = published(dept, 1, "2019-03-29");
    const late = published(dept, 2, "2019-04-01");
    const afterTheDay = published(dept, 3, "2019-12-24");
    const othersLate = published(otherDept, 1, "2019-04-01");
    await t.store.items.load([onTime, late, afterTheDay, othersLate]);

    const { assessment } = await createAssessment(t.deps, office, {
      indicatorSystemId: systemId,
      unitCode: dept.unitCode,
      assessor: "第三方评估机构",
    });
    expect(assessment.asOf).toBe("2019-12-20");
    id = assessment.id;

    const scored = await autoScoreAssessment(t.deps, assessor, { id });
    expect(scored.asOf).toBe("2019-12-20");
    expect(scored.results).toEqual([
      expect.objectContaining({
        indicatorCode: "2",
        score: 5,
        deductions: [expect.objectContaining({ recordId: late.item.id })],
      }),
    ]);
    expect(scored.assessment).toMatchObject({ version: 2, updatedAt: "2019-12-20T02:00:00.000Z" });
  });

  it("a stale expectedVersion is precondition-failed and writes nothing; the current one scores", async () => {
    const scores = [{ indicatorCode: "1", score: 8 }];
    await expect(scoreAssessment(t.deps, assessor, { id, expectedVersion: 1, scores })).rejects.toMatchObject(
      { kind: "precondition-failed" },
    );
    expect((await getAssessment(t.deps, assessor, { id })).assessment.version).toBe(2);

    const { assessment } = await scoreAssessment(t.deps, assessor, { id, expectedVersion: 2, scores });
    expect(assessment.version).toBe(3);
  });

  it("an assessment is only for a unit of the sheet's level", async () => {
    await expect(
      createAssessment(t.deps, office, {
        indicatorSystemId: systemId,
        unitCode: office.unitCode,
        assessor: "x",
      }),
    ).rejects.toMatchObject({ kind: "unprocessable", issues: [{ path: "unitCode" }] });
  });

  it("rankings order a level's units by their total", async () => {
    const { assessment } = await createAssessment(t.deps, office, {
      indicatorSystemId: systemId,
      unitCode: otherDept.unitCode,
      assessor: "x",
    });
    await scoreAssessment(t.deps, assessor, {
      id: assessment.id,
      scores: [{ indicatorCode: "1", score: 10 }],
    });

    const { levels } = await rankYear(t.deps, office, { year: 2019, level: "department" });
    expect(levels[0]?.rows.map((r) => [r.rank, r.unitName, r.total])).toEqual([
      [1, "市财政局", 13],
      [2, "市教育局", 10],
    ]);
  });
});
