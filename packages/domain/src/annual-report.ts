import { z } from "zod";
import {
  type CaseKind,
  type CaseOutcomes,
  caseKinds,
  caseOutcomeColumns,
  EnteredFigures,
} from "./annual-report-figures.ts";
import { draftActivity, draftProblems, type YearActivity } from "./annual-report-sections.ts";
import type { Application } from "./application.ts";
import { applicationStatisticsOfYear } from "./application-clock/statistics.ts";
import {
  type Counts,
  partCountingRule,
  reportSections,
  TableThree,
  tableThreeColumns,
} from "./application-report.ts";
import type { Calendar } from "./calendar.ts";
import { type Consultation, consultationStats } from "./consultation.ts";
import { IsoDate } from "./date.ts";
import type { Item } from "./item.ts";
import { type LetterFacts, letterStats } from "./letter-stats.ts";
import { NormativeCatalogue, normativeCatalogue } from "./normative.ts";
import { isOverdue, type RectificationTask } from "./rectification.ts";
import type { Settings } from "./settings.ts";
import { type Invitation, type Training, TrainingFigure, trainingFigure } from "./training.ts";
import type { Unit } from "./unit.ts";
import { Block, blocksHtml, blocksMarkdown } from "./written-document.ts";

/**
 * What the platform knows for one year's 政府信息公开工作年度报告 (OGI Art. 50, the 2021 format
 * of 国办公开办函〔2021〕30号): the normative-document figures of table 二, table 三 of
 * applications, the year's rectification tasks and its trainings. Licences, penalties, coercive
 * measures, fees and reconsideration or litigation are not recorded on the platform: the office
 * enters them with their sources (ADR 0052), and until it does the report says so instead of
 * printing a zero that nobody counted.
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
  /** Applications received in the year by channel (online, in person, post…). */
  receivedByChannel?: Record<string, number> | undefined;
  /** The year's publishing, consultations and mailbox, for the overview. */
  activity?: YearActivity | undefined;
  /** The figures the office entered (tables 二 and 四); a part missing is said to be missing. */
  entered?: EnteredFigures | undefined;
  /** The overview and problems as the office edited them; absent, they are drafted from the records. */
  edited?: { overview?: string | null | undefined; problems?: string | null | undefined } | undefined;
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
  /** What the office entered, each with its source and date. */
  entered: EnteredFigures,
  /** 一、总体情况 and 五、存在的主要问题及改进情况: drafted from the records unless the office edited them. */
  overview: z.string(),
  problems: z.string(),
  /** The parts nobody has entered yet, to be filled in before publication. */
  notRecorded: z.array(z.string()),
  blocks: z.array(Block),
});
export type AnnualReport = z.infer<typeof AnnualReport>;

/** The parts of the form the platform does not hold and nobody has entered yet. */
function notRecordedOf(entered: EnteredFigures): string[] {
  const table2 = [
    entered.licences ? "" : "行政许可",
    entered.penalties ? "" : "行政处罚",
    entered.coercion ? "" : "行政强制",
  ].filter(Boolean);
  return [
    // 规章 are made by provincial and 设区的市 governments only; the platform has no column for them.
    `二、主动公开政府信息情况：规章${table2.length ? `，${table2.join("、")}的处理决定数量` : ""}${entered.fees ? "" : "，行政事业性收费金额"}`,
    ...(entered.reviewAndLitigation ? [] : ["四、政府信息公开行政复议、行政诉讼情况"]),
  ];
}

const kinds = Object.keys(tableThreeColumns) as (keyof Counts)[];
const countsRow = (label: string, counts: Counts) => [label, ...kinds.map((k) => String(counts[k]))];
const blankRow = (label: string) => [label, ...kinds.map(() => "")];

/** The 2021 form's rows: 三、本年度办理结果 is a header row over sections （一）–（七）. */
function applicationRows(table: TableThree): string[][] {
  const rows = [
    countsRow("一、本年新收政府信息公开申请数量", table.newThisYear),
    countsRow("二、上年结转政府信息公开申请数量", table.carriedOver),
    blankRow("三、本年度办理结果"),
  ];
  for (const section of reportSections) {
    if (section.rows.length === 1 && section.rows[0]?.key === section.key) {
      rows.push(countsRow(section.label, table.results[section.rows[0].key]));
      continue;
    }
    rows.push(blankRow(section.label));
    for (const row of section.rows) rows.push(countsRow(`　${row.label}`, table.results[row.key]));
  }
  rows.push(countsRow("（七）总计", table.resultsTotal));
  rows.push(countsRow("四、结转下年度继续办理", table.carriedIntoNextYear));
  return rows;
}

