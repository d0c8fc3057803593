import { describe, expect, it } from "vitest";
import { DomainError } from "../error.ts";
import { checkIndicatorRules } from "../indicator.ts";
import type { ItemFact } from "./facts.ts";
import { fact, facts, ids, indicator, run } from "./testing.ts";

describe("annual-report-on-time (OGI Art. 49: departments by 31 January, the government by 31 March)", () => {
  const report = (publishedOn: string) =>
    fact({ publishedOn, columnId: "annual-reports", title: "2018年政府信息公开工作年度报告" });
  const of = (level: "city" | "department" | "township", items: ItemFact[]) => ({
    ...facts(items),
    level,
  });

  it("a department's report published by 31 January passes; one on 1 February is named, with the days late", () => {
    const onTime = report("2019-01-31");
    expect(run("annual-report-on-time", of("department", [onTime]))).toEqual({ score: 10, deductions: [] });
    const late = report("2019-02-01");
    const result = run("annual-report-on-time", of("department", [late]));
    expect(ids(result.deductions)).toEqual([late.id]);
    expect(result.deductions[0]?.reason).toContain("晚于2019-01-31的期限1天");
  });

  it("the city government's deadline is 31 March; a sheet may set its own", () => {
    const february = report("2019-02-20");
    expect(run("annual-report-on-time", of("city", [february])).deductions).toEqual([]);
    expect(ids(run("annual-report-on-time", of("city", [report("2019-04-01")])).deductions)).toHaveLength(1);
    const strict = run("annual-report-on-time", of("city", [february]), { due: "02-15" });
    expect(ids(strict.deductions)).toEqual([february.id]);
  });

  it("no report: nothing is owed before the deadline, one deduction for the missing report after it", () => {
    const other = fact({ publishedOn: "2019-01-10" });
    expect(run("annual-report-on-time", of("township", [other]), {}, "2019-01-31").deductions).toEqual([]);
    const missing = run("annual-report-on-time", of("township", [other]), {}, "2019-02-01");
    expect(missing.deductions).toEqual([
      expect.objectContaining({
        recordId: "annual-report-2018",
        link: expect.stringContaining("annual-reports"),
      }),
    ]);
  });

  it("last year's report does not count for this year, and only the first report of the year is judged", () => {
    const lastYear = report("2018-01-20");
    expect(ids(run("annual-report-on-time", of("department", [lastYear])).deductions)).toEqual([
      "annual-report-2018",
    ]);
    const first = report("2019-01-15");
    const correction = report("2019-03-01");
    expect(run("annual-report-on-time", of("department", [correction, first])).deductions).toEqual([]);
  });

  it("is refused without the sheet's level rather than guessing a deadline", () => {
    expect(() => run("annual-report-on-time", facts([report("2019-01-15")]))).toThrow(/level/);
  });

  it("a malformed deadline parameter is named", () => {
    expect(() =>
      checkIndicatorRules([indicator({ id: "annual-report-on-time", params: { due: "1-31" } })]),
    ).toThrow(DomainError);
  });
});
