import { describe, expect, it } from "vitest";
import { builtInCalendar } from "./calendar.ts";
import { DomainError } from "./error.ts";
import { checkIndicatorRules, type Indicator } from "./indicator.ts";
import type { ValidityEvent } from "./item.ts";
import {
  type ApplicationFact,
  type AssessmentFacts,
  factsNeeded,
  type ItemFact,
  type LetterFact,
  RuleId,
  ruleCatalogue,
  runRule,
} from "./scoring-rules.ts";
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

let appSerial = 0;
/** An application as the rules read it: receipt and the event log, nothing of the applicant. */
function application(
  receivedOn: string,
  events: ({ type: string; on: string } & Record<string, unknown>)[] = [],
): ApplicationFact {
  const n = String(appSerial++).padStart(4, "0");
  return {
    id: `app_01JD6Q3Z5K8X9V2M4N7P0R${n}`,
    trackingCode: `YSQ${receivedOn.slice(0, 4)}-TEST00${n}`,
    unitCode: unit,
    channel: "registered-post",
    receivedOn,
    events: events.map((e) => ({
      ...e,
      at: `${e.on}T02:00:00.000Z`,
      by: "key_test",
    })) as ApplicationFact["events"],
  };
}
const respond = (on: string) => ({ type: "respond", on, responseType: "disclosed" });
const correction = (on: string, correctBy: string) => ({
  type: "request-correction",
  on,
  items: ["请明确所需信息的文号或名称"],
  correctBy,
});

let letterSerial = 0;
function letter(receivedOn: string, repliedOn: string | null = null): LetterFact {
  const n = String(letterSerial++).padStart(4, "0");
  return {
    id: `ltr_01JD6Q3Z5K8X9V2M4N7P0R${n}`,
    trackingCode: `L7K2M9P4${n.slice(-2)}`,
    unitCode: unit,
    state: repliedOn ? "replied" : "assigned",
    receivedOn,
    repliedOn,
  };
}

const withRecords = (
  records: { applications?: ApplicationFact[]; letters?: LetterFact[] },
  year = 2019,
): AssessmentFacts => ({
  unitCode: unit,
  year,
  items: [],
  interpretations: [],
  ...records,
  calendar,
  settings: defaultSettings,
});

