import { describe, expect, it } from "vitest";
import { annualReport, annualReportHtml, annualReportMarkdown } from "./annual-report.ts";
import {
  EnteredFigures,
  reportMismatches,
  reportTableIssues,
  tableThreeIssues,
} from "./annual-report-figures.ts";
import { draftActivity } from "./annual-report-sections.ts";
import { tableThree } from "./application-report.ts";
import { fieldIssues } from "./error.ts";

const outcomes = (upheld: number, corrected: number, other: number, pending: number) => ({
  upheld,
  corrected,
  other,
  pending,
  total: upheld + corrected + other + pending,
});
const sourced = <T>(value: T) => ({ value, source: "市司法局行政复议案件台账", on: "2027-01-05" });
const cases = {
  reconsideration: outcomes(1, 1, 0, 0),
  directSuit: outcomes(0, 0, 0, 1),
  suitAfterReconsideration: outcomes(0, 0, 0, 0),
};

const table = tableThree(2026, [
  { applicantKind: "natural-person", receivedOn: "2026-03-01", endedOn: "2026-03-20", outcome: "disclosed" },
  { applicantKind: "research", receivedOn: "2026-12-20" },
]);

describe("OGI Art. 50, table 四 of the 2021 format (国办公开办函〔2021〕30号): figures the office enters", () => {
  it("takes each figure with its source and the day it was read", () => {
    const parsed = EnteredFigures.parse({
      licences: sourced(120),
      fees: sourced(12.3456),
      reviewAndLitigation: sourced(cases),
    });
    expect(parsed.licences).toEqual(sourced(120));
    expect(EnteredFigures.safeParse({ licences: { value: 1 } }).success).toBe(false);
  });

  it("counts are non-negative integers; fees are 万元 to the yuan (four decimals at most)", () => {
    const issues = (input: unknown) => {
      const result = EnteredFigures.safeParse(input);
      return result.success ? [] : fieldIssues(result.error).map((i) => i.path);
    };
    expect(issues({ penalties: sourced(-1) })).toEqual(["penalties.value"]);
    expect(issues({ coercion: sourced(1.5) })).toEqual(["coercion.value"]);
    expect(issues({ fees: sourced(1.00001) })).toEqual(["fees.value"]);
    expect(issues({ fees: sourced(-0.5) })).toEqual(["fees.value"]);
  });

  it("a total that is not the sum of 维持, 纠正, 其他 and 尚未审结 is refused, naming its cell", () => {
    const wrong = { ...cases, directSuit: { ...cases.directSuit, total: 2 } };
    const result = EnteredFigures.safeParse({ reviewAndLitigation: sourced(wrong) });
    expect(result.success).toBe(false);
    const issues = result.success ? [] : fieldIssues(result.error);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("reviewAndLitigation.value.directSuit.total");
    expect(issues[0]?.message).toContain("未经复议直接起诉");
    expect(issues[0]?.message).toContain("总计");
  });
});

describe("OGI Art. 50, table 三 adds up (一 + 二 = 三（七） + 四, and every total row and column)", () => {
  it("the platform's own table three adds up (control)", () => {
    expect(tableThreeIssues(table)).toEqual([]);
  });

  it("one wrong cell is named: the row, the column, and the sum that fails", () => {
    const wrong = structuredClone(table);
    wrong.results.disclosed["natural-person"] = 2;
    const issues = tableThreeIssues(wrong);
    const named = issues.map((i) => i.message).join("\n");
    expect(named).toContain("表三「三、（一）予以公开」×「总计」");
    expect(named).toContain("表三「三、（七）总计」×「自然人」");
    expect(issues.map((i) => i.path)).toContain("applications.results.disclosed.total");
  });

  it("a wrong 四 breaks 一 + 二 = 三（七） + 四 in its column", () => {
    const wrong = structuredClone(table);
    wrong.carriedIntoNextYear.research = 0;
    wrong.carriedIntoNextYear.total = 0;
    const messages = tableThreeIssues(wrong).map((i) => i.message);
    expect(messages).toContain("「科研机构」列：一加二为1，三（七）加四为0，不相等");
  });

  it("the whole drafted report checks table 四 too (entered figures written around the schema)", () => {
    const tables = {
      normative: { issued: 1, repealed: 0, valid: 1 },
      applications: table,
      entered: {
        reviewAndLitigation: sourced({ ...cases, reconsideration: { ...cases.reconsideration, total: 9 } }),
      },
    };
    expect(reportTableIssues(tables).map((i) => i.path)).toEqual([
      "entered.reviewAndLitigation.value.reconsideration.total",
    ]);
  });
});

