import { describe, expect, it } from "vitest";
import type { ValidityEvent } from "../item.ts";
import type { ItemFact } from "./facts.ts";
import { runRule } from "./registry.ts";
import { at, fact, facts, ids, run, sorted, unit } from "./testing.ts";

describe("proactive-timeliness (OGI Art. 26: within 20 working days of being formed)", () => {
  // 2019-09-20 (Fri) + 20 working days across National Day (10-01..10-07 off, 09-29 and
  // 10-12 make-up working days) is 10-23; 10-24 is the 21st.
  const onTime = fact({ generatedOn: "2019-09-20", publishedOn: "2019-10-23" });
  const late = fact({ generatedOn: "2019-09-20", publishedOn: "2019-10-24" });
  const veryLate = fact({ generatedOn: "2019-03-01", publishedOn: "2019-06-28" });
  const lastYear = fact({ generatedOn: "2018-01-02", publishedOn: "2018-06-01" });
  const onRequest = fact({
    generatedOn: "2019-01-02",
    publishedOn: "2019-06-03",
    disclosureMethod: "on-request",
  });

  it("OGI Art. 26: lists exactly the items of the year published after 20 working days", () => {
    const result = run("proactive-timeliness", facts([onTime, late, veryLate, lastYear, onRequest]), {
      deductionPerRecord: 5,
    });
    expect(ids(result.deductions)).toEqual(sorted(late, veryLate));
    expect(result.score).toBe(0);
    expect(result.deductions.find((d) => d.recordId === late.id)).toMatchObject({
      reason: expect.stringContaining("21个工作日"),
      link: `/public/v1/items/${encodeURIComponent(late.indexNumber as string)}`,
    });
  });

  it("OGI Art. 26: a provisional count that a notice still to come could make on time is not held against the unit", () => {
    // Only 19 working days of 2026 are decided after 12-01 (12-29..31 wait for the 2027 notice).
    const provisional = fact({ generatedOn: "2026-12-01", publishedOn: "2027-03-01" });
    expect(provisional.timeliness?.proactive).toMatchObject({
      onTime: false,
      provisional: true,
      lateWhateverTheNotice: false,
    });
    const result = runRule(
      { id: "proactive-timeliness" },
      10,
      { ...facts([provisional]), year: 2027 },
      "2027-12-31",
    );
    expect(result.deductions).toEqual([]);
  });

  it("OGI Art. 26: provisional is no exemption when 20 decided working days had passed before 2027 (late whatever the notice)", () => {
    // chinese-days' 2026 data: 20 working days from 12-01 to 12-28, all decided.
    const late2027 = fact({ generatedOn: "2026-11-30", publishedOn: "2027-01-05" });
    expect(late2027.timeliness?.proactive).toMatchObject({ provisional: true, lateWhateverTheNotice: true });
    const result = runRule(
      { id: "proactive-timeliness" },
      10,
      { ...facts([late2027]), year: 2027 },
      "2027-12-31",
    );
    expect(ids(result.deductions)).toEqual([late2027.id]);
  });

  it("OGI Art. 26: published on a holiday after the 20th working day is deducted, though the count is 20", () => {
    // 2019 notice: 10-01..10-07 off. From 09-20 the 20th working day is 10-23; from 09-02 it is 09-30.
    const onHoliday = fact({ generatedOn: "2019-09-02", publishedOn: "2019-10-01" });
    expect(onHoliday.timeliness?.proactive).toMatchObject({ workingDays: 20, onTime: false });
    const result = run("proactive-timeliness", facts([onHoliday]), { deductionPerRecord: 5 });
    expect(result.deductions).toEqual([
      expect.objectContaining({ recordId: onHoliday.id, reason: expect.stringContaining("2019-09-30") }),
    ]);
  });

  it("deducts deductionPerRecord per record and never scores below zero", () => {
    const result = run("proactive-timeliness", facts([onTime, late]), { deductionPerRecord: 2.5 });
    expect(result.score).toBe(7.5);
  });
});

const repealEvent = (byItemId?: string): ValidityEvent => ({
  status: "repealed",
  on: "2019-10-15",
  reason: "清理",
  ...(byItemId ? { byItemId } : {}),
  at: at("2019-10-15"),
  actorUnitCode: unit,
});