describe("applications-on-time (OGI Art. 33: answered within 20 working days of receipt)", () => {
  // 2019-03-01 (Fri) + 20 working days is 03-29; 2019-11-01 → 11-29; 2019-11-04 → 12-02.
  const onTime = application("2019-03-01", [respond("2019-03-29")]);
  const late = application("2019-03-01", [respond("2019-04-01")]);
  const extended = application("2019-03-01", [
    { type: "extend", on: "2019-03-20", days: 20, approver: "办公室主任", applicantNotifiedOn: "2019-03-20" },
    respond("2019-04-20"),
  ]);
  const openOverdue = application("2019-11-01");
  const openWithin = application("2019-12-20");
  const answeredAfterTheDay = application("2019-11-04", [respond("2020-01-10")]);
  const awaitingCorrection = application("2019-06-03", [correction("2019-06-05", "2019-06-20")]);
  const carriedOpen = application("2018-11-01");
  const lateLastYear = application("2018-11-01", [respond("2018-12-10")]);
  // Received 2018-12-20, due 2019-01-18: its lateness happened in 2019.
  const dueThisYear = application("2018-12-20", [respond("2019-02-20")]);
  const nextYear = application("2020-01-02");
  const all = [
    onTime,
    late,
    extended,
    openOverdue,
    openWithin,
    answeredAfterTheDay,
    awaitingCorrection,
    carriedOpen,
    lateLastYear,
    dueThisYear,
    nextYear,
  ];

  it("lists exactly the applications answered late or open past their due date on the day", () => {
    const result = run("applications-on-time", withRecords({ applications: all }), { deductionPerRecord: 6 });
    expect(ids(result.deductions)).toEqual(
      sorted(late, openOverdue, answeredAfterTheDay, carriedOpen, dueThisYear),
    );
    expect(result.score).toBe(0);
  });

  it("says when it was due and how late, with the article, and names no applicant", () => {
    const { deductions } = run("applications-on-time", withRecords({ applications: all }));
    const of = (a: ApplicationFact) => deductions.find((d) => d.recordId === a.id);
    expect(of(late)).toEqual({
      recordId: late.id,
      reason: "2019-03-01收到申请，答复期限为2019-03-29，2019-04-01才答复，逾期1个工作日（条例第三十三条）",
      title: `依申请公开 ${late.trackingCode}`,
      link: `/publish/v1/applications/${late.id}`,
    });
    expect(of(answeredAfterTheDay)?.reason).toBe(
      "2019-11-04收到申请，答复期限为2019-12-02，至2019-12-31仍未答复，已逾期21个工作日，属严重逾期（条例第三十三条）",
    );
  });

  it("judges the day named: the same log as of 2019-11-29 has nothing late yet", () => {
    const result = run(
      "applications-on-time",
      withRecords({ applications: [openOverdue] }),
      {},
      "2019-11-29",
    );
    expect(result.deductions).toEqual([]);
  });

  it("a due date counted into a year whose holidays are not loaded is not held against the unit", () => {
    // 2026-12-10 + 20 working days reaches into 2027, not loaded: provisional. 2026-11-02 → 11-30.
    const provisional = application("2026-12-10");
    const plain = application("2026-11-02");
    const result = run(
      "applications-on-time",
      withRecords({ applications: [provisional, plain] }, 2027),
      {},
      "2027-03-01",
    );
    expect(ids(result.deductions)).toEqual(sorted(plain));
  });
});

describe("correction-notice-timeliness (OGI Art. 30: correction requested within 7 working days of receipt)", () => {
  // 2019-03-01 + 7 working days is 03-12.
  const onTime = application("2019-03-01", [correction("2019-03-12", "2019-03-29")]);
  const late = application("2019-03-01", [correction("2019-03-13", "2019-03-29")]);
  const none = application("2019-03-01", [respond("2019-03-05")]);
  // Received in 2018, asked in 2019 (limit 2018-12-29, itself a 调休 working day): judged in 2019.
  const askedThisYear = application("2018-12-20", [correction("2019-01-08", "2019-01-31")]);
  const askedLastYear = application("2018-11-01", [correction("2018-11-20", "2018-12-10")]);
  const askedAfterTheDay = application("2019-12-20", [correction("2020-01-06", "2020-01-20")]);

  it("lists exactly the applications whose correction was requested late, in the year it was requested", () => {
    const applications = [onTime, late, none, askedThisYear, askedLastYear, askedAfterTheDay];
    const result = run("correction-notice-timeliness", withRecords({ applications }), {
      deductionPerRecord: 2,
    });
    expect(ids(result.deductions)).toEqual(sorted(late, askedThisYear));
    expect(result.score).toBe(6);
    expect(result.deductions.find((d) => d.recordId === late.id)?.reason).toBe(
      "2019-03-01收到申请，2019-03-13才告知补正（第8个工作日），超过收到申请之日起7个工作日（2019-03-12前）一次性告知的时限（条例第三十条）",
    );
  });

  it("a limit counted into a year whose holidays are not loaded is not held against the unit", () => {
    const provisional = application("2026-12-28", [correction("2027-01-15", "2027-02-01")]);
    const result = run("correction-notice-timeliness", withRecords({ applications: [provisional] }, 2027));
    expect(result.deductions).toEqual([]);
  });
});

