import { describe, expect, it } from "vitest";
import { builtInCalendar } from "./calendar.ts";
import { DomainError } from "./error.ts";
import { checkIndicatorRules, type Indicator } from "./indicator.ts";
import type { ValidityEvent } from "./item.ts";
import { type AssessmentFacts, type ItemFact, RuleId, ruleCatalogue, runRule } from "./scoring-rules.ts";
import { defaultSettings } from "./settings.ts";
import { timelinessOf } from "./timeliness.ts";

const calendar = builtInCalendar();
const unit = "000014351";
let serial = 0;
const nextId = () => `itm_01JD6Q3Z5K8X9V2M4N7P0R${String(serial++).padStart(4, "0")}`;
/** 10:00 in Shanghai. */
const at = (date: string) => `${date}T02:00:00.000Z`;

/**
 * A published item as the rules read it, its timeliness counted the way approval counts it
 * (timeliness.ts), so the rules are tested against real facts, not hand-set flags.
 */
function fact(
  over: Partial<ItemFact> & { publishedOn: string; approvedOn?: string; documentPublishedOn?: string },
): ItemFact {
  const { publishedOn, approvedOn, documentPublishedOn, ...rest } = over;
  const kind = rest.kind ?? "general";
  const generatedOn = rest.generatedOn ?? publishedOn;
  const timeliness = timelinessOf({
    kind,
    generatedOn,
    publishedAt: at(publishedOn),
    ...(approvedOn ? { approvedOn } : {}),
    interpretation:
      kind === "interpretation" && documentPublishedOn && rest.interprets
        ? { documentId: rest.interprets, documentPublishedAt: at(documentPublishedOn) }
        : null,
    calendar,
    settings: defaultSettings,
  });
  const id = rest.id ?? nextId();
  return {
    id,
    kind,
    title: `信息${id.slice(-4)}`,
    unitCode: unit,
    columnId: "decision",
    indexNumber: `${unit}/${publishedOn.slice(0, 4)}-${id.slice(-4)}`,
    generatedOn,
    publishedAt: at(publishedOn),
    firstPublishedAt: at(publishedOn),
    validity: kind === "normative" ? "effective" : null,
    validityHistory: [],
    disclosureMethod: "proactive",
    timeliness,
    ...rest,
  };
}

const facts = (items: ItemFact[], interpretations: ItemFact[] = []): AssessmentFacts => ({
  unitCode: unit,
  year: 2019,
  items,
  interpretations,
});
const ids = (deductions: { recordId: string }[]) => deductions.map((d) => d.recordId).sort();
const sorted = (...items: { id: string }[]) => items.map((i) => i.id).sort();
const run = (id: RuleId, f: AssessmentFacts, params: Record<string, unknown> = {}, asOf = "2019-12-31") =>
  runRule({ id, params }, 10, f, asOf);

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

  it("OGI Art. 26: a count that touched a year without a loaded calendar is not held against the unit", () => {
    const provisional = fact({ generatedOn: "2026-12-01", publishedOn: "2027-03-01" });
    expect(provisional.timeliness?.proactive).toMatchObject({ onTime: false, provisional: true });
    const result = runRule(
      { id: "proactive-timeliness" },
      10,
      { ...facts([provisional]), year: 2027 },
      "2027-12-31",
    );
    expect(result.deductions).toEqual([]);
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

describe("the rule registry", () => {
  const indicator = (rule: Indicator["rule"]): Indicator => ({
    code: "1.1",
    name: "指标",
    maxScore: 5,
    deduction: "每项扣1分",
    rule,
  });
  const failure = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error as DomainError;
    }
    throw new Error("expected a failure");
  };

  it("declares every rule id of the contract; those awaiting data say so", () => {
    const catalogue = ruleCatalogue();
    expect(catalogue.map((r) => r.id)).toEqual(RuleId.options);
    expect(catalogue.filter((r) => !r.available).map((r) => r.id)).toEqual([
      "applications-on-time",
      "correction-notice-timeliness",
      "mailbox-reply-rate",
      "letters-unanswered",
      "annual-report-on-time",
    ]);
  });

  it("a rule awaiting data is refused with 422 “该规则所需数据尚未接入”, never scored", () => {
    const error = failure(() => checkIndicatorRules([indicator({ id: "applications-on-time" })]));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.kind).toBe("unprocessable");
    expect(error.message).toContain("该规则所需数据尚未接入");
    expect(failure(() => run("mailbox-reply-rate", facts([]))).kind).toBe("unprocessable");
  });

  it("parameters are checked against the rule: unknown ones, bad values and unknown columns are named", () => {
    const error = failure(() =>
      checkIndicatorRules([
        indicator({ id: "proactive-timeliness", params: { deductionPerRecord: -1, typo: 1 } }),
        indicator({ id: "empty-columns", params: { columnIds: ["no-such-column"] } }),
      ]),
    );
    expect(error.kind).toBe("validation");
    expect(error.issues.map((i) => i.path).sort()).toEqual([
      "indicators.0.rule.params.deductionPerRecord",
      "indicators.0.rule.params.typo",
      "indicators.1.rule.params.columnIds.0",
    ]);
  });

  it("defaults are written into the stored rule, so the sheet shows what will be applied", () => {
    const [checked] = checkIndicatorRules([indicator({ id: "budget-timeliness" })]);
    expect(checked?.rule).toEqual({ id: "budget-timeliness", params: { deductionPerRecord: 1 } });
  });
});
