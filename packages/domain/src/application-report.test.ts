import { describe, expect, it } from "vitest";
import { ResponseType, WithholdingGround } from "./application.ts";
import {
  applicationStatistics,
  type ReportedApplication,
  reportRows,
  reportSections,
  rowOfEnding,
  type StatisticsInput,
  tableThree,
} from "./application-report.ts";

describe("table three (国办公开办函〔2021〕30号)", () => {
  it("has the form's result rows: 1 + 1 + 8 不予公开 + 3 无法提供 + 5 不予处理 + 3 其他处理", () => {
    expect(reportSections.map((s) => s.rows.length)).toEqual([1, 1, 8, 3, 5, 3]);
    expect(new Set(reportRows).size).toBe(reportRows.length);
  });

  it("OGI Art. 36, 37: every response type lands on a row of the table; each withholding ground on its own row", () => {
    for (const responseType of ResponseType.options) {
      const row = rowOfEnding({
        type: "respond",
        responseType,
        ...(responseType === "not-disclosed" ? { withholdingGround: "state-secret" as const } : {}),
      });
      expect(reportRows).toContain(row);
    }
    const withheld = WithholdingGround.options.map((g) =>
      rowOfEnding({ type: "respond", responseType: "not-disclosed", withholdingGround: g }),
    );
    expect(new Set(withheld).size).toBe(8);
    expect(rowOfEnding({ type: "respond", responseType: "partially-disclosed" })).toBe("partially-disclosed");
    expect(rowOfEnding({ type: "respond", responseType: "repeat-application" })).toBe("not-processed:repeat");
    expect(rowOfEnding({ type: "abandon" })).toBe("other:no-correction");
    expect(rowOfEnding({ type: "fee-unpaid" })).toBe("other:fee-unpaid");
  });

  const apps: ReportedApplication[] = [
    // carried over from 2018, answered in 2019
    {
      applicantKind: "natural-person",
      receivedOn: "2018-12-20",
      endedOn: "2019-01-10",
      outcome: "disclosed",
    },
    // ended in 2018: not in 2019 at all
    {
      applicantKind: "natural-person",
      receivedOn: "2018-11-01",
      endedOn: "2018-11-20",
      outcome: "disclosed",
    },
    {
      applicantKind: "commercial",
      receivedOn: "2019-03-01",
      endedOn: "2019-03-20",
      outcome: "withheld:state-secret",
    },
    { applicantKind: "research", receivedOn: "2019-12-20" },
    {
      applicantKind: "natural-person",
      receivedOn: "2019-12-25",
      endedOn: "2020-01-05",
      outcome: "disclosed",
    },
    // received in 2020: not in 2019
    { applicantKind: "other", receivedOn: "2020-01-02" },
  ];

  it("一 new, 二 carried over, 三 results by row and column, 四 carried into next year; 一 + 二 = 三(七) + 四", () => {
    const t = tableThree(2019, apps);
    expect(t.newThisYear).toMatchObject({ total: 3, "natural-person": 1, commercial: 1, research: 1 });
    expect(t.carriedOver).toMatchObject({ total: 1, "natural-person": 1 });
    expect(t.results.disclosed).toMatchObject({ total: 1, "natural-person": 1 });
    expect(t.results["withheld:state-secret"]).toMatchObject({ total: 1, commercial: 1 });
    expect(t.resultsTotal.total).toBe(2);
    expect(t.carriedIntoNextYear).toMatchObject({ total: 2, research: 1, "natural-person": 1 });
    expect(t.balanced).toBe(true);
    expect(t.newThisYear.total + t.carriedOver.total).toBe(
      t.resultsTotal.total + t.carriedIntoNextYear.total,
    );
  });

  it("2020's carried-over row is 2019's carried-into-next-year row", () => {
    expect(tableThree(2020, apps).carriedOver).toEqual(tableThree(2019, apps).carriedIntoNextYear);
  });
});

describe("application statistics", () => {
  it("counts received by channel, answered, on time, extended, overdue and by response type", () => {
    const inputs: StatisticsInput[] = [
      {
        applicantKind: "natural-person",
        channel: "online",
        receivedOn: "2019-03-01",
        endedOn: "2019-03-20",
        outcome: "disclosed",
        responseType: "disclosed",
        timely: true,
      },
      {
        applicantKind: "natural-person",
        channel: "letter",
        receivedOn: "2019-05-01",
        endedOn: "2019-07-01",
        outcome: "disclosed",
        responseType: "disclosed",
        extendedOn: "2019-05-20",
        timely: false,
      },
      {
        applicantKind: "commercial",
        channel: "letter",
        receivedOn: "2019-12-20",
        timely: true,
      },
    ];
    const s = applicationStatistics(2019, inputs);
    expect(s).toMatchObject({
      received: 3,
      receivedByChannel: { online: 1, letter: 2 },
      answered: 2,
      answeredOnTime: 1,
      extended: 1,
      overdue: 1,
      byResponseType: { disclosed: 2 },
      carriedOver: 0,
      carriedIntoNextYear: 1,
    });
    expect(s.tableThree.balanced).toBe(true);
  });
});
