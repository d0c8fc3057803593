import { z } from "zod";
import {
  ApplicantKind,
  type ApplicationEventInput,
  type DeclineGround,
  type UnavailableGround,
  type WithholdingGround,
} from "./application.ts";
import { fail } from "./error.ts";

/**
 * Table three of the annual report (国办公开办函〔2021〕30号): how applications ended.
 * Sections (一)–(六) and their leaf rows, in the form's order.
 */
export const reportSections = [
  { key: "disclosed", label: "（一）予以公开", rows: [{ key: "disclosed", label: "（一）予以公开" }] },
  {
    key: "partially-disclosed",
    label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    rows: [{ key: "partially-disclosed", label: "（二）部分公开" }],
  },
  {
    key: "withheld",
    label: "（三）不予公开",
    rows: [
      { key: "withheld:state-secret", label: "1.属于国家秘密" },
      { key: "withheld:prohibited-by-law", label: "2.其他法律行政法规禁止公开" },
      { key: "withheld:three-safeties", label: "3.危及“三安全一稳定”" },
      { key: "withheld:third-party-rights", label: "4.保护第三方合法权益" },
      { key: "withheld:internal-affairs", label: "5.属于三类内部事务信息" },
      { key: "withheld:process-information", label: "6.属于四类过程性信息" },
      { key: "withheld:enforcement-file", label: "7.属于行政执法案卷" },
      { key: "withheld:administrative-inquiry", label: "8.属于行政查询事项" },
    ],
  },
  {
    key: "unavailable",
    label: "（四）无法提供",
    rows: [
      { key: "unavailable:not-held", label: "1.本机关不掌握相关政府信息" },
      { key: "unavailable:needs-creation", label: "2.没有现成信息需要另行制作" },
      { key: "unavailable:unclear-after-correction", label: "3.补正后申请内容仍不明确" },
    ],
  },
  {
    key: "not-processed",
    label: "（五）不予处理",
    rows: [
      { key: "not-processed:petition", label: "1.信访举报投诉类申请" },
      { key: "not-processed:repeat", label: "2.重复申请" },
      { key: "not-processed:publication", label: "3.要求提供公开出版物" },
      { key: "not-processed:excessive", label: "4.无正当理由大量反复申请" },
      { key: "not-processed:confirmation", label: "5.要求行政机关确认或重新出具已获取信息" },
    ],
  },
  {
    key: "other",
    label: "（六）其他处理",
    rows: [
      {
        key: "other:no-correction",
        label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
      },
      {
        key: "other:fee-unpaid",
        label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
      },
      { key: "other:other", label: "3.其他" },
    ],
  },
] as const;

/**
 * 无法提供 is three answers resting on three articles: 36(四) not held; Art. 38 information
 * that would have to be made (processed, analysed); Art. 30 still unclear after the one
 * correction. The answer's explanation cites the article beside the table's row label.
 */
export const unavailableBasis: Record<UnavailableGround, string> = {
  "not-held": "条例第三十六条第四项",
  "needs-creation": "条例第三十八条",
  "unclear-after-correction": "条例第三十条",
};

export const ReportRow = z.enum(reportSections.flatMap((s) => s.rows.map((r) => r.key)));
export type ReportRow = z.infer<typeof ReportRow>;
export const reportRows: ReportRow[] = ReportRow.options;

type Ending =
  | { type: "abandon" }
  | { type: "fee-unpaid" }
  | { type: "close-other" }
  | Pick<
      Extract<ApplicationEventInput, { type: "respond" }>,
      "type" | "responseType" | "withholdingGround" | "unavailableGround"
    >
  | { type: "decline"; ground: DeclineGround };

const declineRow: Record<DeclineGround, ReportRow> = {
  petition: "not-processed:petition",
  publication: "not-processed:publication",
  excessive: "not-processed:excessive",
  confirmation: "not-processed:confirmation",
};

/**
 * Each ending's row. Art. 36(一) (already public, say where) is counted as 予以公开;
 * 36(五) (not this agency's) as 本机关不掌握; 36(七) (a special legal route, e.g. registry
 * records) as 行政查询事项, as the form's notes place them.
 */
export function rowOfEnding(ending: Ending): ReportRow {
  switch (ending.type) {
    case "abandon":
      return "other:no-correction";
    case "fee-unpaid":
      return "other:fee-unpaid";
    case "close-other":
      return "other:other";
    case "decline":
      return declineRow[ending.ground];
    case "respond":
      switch (ending.responseType) {
        case "already-public":
        case "disclosed":
          return "disclosed";
        case "partially-disclosed":
          return "partially-disclosed";
        case "not-disclosed":
          return `withheld:${ending.withholdingGround ?? fail("validation", "不予公开须注明理由类别")}` as `withheld:${WithholdingGround}`;
        case "does-not-exist":
          return `unavailable:${ending.unavailableGround ?? "not-held"}` as `unavailable:${UnavailableGround}`;
        case "not-this-agency":
          return "unavailable:not-held";
        case "repeat-application":
          return "not-processed:repeat";
        case "special-legal-route":
          return "withheld:administrative-inquiry";
      }
  }
}

/** A leaf row's label on the form without its number: “没有现成信息需要另行制作”. */
export function rowLabel(row: ReportRow): string {
  const label = reportSections
    .flatMap((s) => s.rows as readonly { key: string; label: string }[])
    .find((r) => r.key === row)?.label;
  return (label ?? row).replace(/^(\d+\.|（[一二三四五六七]）)/, "");
}

/** One application as the report sees it: no personal data, only its column and dates. */
export type ReportedApplication = {
  applicantKind: ApplicantKind;
  receivedOn: string;
  endedOn?: string | undefined;
  outcome?: ReportRow | undefined;
};