describe("normative-completeness (文号, dates, 有效性, interpretation; amended/repealed marked)", () => {
  const doc = (over: Partial<ItemFact> = {}) =>
    fact({
      kind: "normative",
      columnId: "normative-documents",
      docNumber: "共府办发〔2019〕27号",
      effectiveOn: "2019-05-01",
      generatedOn: "2019-04-18",
      publishedOn: "2019-04-22",
      ...over,
    });
  const complete = doc();
  const noDocNumber = doc({ docNumber: undefined });
  const noEffective = doc({ effectiveOn: undefined });
  const noValidity = doc({ validity: null });
  const uninterpreted = doc();
  const repealedMarked = doc({ validity: "repealed", validityHistory: [repealEvent(complete.id)] });
  const repealedUnmarked = doc({ validity: "repealed", validityHistory: [repealEvent()] });
  const general = fact({ publishedOn: "2019-05-06" });
  const interpreting = [complete, noDocNumber, noEffective, noValidity, repealedMarked, repealedUnmarked].map(
    (d) =>
      fact({
        kind: "interpretation",
        columnId: "interpretation",
        interprets: d.id,
        publishedOn: "2019-04-22",
      }),
  );

  it("lists exactly the documents missing an element, naming what is missing", () => {
    const all = [
      complete,
      noDocNumber,
      noEffective,
      noValidity,
      uninterpreted,
      repealedMarked,
      repealedUnmarked,
      general,
    ];
    const result = run("normative-completeness", facts(all, interpreting));
    expect(ids(result.deductions)).toEqual(
      sorted(noDocNumber, noEffective, noValidity, uninterpreted, repealedUnmarked),
    );
    const reason = (item: ItemFact) => result.deductions.find((d) => d.recordId === item.id)?.reason;
    expect(reason(noDocNumber)).toContain("文号");
    expect(reason(noEffective)).toContain("施行日期");
    expect(reason(noValidity)).toContain("有效性");
    expect(reason(uninterpreted)).toContain("关联解读");
    expect(reason(repealedUnmarked)).toContain("已废止的依据文件");
  });
});

describe("interpretation-timeliness (三同步: linked and within 3 working days)", () => {
  const doc = (publishedOn: string) =>
    fact({
      kind: "normative",
      columnId: "normative-documents",
      docNumber: "x",
      effectiveOn: publishedOn,
      publishedOn,
    });
  const interp = (d: ItemFact, publishedOn: string) =>
    fact({
      kind: "interpretation",
      columnId: "interpretation",
      interprets: d.id,
      publishedOn,
      documentPublishedOn: d.firstPublishedAt?.slice(0, 10) as string,
    });
  const same = doc("2019-06-03");
  const threeDays = doc("2019-06-03");
  const noInterpretation = doc("2019-06-03");
  const lateDoc = doc("2019-06-03");
  const lastYearDoc = doc("2018-06-04");
  const lateInterp = interp(lateDoc, "2019-06-14");
  const interpretations = [
    interp(same, "2019-06-03"),
    interp(threeDays, "2019-06-06"),
    lateInterp,
    interp(lastYearDoc, "2018-07-02"),
  ];

  it("三同步: lists the year's documents without an interpretation and the late interpretations", () => {
    const all = [same, threeDays, noInterpretation, lateDoc, lastYearDoc];
    const result = run("interpretation-timeliness", facts(all, interpretations));
    expect(ids(result.deductions)).toEqual(sorted(noInterpretation, lateInterp));
    expect(result.deductions.find((d) => d.recordId === lateInterp.id)?.reason).toContain("超过3个工作日");
  });

  it("三同步: one interpretation on time is enough, whatever later ones add", () => {
    const late = interp(same, "2019-07-01");
    const result = run("interpretation-timeliness", facts([same], [late, interp(same, "2019-06-04")]));
    expect(result.deductions).toEqual([]);
  });
});

describe("budget-timeliness (预算法 Art. 14: within 20 calendar days of approval)", () => {
  const budget = (approvedOn: string, publishedOn: string) =>
    fact({
      kind: "budget",
      columnId: "fiscal-budget-departments",
      approvedOn,
      publishedOn,
      generatedOn: approvedOn,
    });
  const day20 = budget("2019-02-01", "2019-02-21");
  const day21 = budget("2019-02-01", "2019-02-22");
  const lastYear = budget("2018-02-01", "2018-04-01");

  it("预算法 Art. 14: the 21st calendar day after approval is late, the 20th is not", () => {
    const result = run(
      "budget-timeliness",
      facts([day20, day21, lastYear, fact({ publishedOn: "2019-05-05" })]),
    );
    expect(ids(result.deductions)).toEqual(sorted(day21));
    expect(result.deductions[0]?.reason).toContain("21日");
  });
});
