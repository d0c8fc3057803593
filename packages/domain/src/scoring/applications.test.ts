import { describe, expect, it } from "vitest";
import type { ApplicationFact } from "./facts.ts";
import { ids, run, sorted, unit, withRecords } from "./testing.ts";

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
