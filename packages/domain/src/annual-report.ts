import { z } from "zod";
import type { Application } from "./application.ts";
import { applicationStatisticsOfYear } from "./application-clock/statistics.ts";
import { type Counts, reportSections, TableThree, tableThreeColumns } from "./application-report.ts";
import type { Calendar } from "./calendar.ts";
import { IsoDate } from "./date.ts";
import type { Item } from "./item.ts";
import { NormativeCatalogue, normativeCatalogue } from "./normative.ts";
import { isOverdue, type RectificationTask } from "./rectification.ts";
import type { Settings } from "./settings.ts";
import { type Invitation, type Training, TrainingFigure, trainingFigure } from "./training.ts";
import type { Unit } from "./unit.ts";
import { Block, blocksHtml, blocksMarkdown } from "./written-document.ts";

/**
 * What the platform knows for one year's 政府信息公开工作年度报告 (OGI Art. 50, the 2021 format
 * of 国办公开办函〔2021〕30号): the normative-document figures of table 二, table 三 of
 * applications, the year's rectification tasks and its trainings. Licences, penalties, coercive measures,
 * fees and reconsideration or litigation are not recorded on the platform: the report says
 * so instead of printing a zero that nobody counted.
 */
export type AnnualReportInput = {
  year: number;
  /** The government or department whose report it is. */
  issuer: string;
  /** The day the figures were read (the report of a year not yet over is provisional). */
  asOf: string;
  normative: AnnualReport["normative"];
  applications: TableThree;
  tasks: readonly RectificationTask[];
  training: TrainingFigure;
};

const count = z.number().int().nonnegative();

export const AnnualReport = z.object({
  year: z.number().int(),
  title: z.string(),
  issuer: z.string(),
  asOf: IsoDate,
  /** The year is not over on `asOf`: every figure may still change. */
  provisional: z.boolean(),
  normative: NormativeCatalogue.pick({ issued: true, repealed: true, valid: true }),
  applications: TableThree,
  rectification: z.object({ tasks: count, verified: count, overdue: count }),
  /** Trainings held in the year and their attendance (人次), counted from the training records. */
  training: TrainingFigure,
  /** The parts the platform does not record, to be filled in by hand before publication. */
  notRecorded: z.array(z.string()),
  blocks: z.array(Block),
});
export type AnnualReport = z.infer<typeof AnnualReport>;

const notRecorded = [
  "二、主动公开政府信息情况：规章，行政许可、行政处罚、行政强制的处理决定数量，行政事业性收费金额",
  "四、政府信息公开行政复议、行政诉讼情况",
];

const kinds = Object.keys(tableThreeColumns) as (keyof Counts)[];
const countsRow = (label: string, counts: Counts) => [label, ...kinds.map((k) => String(counts[k]))];

function applicationRows(table: TableThree): string[][] {
  const rows = [
    countsRow("一、本年新收政府信息公开申请数量", table.newThisYear),
    countsRow("二、上年结转政府信息公开申请数量", table.carriedOver),
  ];
  for (const section of reportSections) {
    if (section.rows.length === 1 && section.rows[0]?.key === section.key) {
      rows.push(countsRow(`三、${section.label}`, table.results[section.rows[0].key]));
      continue;
    }
    rows.push([`三、${section.label}`, ...kinds.map(() => "")]);
    for (const row of section.rows) rows.push(countsRow(`　${row.label}`, table.results[row.key]));
  }
  rows.push(countsRow("三、（七）总计", table.resultsTotal));
  rows.push(countsRow("四、结转下年度继续办理", table.carriedIntoNextYear));
  return rows;
}

