import { z } from "zod";
import {
  type Counts,
  reportRows,
  reportSections,
  TableThree,
  tableThreeColumns,
} from "./application-report.ts";
import { IsoDate } from "./date.ts";
import type { FieldIssue } from "./error.ts";
import { text } from "./item-kind.ts";

/**
 * The annual report's figures the platform does not hold (OGI Art. 50; 国办公开办函〔2021〕30号
 * tables 二 and 四): the office enters each with where it comes from and the day it was read,
 * so a printed figure always has someone who counted it.
 */
const count = z.number().int("须为整数").nonnegative("不能为负数");

/** 万元, to the yuan at most (four decimals), as the form's 本年收费金额 column is kept. */
const tenThousandYuan = z
  .number()
  .nonnegative("不能为负数")
  .refine((v) => Math.abs(v * 10_000 - Math.round(v * 10_000)) < 1e-6, "以万元计，最多保留四位小数");

const sourced = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    value,
    /** Whose ledger the figure is read from, e.g. “市行政审批局行政许可台账”. */
    source: text(100),
    /** The day the figure was read from it. */
    on: IsoDate,
  });

/** One row of table 四: the cases of a kind by their result. */
export const CaseOutcomes = z.strictObject({
  upheld: count,
  corrected: count,
  other: count,
  pending: count,
  total: count,
});
export type CaseOutcomes = z.infer<typeof CaseOutcomes>;

export const caseOutcomeColumns: Record<keyof CaseOutcomes, string> = {
  upheld: "结果维持",
  corrected: "结果纠正",
  other: "其他结果",
  pending: "尚未审结",
  total: "总计",
};

export const caseKinds = {
  reconsideration: "行政复议",
  directSuit: "行政诉讼·未经复议直接起诉",
  suitAfterReconsideration: "行政诉讼·复议后起诉",
} as const;
export type CaseKind = keyof typeof caseKinds;

export const ReviewAndLitigation = z.strictObject({
  reconsideration: CaseOutcomes,
  directSuit: CaseOutcomes,
  suitAfterReconsideration: CaseOutcomes,
});
export type ReviewAndLitigation = z.infer<typeof ReviewAndLitigation>;

/**
 * What the office enters; a part not entered yet stays “未填报” in the text and in
 * `notRecorded`, never a zero. Totals are checked here, so a wrong one is a 400 naming its cell.
 */
export const EnteredFigures = z
  .strictObject({
    /** 行政许可: 本年处理决定数量. */
    licences: sourced(count),
    /** 行政处罚: 本年处理决定数量. */
    penalties: sourced(count),
    /** 行政强制: 本年处理决定数量. */
    coercion: sourced(count),
    /** 行政事业性收费: 本年收费金额（万元）. */
    fees: sourced(tenThousandYuan),
    /** Table 四, read from the reconsideration and court registers. */
    reviewAndLitigation: sourced(ReviewAndLitigation),
  })
  .partial()
  .superRefine((figures, ctx) => {
    const cases = figures.reviewAndLitigation?.value;
    if (!cases) return;
    for (const issue of tableFourIssues(cases, ["reviewAndLitigation", "value"])) {
      ctx.addIssue({ code: "custom", path: issue.segments, message: issue.message });
    }
  });
export type EnteredFigures = z.infer<typeof EnteredFigures>;

/** A cell that does not add up: its place in the input and its name on the form. */
type CellIssue = { segments: string[]; message: string };

function tableFourIssues(cases: ReviewAndLitigation, prefix: string[]): CellIssue[] {
  return (Object.keys(caseKinds) as CaseKind[]).flatMap((kind) => {
    const { upheld, corrected, other, pending, total } = cases[kind];
    const sum = upheld + corrected + other + pending;
    return sum === total
      ? []
      : [
          {
            segments: [...prefix, kind, "total"],
            message: `表四「${caseKinds[kind]}」的「总计」为${total}，应为结果维持、结果纠正、其他结果、尚未审结之和${sum}`,
          },
        ];
  });
}

/** The tables a report prints, as drafted: what publication checks and what a later view compares. */
export const ReportTables = z.object({
  normative: z.object({ issued: count, repealed: count, valid: count }),
  applications: TableThree,
  entered: EnteredFigures,
});
export type ReportTables = z.infer<typeof ReportTables>;

