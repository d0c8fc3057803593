import { z } from "zod";
import { daysBetween } from "../date.ts";
import type { IndicatorLevel } from "../indicator-level.ts";
import { aboutItem, columnLink } from "./deduction.ts";
import { firstPublishedOn, inYear, needed } from "./facts.ts";
import { deductionPerRecord, type RuleDefinition } from "./rule.ts";

const AnnualReportParams = z.strictObject({
  deductionPerRecord,
  /** The deadline as MM-DD, overriding the level's (department and township 01-31, city 03-31). */
  due: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "须为MM-DD格式的日期")
    .optional(),
});
type AnnualReportParams = z.infer<typeof AnnualReportParams>;

/**
 * OGI Art. 49: a department publishes last year's annual report by 31 January; the government
 * (the city level, published by its office) by 31 March. Townships and streets report to the
 * city's office as departments do, so 31 January unless the sheet says otherwise. The report
 * is the item the unit publishes in the 年度报告 column in the assessed year; consistency of
 * its tables needs a structured report and is not judged here (ADR 0033).
 */
export const annualReportDue: Record<IndicatorLevel, string> = {
  city: "03-31",
  department: "01-31",
  township: "01-31",
};

export const annualReportOnTime: RuleDefinition<AnnualReportParams> = {
  id: "annual-report-on-time",
  name: "年度报告按时公布（条例第四十九条）",
  params: AnnualReportParams,
  evaluate: (params, facts, asOf) => {
    const due = `${facts.year}-${params.due ?? annualReportDue[needed(facts.level, "the sheet's level")]}`;
    const covered = facts.year - 1;
    const reports = facts.items
      .filter((i) => i.columnId === "annual-reports" && inYear(facts.year)(i))
      .sort((a, b) => firstPublishedOn(a).localeCompare(firstPublishedOn(b)));
    const first = reports[0];
    if (!first) {
      if (asOf <= due) return [];
      return [
        {
          recordId: `annual-report-${covered}`,
          reason: `未在“政府信息公开年度报告”栏目公布${covered}年度报告（应于${due}前公布，条例第四十九条）`,
          title: `${covered}年度政府信息公开工作年度报告`,
          link: columnLink("annual-reports", facts.unitCode),
        },
      ];
    }
    const on = firstPublishedOn(first);
    if (on <= due) return [];
    return [
      aboutItem(
        first,
        `${covered}年度报告于${on}公布，晚于${due}的期限${daysBetween(due, on)}天（条例第四十九条）`,
      ),
    ];
  },
};