describe("OGI Art. 50: a published report whose tables no longer match the platform is flagged", () => {
  it("names each differing cell with what the report says and what the platform counts now", () => {
    const now = structuredClone(table);
    now.results.disclosed.research = 1;
    now.resultsTotal.research = 1;
    const mismatches = reportMismatches(
      { normative: { issued: 1, repealed: 0, valid: 1 }, applications: table },
      { normative: { issued: 1, repealed: 1, valid: 0 }, applications: now },
    );
    expect(mismatches).toContainEqual({
      cell: "表二「行政规范性文件」×「本年废止件数」",
      published: 0,
      now: 1,
    });
    expect(mismatches).toContainEqual({
      cell: "表三「三、（一）予以公开」×「科研机构」",
      published: 0,
      now: 1,
    });
    expect(
      reportMismatches(
        { normative: { issued: 1, repealed: 0, valid: 1 }, applications: table },
        {
          normative: { issued: 1, repealed: 0, valid: 1 },
          applications: table,
        },
      ),
    ).toEqual([]);
  });
});

describe("the 2021 form's headings (国办公开办函〔2021〕30号)", () => {
  const report = annualReport({
    year: 2026,
    issuer: "共青城市财政局",
    asOf: "2026-12-31",
    normative: { issued: 1, repealed: 0, valid: 1 },
    applications: table,
    tasks: [],
    training: { sessions: 3, attendance: 120 },
    entered: { licences: sourced(7), reviewAndLitigation: sourced(cases) },
  });
  const md = annualReportMarkdown(report);
  const html = annualReportHtml(report);

  it("table 二 says 行政规范性文件, and prints what was entered with its source; what was not is 未填报", () => {
    expect(md).toContain("| 行政规范性文件 | 1 | 0 | 1 |");
    expect(md).toContain("| 行政许可 | 7 |");
    expect(md).toContain("| 行政处罚 | 未填报 |");
    expect(md).toContain("行政许可：市司法局行政复议案件台账，2027-01-05");
    expect(report.notRecorded.join("")).toContain("行政处罚");
    expect(report.notRecorded.join("")).not.toContain("行政许可");
  });

  it("table 三 has the 三、本年度办理结果 header row and 法人或其他组织 over its five columns", () => {
    expect(md).toContain(`| 三、本年度办理结果 |${"  |".repeat(7)}`);
    expect(md).toContain("| （七）总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |");
    expect(html).toContain('<th colspan="5">法人或其他组织</th>');
    expect(html).toContain('<th colspan="7">申请人情况</th>');
  });

  it("ADR 0061: under table 三 the report states that each unit's part of an application is one application of that unit", () => {
    const rule = md.indexOf("每个单位办理的部分计为该单位收到的一件申请");
    expect(rule).toBeGreaterThan(md.indexOf("（七）总计"));
    expect(rule).toBeLessThan(md.indexOf("四、政府信息公开行政复议"));
    expect(html).toContain("本级政府汇总时每个部分各计一件");
  });

  it("table 四: 行政复议, then 行政诉讼 over 未经复议直接起诉 and 复议后起诉, five result columns each", () => {
    expect(html).toContain('<th colspan="5">行政复议</th><th colspan="10">行政诉讼</th>');
    expect(html).toContain('<th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th>');
    expect(md).toContain("| 1 | 1 | 0 | 0 | 2 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0 |");
    expect(report.notRecorded.join("")).not.toContain("四、");
  });
});

describe("OGI Art. 50(一): the overview is drafted from the year's records", () => {
  it("says what was published per column, the consultations and the mailbox with its reply rate", () => {
    const text = draftActivity(2019, {
      publishedByColumn: { interpretation: 2, "annual-reports": 1 },
      consultations: { consultations: 1, commentsReceived: 4, feedbackPublished: 1 },
      letters: { received: 302, replied: 300, replyRate: 0.9934 },
    });
    expect(text).toContain("主动公开政府信息3条");
    expect(text).toContain("发布政策解读2条");
    expect(text).toContain("市长信箱收到来信302件，答复300件，答复率99.34%");
  });
});
