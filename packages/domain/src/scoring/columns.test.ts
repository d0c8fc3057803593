import { describe, expect, it } from "vitest";
import { fact, facts, ids, run, unit } from "./testing.ts";

describe("column-freshness (news 2 weeks, policy 6 months, monthly columns a month)", () => {
  const inColumn = (columnId: string, publishedOn: string) => fact({ columnId, publishedOn });
  const items = [
    inColumn("environment-news", "2019-12-10"), // news, 21 days before 12-31: stale
    inColumn("environment-news", "2019-11-01"),
    inColumn("social-assistance", "2019-12-05"), // monthly, 26 days: fresh
    inColumn("environment-quality", "2019-11-20"), // monthly, 41 days: stale
    inColumn("decision", "2019-07-01"), // policy, 183 days: fresh on the limit
    inColumn("employment", "2019-06-30"), // policy, 184 days: stale
    inColumn("fiscal-debt", "2018-01-01"), // no threshold
  ];

  it("lists exactly the columns whose newest item is older than the column's threshold", () => {
    const result = run("column-freshness", facts(items));
    expect(ids(result.deductions)).toEqual(["employment", "environment-news", "environment-quality"]);
    expect(result.deductions.find((d) => d.recordId === "environment-news")?.reason).toContain(
      "已21天未更新（限14天）",
    );
    expect(result.deductions[0]?.link).toContain(`unit=${unit}`);
  });

  it("checks only the listed columns, with thresholds the sheet overrides; empty ones are not its business", () => {
    const result = run("column-freshness", facts(items), {
      columnIds: ["social-assistance", "decision", "state-land"],
      thresholds: { "social-assistance": 20 },
    });
    expect(ids(result.deductions)).toEqual(["social-assistance"]);
  });

  it("counts to the assessment's day, not to today", () => {
    expect(
      run("column-freshness", facts(items), {}, "2019-12-20").deductions.map((d) => d.recordId),
    ).not.toContain("environment-news");
  });
});

describe("empty-columns (空白栏目)", () => {
  it("lists exactly the expected columns without any item of the unit", () => {
    const items = [
      fact({ columnId: "decision", publishedOn: "2019-03-01" }),
      fact({ columnId: "fiscal-debt", publishedOn: "2018-03-01" }),
    ];
    const result = run("empty-columns", facts(items), {
      columnIds: ["decision", "fiscal-debt", "social-assistance", "state-land"],
      deductionPerRecord: 2,
    });
    expect(ids(result.deductions)).toEqual(["social-assistance", "state-land"]);
    expect(result.score).toBe(6);
  });
});
