import { testDeps } from "@gov/core/testing";
import { jsonClient } from "@gov/http";
import { countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createSupervisionApp } from "./app.ts";

// Scores are half points; a number DynamoDB cannot keep and a date far outside the plausible
// are each a 400 naming the field, and nothing is written.

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON answers of many shapes
type Json = Record<string, any>;
let t: Awaited<ReturnType<typeof testDeps>>;
let office: string;
let assessor: string;
let assessmentId: string;
let etag: string;
const dept = "000014351";
let call: ReturnType<typeof jsonClient<Json>>;

const sheet = (maxScore: unknown) => ({
  year: 2019,
  level: "department",
  name: "评估要点",
  indicators: [{ code: "1", name: "重大决策征求意见及反馈", maxScore, deduction: "每项扣0.5分" }],
});

beforeAll(async () => {
  t = await testDeps(new Date("2019-12-20T02:00:00.000Z"));
  const app = createSupervisionApp(t.deps);
  call = jsonClient<Json>((path, init) => app.request(`/v1${path}`, init));
  office = await t.key("000014349", ["office"]);
  assessor = await t.key("900000001", ["assessor"]);
  await t.key(dept, ["editor"]);
  const system = await call("POST", "/indicator-systems", office, sheet(10));
  expect(system.status, JSON.stringify(system.body)).toBe(201);
  const assessment = await call("POST", "/assessments", office, {
    indicatorSystemId: system.body.id,
    unitCode: dept,
    assessor: "第三方评估机构",
  });
  expect(assessment.status, JSON.stringify(assessment.body)).toBe(201);
  assessmentId = assessment.body.id;
  etag = assessment.headers.get("etag") as string;
});

async function refused(
  key: string,
  method: string,
  path: string,
  body: unknown,
  errorPath: string,
  headers = {},
) {
  const before = await countTable(t.store);
  const res = await call(method, path, key, body, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
  expect(res.body.errors[0].path).toBe(errorPath);
  expect(await countTable(t.store)).toBe(before);
  return res.body.errors[0].message as string;
}

const scores = (literal: string) => `{"scores":[{"indicatorCode":"1","score":${literal}}]}`;

describe("issue 12 #4 numbers", () => {
  it("issue 12 #4 numbers: a score of 1e-200 is 400 at scores.0.score, never a 500 from DynamoDB", async () => {
    const message = await refused(
      assessor,
      "PUT",
      `/assessments/${assessmentId}/scores`,
      scores("1e-200"),
      "scores.0.score",
      {
        "if-match": etag,
      },
    );
    expect(message).toMatch(/^数值超出可保存的范围/);
  });

  it("issue 12 #4 decimal steps: a score of 0.5000000000000001 is not half points (400); 2.5 is", async () => {
    const message = await refused(
      assessor,
      "PUT",
      `/assessments/${assessmentId}/scores`,
      scores("0.5000000000000001"),
      "scores.0.score",
      { "if-match": etag },
    );
    expect(message).toBe("分值须为0.5的整数倍");
    const ok = await call("PUT", `/assessments/${assessmentId}/scores`, assessor, scores("2.5"), {
      "if-match": etag,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.total).toBe(2.5);
  });

  it("issue 12 #4 decimal steps: a maximum of 0.5000000000000001 or a deduction of 1.0000000000000002 per record is 400", async () => {
    expect(
      await refused(office, "POST", "/indicator-systems", sheet(0.5000000000000001), "indicators.0.maxScore"),
    ).toBe("分值须为0.5的整数倍");
    const withRule = sheet(10);
    Object.assign(withRule.indicators[0] as object, {
      rule: { id: "proactive-timeliness", params: { deductionPerRecord: 1.0000000000000002 } },
    });
    await refused(
      office,
      "POST",
      "/indicator-systems",
      withRule,
      "indicators.0.rule.params.deductionPerRecord",
    );
  });
});

describe("issue 12 #12 implausible dates", () => {
  it("issue 12 #12 dates: a rectification deadline of 9999-12-31 is 400 at deadline", async () => {
    const message = await refused(
      office,
      "POST",
      "/rectification-tasks",
      {
        unitCode: dept,
        indicatorCode: "1",
        problem: "意见反馈未公开",
        measures: "补充公开",
        deadline: "9999-12-31",
      },
      "deadline",
    );
    expect(message).toBe("不能晚于2029-12-31");
  });

  it("issue 12 #12 dates: an assessment judged as of a day after today is 400 at asOf", async () => {
    const system = await call("POST", "/indicator-systems", office, {
      ...sheet(10),
      level: "city",
      name: "另一套",
    });
    const message = await refused(
      office,
      "POST",
      "/assessments",
      { indicatorSystemId: system.body.id, unitCode: "000014349", assessor: "评估组", asOf: "9999-12-31" },
      "asOf",
    );
    expect(message).toBe("不能晚于今天（2019-12-20）");
  });
});