/** Table 三's header as on the form: 申请人情况 over all, 法人或其他组织 over its five kinds. */
const applicationGroups = [
  [
    { text: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", span: 1 },
    { text: "申请人情况", span: 7 },
  ],
  [
    { text: "", span: 1 },
    { text: "", span: 1 },
    { text: "法人或其他组织", span: 5 },
    { text: "", span: 1 },
  ],
];

const notEntered = "未填报";
const figure = (entered: { value: number } | undefined) => (entered ? String(entered.value) : notEntered);
const sourceNote = (label: string, entered: { source: string; on: string } | undefined) =>
  entered ? [`${label}：${entered.source}，${entered.on}`] : [];

function tableTwo(normative: AnnualReport["normative"], entered: EnteredFigures): Block[] {
  const sources = [
    ...sourceNote("行政许可", entered.licences),
    ...sourceNote("行政处罚", entered.penalties),
    ...sourceNote("行政强制", entered.coercion),
    ...sourceNote("行政事业性收费", entered.fees),
  ];
  return [
    {
      type: "table",
      head: ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
      rows: [
        ["行政规范性文件", String(normative.issued), String(normative.repealed), String(normative.valid)],
      ],
    },
    { type: "table", head: ["信息内容", "本年处理决定数量"], rows: [["行政许可", figure(entered.licences)]] },
    {
      type: "table",
      head: ["信息内容", "本年处理决定数量"],
      rows: [
        ["行政处罚", figure(entered.penalties)],
        ["行政强制", figure(entered.coercion)],
      ],
    },
    {
      type: "table",
      head: ["信息内容", "本年收费金额（单位：万元）"],
      rows: [["行政事业性收费", figure(entered.fees)]],
    },
    ...(sources.length ? [{ type: "paragraph" as const, text: `数据来源：${sources.join("；")}。` }] : []),
  ];
}

const outcomeKeys = Object.keys(caseOutcomeColumns) as (keyof CaseOutcomes)[];

/** Table 四 as on the form: 行政复议 (5 columns), 行政诉讼 over 未经复议直接起诉 and 复议后起诉 (5 each). */
function tableFour(entered: EnteredFigures): Block[] {
  const cases = entered.reviewAndLitigation;
  if (!cases)
    return [{ type: "paragraph", text: "本部分尚未填报：由报告单位按行政复议、行政诉讼案件台账据实填报。" }];
  const kinds = Object.keys(caseKinds) as CaseKind[];
  return [
    {
      type: "table",
      groups: [
        [
          { text: "行政复议", span: 5 },
          { text: "行政诉讼", span: 10 },
        ],
        [
          { text: "", span: 5 },
          { text: "未经复议直接起诉", span: 5 },
          { text: "复议后起诉", span: 5 },
        ],
      ],
      head: kinds.flatMap(() => outcomeKeys.map((k) => caseOutcomeColumns[k])),
      rows: [kinds.flatMap((kind) => outcomeKeys.map((k) => String(cases.value[kind][k])))],
    },
    { type: "paragraph", text: `数据来源：${cases.source}，${cases.on}。` },
  ];
}

/** The drafted overview: the year's applications, documents and (when known) its activity. */
function draftOverview(input: AnnualReportInput): string {
  const { year, applications: table, normative } = input;
  const { online = 0, ...others } = input.receivedByChannel ?? {};
  const offline = Object.values(others).reduce((total, n) => total + n, 0);
  const channels = input.receivedByChannel ? `（其中网上申请${online}件，其他渠道${offline}件）` : "";
  const applications = `${year}年，本年新收政府信息公开申请${table.newThisYear.total}件，上年结转${table.carriedOver.total}件，办结${table.resultsTotal.total}件，结转下年度${table.carriedIntoNextYear.total}件${channels}；制发规范性文件${normative.issued}件，废止${normative.repealed}件，年末现行有效${normative.valid}件。`;
  const training = `全年开展政务公开业务培训${input.training.sessions}次，参训${input.training.attendance}人次。`;
  return `${applications}${training}${input.activity ? draftActivity(year, input.activity) : ""}`;
}

export function annualReport(input: AnnualReportInput): AnnualReport {
  const { year, applications: table, normative } = input;
  const provisional = input.asOf < `${year}-12-31`;
  const verified = input.tasks.filter((t) => t.state === "verified").length;
  const overdue = input.tasks.filter((t) => isOverdue(t, input.asOf)).length;
  const entered = input.entered ?? {};
  const notRecorded = notRecordedOf(entered);
  const rectification = { tasks: input.tasks.length, verified, overdue };
  const overview = input.edited?.overview ?? draftOverview(input);
  const problems = input.edited?.problems ?? draftProblems(rectification);
  const blocks: Block[] = [
    { type: "heading", text: "一、总体情况" },
    { type: "paragraph", text: overview },
    ...(provisional
      ? [{ type: "paragraph" as const, text: `本报告数据截至${input.asOf}，年度尚未结束，数据为临时数据。` }]
      : []),
    { type: "heading", text: "二、主动公开政府信息情况" },
    ...tableTwo(normative, entered),
    { type: "heading", text: "三、收到和处理政府信息公开申请情况" },
    {
      type: "table",
      groups: applicationGroups,
      head: ["", ...kinds.map((k) => tableThreeColumns[k])],
      rows: applicationRows(table),
    },
    { type: "paragraph", text: `说明：${partCountingRule}` },
    { type: "heading", text: "四、政府信息公开行政复议、行政诉讼情况" },
    ...tableFour(entered),
    { type: "heading", text: "五、存在的主要问题及改进情况" },
    { type: "paragraph", text: problems },
    { type: "heading", text: "六、其他需要报告的事项" },
    { type: "paragraph", text: "以下内容尚未填报，发布前须补充：" },
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
    rectification,
    entered,
    overview,
    problems,
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
  /** Items first published in the year: their column and unit only. */
  published?: readonly Pick<Item, "columnId" | "unitCode">[];
  /** The year's letters (no writer data) and consultations. */
  letters?: readonly LetterFacts[];
  consultations?: readonly { consultation: Consultation; comments: number }[];
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
    settings: Settings;
    entered?: EnteredFigures | undefined;
    edited?: AnnualReportInput["edited"];
  },
): AnnualReport {
  const { year, unit, today } = scope;
  const own = <T extends { unitCode: string }>(all: readonly T[]) =>
    unit ? all.filter((r) => r.unitCode === unit) : all;
  const { issued, repealed, valid } = normativeCatalogue(own(records.normativeDocuments), year);
  const statistics = applicationStatisticsOfYear(
    year,
    own(records.applications),
    today,
    scope.calendar,
    scope.settings,
  );
  const yearEnd = `${year}-12-31`;
  const publishedByColumn: Record<string, number> = {};
  for (const item of own(records.published ?? [])) {
    publishedByColumn[item.columnId] = (publishedByColumn[item.columnId] ?? 0) + 1;
  }
  const consultations = (records.consultations ?? []).filter(
    (c) => !unit || c.consultation.unitCode === unit,
  );
  const { received, replied, replyRate } = letterStats(
    (records.letters ?? []).filter((l) => !unit || l.unitCode === unit),
    scope.calendar,
    scope.settings,
    today,
  );
  return annualReport({
    year,
    issuer: scope.issuer,
    asOf: today < yearEnd ? today : yearEnd,
    normative: { issued, repealed, valid },
    applications: statistics.tableThree,
    tasks: own(records.tasks),
    training: trainingFigure(year, records.trainings, unit),
    receivedByChannel: statistics.receivedByChannel,
    activity: {
      publishedByColumn,
      consultations: consultationStats(year, consultations),
      letters: { received, replied, replyRate },
    },
    entered: scope.entered,
    edited: scope.edited,
  });
}

export function annualReportMarkdown(report: AnnualReport): string {
  return blocksMarkdown(report.title, report.blocks, [report.issuer, report.asOf]);
}

/** A fragment (no html/head), fit to be the body of the item published in the 年度报告 column. */
export function annualReportHtml(report: AnnualReport): string {
  return blocksHtml(report.title, report.blocks, [report.issuer, report.asOf]);
}