export function annualReport(input: AnnualReportInput): AnnualReport {
  const { year, applications: table, normative } = input;
  const provisional = input.asOf < `${year}-12-31`;
  const verified = input.tasks.filter((t) => t.state === "verified").length;
  const overdue = input.tasks.filter((t) => isOverdue(t, input.asOf)).length;
  const received = table.newThisYear.total;
  const blocks: Block[] = [
    { type: "heading", text: "一、总体情况" },
    {
      type: "paragraph",
      text: `${year}年，本年新收政府信息公开申请${received}件，上年结转${table.carriedOver.total}件，办结${table.resultsTotal.total}件，结转下年度${table.carriedIntoNextYear.total}件；制发规范性文件${normative.issued}件，废止${normative.repealed}件，年末现行有效${normative.valid}件。`,
    },
    {
      type: "paragraph",
      text: `全年开展政务公开业务培训${input.training.sessions}次，参训${input.training.attendance}人次。`,
    },
    ...(provisional
      ? [{ type: "paragraph" as const, text: `本报告数据截至${input.asOf}，年度尚未结束，数据为临时数据。` }]
      : []),
    { type: "heading", text: "二、主动公开政府信息情况" },
    {
      type: "table",
      head: ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
      rows: [["规范性文件", String(normative.issued), String(normative.repealed), String(normative.valid)]],
    },
    { type: "heading", text: "三、收到和处理政府信息公开申请情况" },
    {
      type: "table",
      head: ["", ...kinds.map((k) => tableThreeColumns[k])],
      rows: applicationRows(table),
    },
    { type: "heading", text: "四、政府信息公开行政复议、行政诉讼情况" },
    { type: "paragraph", text: "本平台不登记行政复议、行政诉讼案件，本部分由报告单位据实填报。" },
    { type: "heading", text: "五、存在的主要问题及改进情况" },
    {
      type: "paragraph",
      text: `年度考评失分事项形成整改任务${input.tasks.length}项，已核验完成${verified}项${overdue ? `，逾期未完成${overdue}项` : ""}。`,
    },
    { type: "heading", text: "六、其他需要报告的事项" },
    { type: "paragraph", text: "以下内容未在平台登记，发布前须人工补充：" },
    { type: "list", items: notRecorded },
  ];
  return {
    year,
    title: `${input.issuer}${year}年政府信息公开工作年度报告`,
    issuer: input.issuer,
    asOf: input.asOf,
    provisional,
    normative,
    applications: table,
    rectification: { tasks: input.tasks.length, verified, overdue },
    training: input.training,
    notRecorded,
    blocks,
  };
}

/**
 * Whose report it is: a department's own, or for the office the government's, which the office
 * publishes (共青城市人民政府办公室 → 共青城市人民政府).
 */
export function reportIssuer(unit: Pick<Unit, "name" | "kind">): string {
  return unit.kind === "office" ? unit.name.replace(/办公室$/, "") : unit.name;
}

/** The records a report is built from: the city's, or one unit's when `unit` is given. */
export type AnnualReportRecords = {
  normativeDocuments: readonly Item[];
  /** Applications received up to the year's end. */
  applications: readonly Application[];
  /** The rectification tasks issued from the year's assessments. */
  tasks: readonly RectificationTask[];
  /** Trainings starting around the year, with every invited unit's attendance. */
  trainings: readonly { training: Training; invitations: readonly Invitation[] }[];
};

/**
 * The report from the platform's records, with the same functions the normative catalogue and
 * the application statistics use, so the three can never disagree.
 */
export function annualReportOf(
  records: AnnualReportRecords,
  scope: {
    year: number;
    unit?: string | undefined;
    issuer: string;
    today: IsoDate;
    calendar: Calendar;
    settings: Pick<Settings, "veryOverdueWorkingDays">;
  },
): AnnualReport {
  const { year, unit, today } = scope;
  const own = <T extends { unitCode: string }>(all: readonly T[]) =>
    unit ? all.filter((r) => r.unitCode === unit) : all;
  const { issued, repealed, valid } = normativeCatalogue(own(records.normativeDocuments), year);
  const statistics = applicationStatisticsOfYear(
    year,
    records.applications,
    today,
    scope.calendar,
    scope.settings,
  );
  const yearEnd = `${year}-12-31`;
  return annualReport({
    year,
    issuer: scope.issuer,
    asOf: today < yearEnd ? today : yearEnd,
    normative: { issued, repealed, valid },
    applications: statistics.tableThree,
    tasks: own(records.tasks),
    training: trainingFigure(year, records.trainings, unit),
  });
}

export function annualReportMarkdown(report: AnnualReport): string {
  return blocksMarkdown(report.title, report.blocks, [report.issuer, report.asOf]);
}

/** A fragment (no html/head), fit to be the body of the item published in the 年度报告 column. */
export function annualReportHtml(report: AnnualReport): string {
  return blocksHtml(report.title, report.blocks, [report.issuer, report.asOf]);
}