/** Table three's columns: each kind of applicant, then the total. */
const TableThreeColumn = z.enum([...ApplicantKind.options, "total"]);
const count = z.number().int().nonnegative();

export const Counts = z.record(TableThreeColumn, count);
export type Counts = z.infer<typeof Counts>;

const zero = (): Counts => ({
  "natural-person": 0,
  commercial: 0,
  research: 0,
  "public-interest": 0,
  "legal-services": 0,
  other: 0,
  total: 0,
});

export const tableThreeColumns: Record<ApplicantKind | "total", string> = {
  "natural-person": "自然人",
  commercial: "商业企业",
  research: "科研机构",
  "public-interest": "社会公益组织",
  "legal-services": "法律服务机构",
  other: "其他",
  total: "总计",
};

/**
 * How table three counts an application that several units answer (ADR 0061): each unit's
 * part is one application received by that unit, with its own result, as the 2021 format
 * counts what each 行政机关 received; a government's report sums its units', part by part, so
 * its totals are the sum of its units' and 一 + 二 = 三（七） + 四 holds in each.
 */
export const partCountingRule =
  "一件申请由多个单位分别办理的，每个单位办理的部分计为该单位收到的一件申请，按该部分的办理结果计入相应行；本级政府汇总时每个部分各计一件，总计等于各单位之和。";

export const TableThree = z.object({
  year: z.number().int(),
  /** The columns' headings on the form. */
  columns: z.record(TableThreeColumn, z.string()),
  newThisYear: Counts,
  carriedOver: Counts,
  results: z.record(ReportRow, Counts),
  resultsTotal: Counts,
  carriedIntoNextYear: Counts,
  /** 一 + 二 = 三(七) + 四, column by column. */
  balanced: z.boolean(),
});
export type TableThree = z.infer<typeof TableThree>;

/**
 * Table three for `year`: 一 received this year; 二 received earlier and still open on
 * 1 January; 三 ended this year, by row; 四 still open on 31 December.
 */
export function tableThree(year: number, applications: readonly ReportedApplication[]): TableThree {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const newThisYear = zero();
  const carriedOver = zero();
  const resultsTotal = zero();
  const carriedIntoNextYear = zero();
  const results = Object.fromEntries(reportRows.map((row) => [row, zero()])) as Record<ReportRow, Counts>;
  const add = (counts: Counts, kind: ApplicantKind) => {
    counts[kind] += 1;
    counts.total += 1;
  };
  for (const a of applications) {
    if (a.receivedOn > last) continue;
    const endedBefore = (date: string) => a.endedOn !== undefined && a.endedOn < date;
    if (endedBefore(first)) continue;
    add(a.receivedOn >= first ? newThisYear : carriedOver, a.applicantKind);
    if (a.endedOn !== undefined && a.endedOn <= last && a.outcome) {
      add(results[a.outcome], a.applicantKind);
      add(resultsTotal, a.applicantKind);
    } else {
      add(carriedIntoNextYear, a.applicantKind);
    }
  }
  const keys = TableThreeColumn.options;
  const balanced = keys.every(
    (k) => newThisYear[k] + carriedOver[k] === resultsTotal[k] + carriedIntoNextYear[k],
  );
  return {
    year,
    columns: tableThreeColumns,
    newThisYear,
    carriedOver,
    results,
    resultsTotal,
    carriedIntoNextYear,
    balanced,
  };
}

/** What the statistics need of one application: its report facts plus channel and timeliness. */
export type StatisticsInput = ReportedApplication & {
  channel: string;
  /** The day of the extension, if any: counted in that day's year only. */
  extendedOn?: string | undefined;
  responseType?: string | undefined;
  /** Ended by its due date, or (open) not past it at the year's end or today, whichever is first. */
  timely: boolean;
};

export const ApplicationStatistics = z.object({
  year: z.number().int(),
  received: count,
  receivedByChannel: z.record(z.string(), count),
  /** 办结 this year, by any ending. */
  answered: count,
  answeredOnTime: count,
  /** Extensions dated in the year (a January extension of a December case is next year's). */
  extended: count,
  overdue: count,
  byResponseType: z.record(z.string(), count),
  carriedOver: count,
  carriedIntoNextYear: count,
  tableThree: TableThree,
});
export type ApplicationStatistics = z.infer<typeof ApplicationStatistics>;

/** The year's figures, counts only: the same set of applications as table three. */
export function applicationStatistics(
  year: number,
  applications: readonly StatisticsInput[],
): ApplicationStatistics {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const table = tableThree(year, applications);
  const inYear = applications.filter(
    (a) => a.receivedOn <= last && (a.endedOn === undefined || a.endedOn >= first),
  );
  const received = inYear.filter((a) => a.receivedOn >= first);
  const ended = inYear.filter((a) => a.endedOn !== undefined && a.endedOn <= last);
  const tally = (values: string[]) => {
    const counts: Record<string, number> = {};
    for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
    return counts;
  };
  return {
    year,
    received: received.length,
    receivedByChannel: tally(received.map((a) => a.channel)),
    answered: ended.length,
    answeredOnTime: ended.filter((a) => a.timely).length,
    extended: applications.filter(
      (a) => a.extendedOn !== undefined && a.extendedOn >= first && a.extendedOn <= last,
    ).length,
    overdue: inYear.filter((a) => !a.timely).length,
    byResponseType: tally(ended.flatMap((a) => (a.responseType ? [a.responseType] : []))),
    carriedOver: table.carriedOver.total,
    carriedIntoNextYear: table.carriedIntoNextYear.total,
    tableThree: table,
  };
}