describe("mailbox-reply-rate (信箱回复率: each letter of the year unreplied past its deadline, 5 working days)", () => {
  const onTime = letter("2019-03-01", "2019-03-05");
  // Replied late still counts as replied: the rate is about answering.
  const repliedLate = letter("2019-03-01", "2019-03-20");
  // 2019-12-02 + 5 working days is 12-09.
  const overdue = letter("2019-12-02");
  // 2019-12-30 + 5 working days is 2020-01-07: still within its time on 12-31.
  const within = letter("2019-12-30");
  const repliedAfterTheDay = letter("2019-12-02", "2020-01-06");
  const lastYear = letter("2018-06-01");

  it("lists exactly the letters of the year still unreplied past their deadline on the day", () => {
    const letters = [onTime, repliedLate, overdue, within, repliedAfterTheDay, lastYear];
    const result = run("mailbox-reply-rate", withRecords({ letters }), { deductionPerRecord: 1 });
    expect(ids(result.deductions)).toEqual(sorted(overdue, repliedAfterTheDay));
    expect(result.score).toBe(8);
    expect(result.deductions.find((d) => d.recordId === overdue.id)).toEqual({
      recordId: overdue.id,
      reason: "2019-12-02收到来信，答复期限为2019-12-09（收到后5个工作日），至2019-12-31仍未答复",
      title: `市长信箱来信 ${overdue.trackingCode}`,
      link: `/publish/v1/letters/${overdue.id}`,
    });
  });

  it("counts the deadline from the locality's setting", () => {
    const result = run(
      "mailbox-reply-rate",
      {
        ...withRecords({ letters: [overdue] }),
        settings: { ...defaultSettings, mailboxReplyWorkingDays: 30 },
      },
      {},
    );
    expect(result.deductions).toEqual([]);
  });
});

describe("letters-unanswered (national website check: no letter unanswered more than 3 months)", () => {
  // 2019-09-30 + 3 months is 12-30: more than 3 months by 12-31. 2019-10-01 → 2020-01-01.
  const overThree = letter("2019-09-30");
  const justUnder = letter("2019-10-01");
  const fromLastYear = letter("2018-05-01");
  const replied = letter("2019-06-01", "2019-07-01");
  const repliedAfterTheDay = letter("2019-06-01", "2020-01-05");

  it("lists exactly the letters unanswered more than 3 calendar months after receipt, whatever their year", () => {
    const letters = [overThree, justUnder, fromLastYear, replied, repliedAfterTheDay];
    const result = run("letters-unanswered", withRecords({ letters }), { deductionPerRecord: 5 });
    expect(ids(result.deductions)).toEqual(sorted(overThree, fromLastYear, repliedAfterTheDay));
    expect(result.deductions.find((d) => d.recordId === overThree.id)?.reason).toBe(
      "2019-09-30收到来信，2019-12-30已满3个月，至2019-12-31仍未答复（政府网站检查指标“互动回应差”）",
    );
  });
});

const indicator = (rule: Indicator["rule"]): Indicator => ({
  code: "1.1",
  name: "指标",
  maxScore: 5,
  deduction: "每项扣1分",
  rule,
});

describe("the rule registry", () => {
  const failure = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error as DomainError;
    }
    throw new Error("expected a failure");
  };

  it("declares every rule id of the contract, each with its name", () => {
    const catalogue = ruleCatalogue();
    expect(catalogue.map((r) => r.id)).toEqual(RuleId.options);
    for (const rule of catalogue) expect(rule.name).not.toBe("");
  });

  it("names the facts beyond items a sheet's rules read, and refuses to score without them", () => {
    expect(factsNeeded([{ id: "proactive-timeliness" }, { id: "empty-columns" }])).toEqual({
      applications: false,
      letters: false,
    });
    expect(factsNeeded([{ id: "correction-notice-timeliness" }, { id: "letters-unanswered" }])).toEqual({
      applications: true,
      letters: true,
    });
    // Facts never read must not score as "nothing found": that would be full marks by accident.
    expect(() => run("applications-on-time", facts([]))).toThrow(/factsNeeded/);
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