const columnKeys = Object.keys(tableThreeColumns) as (keyof Counts)[];
const kindKeys = columnKeys.filter((k) => k !== "total");
const rowNames: Record<string, string> = {
  newThisYear: "一、本年新收政府信息公开申请数量",
  carriedOver: "二、上年结转政府信息公开申请数量",
  resultsTotal: "三、（七）总计",
  carriedIntoNextYear: "四、结转下年度继续办理",
  ...Object.fromEntries(
    reportSections.flatMap((s) =>
      s.rows.map((r) => [
        r.key,
        s.rows.length === 1 ? `三、${s.label.replace(/（区分.*$/, "")}` : `三、${s.label}${r.label}`,
      ]),
    ),
  ),
};
const cellName = (row: string, column: keyof Counts) =>
  `表三「${rowNames[row] ?? row}」×「${tableThreeColumns[column]}」`;

/**
 * Every way table 三 can fail to add up (国办公开办函〔2021〕30号: 第一项加第二项之和，等于第三项加
 * 第四项之和), each naming its cell: the 总计 column of every row is the sum of the applicant
 * columns; the （七）总计 row is the sum of the result rows; and 一 + 二 = 三（七） + 四 in every column.
 */
export function tableThreeIssues(table: TableThree): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const rows: [string, Counts][] = [
    ["newThisYear", table.newThisYear],
    ["carriedOver", table.carriedOver],
    ...reportRows.map((row): [string, Counts] => [row, table.results[row]]),
    ["resultsTotal", table.resultsTotal],
    ["carriedIntoNextYear", table.carriedIntoNextYear],
  ];
  const path = (row: string, column: keyof Counts) =>
    reportRows.includes(row as never)
      ? `applications.results.${row}.${column}`
      : `applications.${row}.${column}`;
  for (const [row, counts] of rows) {
    const sum = kindKeys.reduce((total, k) => total + counts[k], 0);
    if (counts.total !== sum) {
      issues.push({
        path: path(row, "total"),
        message: `${cellName(row, "total")}为${counts.total}，应为各类申请人之和${sum}`,
      });
    }
  }
  for (const column of columnKeys) {
    const sum = reportRows.reduce((total, row) => total + table.results[row][column], 0);
    if (table.resultsTotal[column] !== sum) {
      issues.push({
        path: path("resultsTotal", column),
        message: `${cellName("resultsTotal", column)}为${table.resultsTotal[column]}，应为（一）至（六）各项之和${sum}`,
      });
    }
    const left = table.newThisYear[column] + table.carriedOver[column];
    const right = table.resultsTotal[column] + table.carriedIntoNextYear[column];
    if (left !== right) {
      issues.push({
        path: path("carriedIntoNextYear", column),
        message: `「${tableThreeColumns[column]}」列：一加二为${left}，三（七）加四为${right}，不相等`,
      });
    }
  }
  return issues;
}

/** Everything in a drafted report's tables that does not add up; empty when it may be published. */
export function reportTableIssues(tables: ReportTables): FieldIssue[] {
  const cases = tables.entered.reviewAndLitigation?.value;
  return [
    ...tableThreeIssues(tables.applications),
    ...(cases
      ? tableFourIssues(cases, ["entered", "reviewAndLitigation", "value"]).map((i) => ({
          path: i.segments.join("."),
          message: i.message,
        }))
      : []),
  ];
}

/**
 * Where a published report's tables no longer match the platform's figures (an application
 * answered late, a document repealed back-dated): each differing cell with what the report
 * says and what the platform now counts. The office then corrects the report; nothing is silent.
 */
export function reportMismatches(
  published: Pick<ReportTables, "normative" | "applications">,
  now: Pick<ReportTables, "normative" | "applications">,
): { cell: string; published: number; now: number }[] {
  const out: { cell: string; published: number; now: number }[] = [];
  const normativeNames = { issued: "本年制发件数", repealed: "本年废止件数", valid: "现行有效件数" } as const;
  for (const key of Object.keys(normativeNames) as (keyof typeof normativeNames)[]) {
    if (published.normative[key] !== now.normative[key]) {
      out.push({
        cell: `表二「行政规范性文件」×「${normativeNames[key]}」`,
        published: published.normative[key],
        now: now.normative[key],
      });
    }
  }
  const rowsOf = (t: TableThree): [string, Counts][] => [
    ["newThisYear", t.newThisYear],
    ["carriedOver", t.carriedOver],
    ...reportRows.map((row): [string, Counts] => [row, t.results[row]]),
    ["resultsTotal", t.resultsTotal],
    ["carriedIntoNextYear", t.carriedIntoNextYear],
  ];
  const current = new Map(rowsOf(now.applications));
  for (const [row, counts] of rowsOf(published.applications)) {
    for (const column of columnKeys) {
      const value = current.get(row)?.[column] ?? 0;
      if (counts[column] !== value)
        out.push({ cell: cellName(row, column), published: counts[column], now: value });
    }
  }
  return out;
}
