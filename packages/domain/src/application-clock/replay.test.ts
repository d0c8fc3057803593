import chineseDays from "chinese-days";
import { describe, expect, it } from "vitest";
import type { ApplicationEventInput } from "../application.ts";
import { isWorkingDay, withNotice } from "../calendar.ts";
import { checkNewEvent } from "./event-log.ts";
import { applicationClock } from "./replay.ts";
import { cal, clockOf, extend, refused, request, run, today } from "./testing.ts";

describe("the reply clock (OGI Art. 31, 33)", () => {
  it("OGI Art. 33: 20 working days counted from the day after receipt (a plain month)", () => {
    // 2019-03-01 is a Friday; March 2019 has no holiday: 4 weeks of 5 days end on Friday 29 March.
    expect(clockOf("2019-03-01").dueOn).toBe("2019-03-29");
  });

  it("OGI Art. 33: a receipt the day before National Day skips the whole holiday (2019-09-30 → 2019-11-01)", () => {
    // 10-01..10-07 off; 10-12 (Saturday) a 调休 working day: 8–12 Oct are days 1–5, 14–18 are 6–10,
    // 21–25 are 11–15, 28–31 are 16–19, 1 November is day 20.
    const clock = clockOf("2019-09-30");
    expect(clock.dueOn).toBe("2019-11-01");
    expect(clock.dueIsProvisional).toBe(false);
  });

  it("OGI Art. 33: a 调休 Saturday counts as a working day", () => {
    expect(isWorkingDay(cal, "2019-10-12")).toEqual({ working: true, loaded: true });
    // Received Friday 2019-10-11: the make-up Saturday is day 1, so day 20 is a Friday, not a Monday.
    expect(clockOf("2019-10-11").dueOn).toBe("2019-11-07");
    expect(clockOf("2019-10-10").dueOn).toBe("2019-11-06");
  });

  it("OGI Art. 31: the receipt rule of each channel is named in the explanation", () => {
    const post = applicationClock({ channel: "registered-post", receivedOn: "2019-03-01" }, [], cal, today);
    expect(post.explanation[0]?.effect).toContain("签收之日");
    const online = applicationClock({ channel: "online", receivedOn: "2019-03-01" }, [], cal, today);
    expect(online.explanation[0]?.effect).toContain("双方确认之日");
  });

  it("the explanation names the calendar version and ends with the due date", () => {
    const clock = clockOf("2019-09-30");
    expect(clock.calendarVersion).toBe(cal.version);
    expect(clock.explanation.at(-1)?.effect).toContain("2019-11-01");
    expect(clock.explanation.at(-1)?.effect).toContain(cal.version);
  });
});

describe("correction (OGI Art. 30)", () => {
  it("OGI Art. 30: the clock restarts from receipt of the correction", () => {
    const clock = run("2019-03-01", [
      request("2019-03-05", "2019-03-20"),
      { type: "correction-received", on: "2019-03-15" },
    ]);
    // 20 working days from Friday 15 March: 12 April (5 April 清明 is a day off).
    expect(clock.dueOn).toBe("2019-04-15");
    expect(clock.state).toBe("received");
  });

  it("OGI Art. 30: while awaiting correction no due date runs", () => {
    const clock = run("2019-03-01", [request("2019-03-05", "2019-03-20")]);
    expect(clock.state).toBe("awaiting-correction");
    expect(clock.dueOn).toBeNull();
  });
});

describe("consultations (OGI Art. 32–34)", () => {
  it("OGI Art. 33: an agency consultation spanning National Day is not counted (only its working days matter)", () => {
    // Without the consultation: 2019-10-29 (09-29 and 10-12 are 调休 working days). The consultation runs 2019-09-27 to 2019-10-10: its
    // working days after the 27th are 09-29 (调休 Sunday), 09-30, 10-08, 10-09, 10-10 = 5 days.
    const clock = run("2019-09-26", [
      { type: "consult-agency", on: "2019-09-27", agency: "共青城市自然资源局" },
      { type: "agency-replied", on: "2019-10-10" },
    ]);
    const plain = clockOf("2019-09-26").dueOn;
    expect(plain).toBe("2019-10-29");
    // 5 more working days after 2019-10-29: 10-30, 10-31, 11-01, 11-04, 11-05.
    expect(clock.dueOn).toBe("2019-11-05");
    expect(clock.explanation.at(-1)?.effect).toContain("5个工作日");
  });

  it("OGI Art. 32: a late third-party reply excuses at most 15 working days", () => {
    const events = (replied: string): ApplicationEventInput[] => [
      { type: "consult-third-party", on: "2019-03-04", thirdParty: "某科技有限公司" },
      { type: "third-party-replied", on: replied },
    ];
    // Replied on day 10 (18 March): 10 working days excused, 2019-03-29 → 2019-04-15 (5 April off);
    // replied after 20 working days: still only 15 excused, → 2019-04-22.
    const plain = clockOf("2019-03-01").dueOn;
    expect(plain).toBe("2019-03-29");
    expect(run("2019-03-01", events("2019-03-18")).dueOn).toBe("2019-04-15");
    expect(run("2019-03-01", events("2019-04-01")).dueOn).toBe("2019-04-22");
  });

  it("OGI Art. 32: the third party's 15 working days run from its receipt of the letter, not the day sent", () => {
    // Sent Monday 2019-03-04, received Friday 03-08: its 15 working days are 03-11..03-29.
    expect(chineseDays.getWorkdaysInRange("2019-03-11", "2019-03-29")).toHaveLength(15);
    const events: ApplicationEventInput[] = [
      { type: "consult-third-party", on: "2019-03-04", thirdParty: "某科技有限公司" },
      { type: "third-party-received", on: "2019-03-08" },
      { type: "third-party-replied", on: "2019-04-10" },
    ];
    // Excused: the working days 03-05..03-29 (19); the 2019-03-29 deadline moves 19 working days.
    const excused = chineseDays.getWorkdaysInRange("2019-03-05", "2019-03-29");
    expect(excused).toHaveLength(19);
    const due = chineseDays.getWorkdaysInRange("2019-03-30", "2019-05-31")[18];
    const clock = run("2019-03-01", events);
    expect(clock.dueOn).toBe(due);
    expect(clock.explanation.find((l) => l.event === "第三方收到征求意见")?.effect).toContain("2019-03-29前");
  });

  it("OGI Art. 32: without a recorded receipt the day sent is assumed, and the explanation says so", () => {
    const clock = run("2019-03-01", [
      { type: "consult-third-party", on: "2019-03-04", thirdParty: "某科技有限公司" },
    ]);
    expect(clock.explanation.find((l) => l.event === "征求第三方意见")?.effect).toContain("暂按发出之日推定");
    expect(
      refused(() =>
        run("2019-03-01", [
          { type: "consult-third-party", on: "2019-03-04", thirdParty: "某科技有限公司" },
          { type: "third-party-received", on: "2019-03-06" },
          { type: "third-party-received", on: "2019-03-07" },
        ]),
      ),
    ).toContain("已记录");
    expect(refused(() => run("2019-03-01", [{ type: "third-party-received", on: "2019-03-06" }]))).toContain(
      "没有进行中的征求第三方意见",
    );
  });

  it("OGI Art. 32: an open consultation shows the state and moves the date with today", () => {
    const events: ApplicationEventInput[] = [
      { type: "consult-agency", on: "2019-03-04", agency: "市财政局" },
    ];
    const a = run("2019-03-01", events, "2019-03-05");
    const b = run("2019-03-01", events, "2019-03-06");
    expect(a.state).toBe("in-consultation");
    expect(b.dueOn && a.dueOn && b.dueOn > a.dueOn).toBe(true);
  });
});

describe("extension (OGI Art. 33)", () => {
  it("OGI Art. 33: one extension of up to 20 working days moves the date and the state", () => {
    const clock = run("2019-03-01", [extend("2019-03-25", 10)]);
    // 2019-03-29 plus 10 working days (5 April off): 4 April is day 4, 8–12 April are days 5–9, 15 April day 10.
    expect(clock.dueOn).toBe("2019-04-15");
    expect(clock.state).toBe("extended");
    expect(clock.explanation.some((l) => l.effect.includes("市政府办公室主任"))).toBe(true);
  });
});

describe("reasonable extension for excessive applications (OGI Art. 35)", () => {
  const reasonable = (on: string, dueOn: string, notified = on): ApplicationEventInput => ({
    type: "extend-reasonable",
    on,
    dueOn,
    reason: "申请人一个月内提出申请四十件，内容需逐件检索",
    applicantNotifiedOn: notified,
  });

  it("OGI Art. 35: a reasonable later deadline replaces the count, distinct from the Art. 33 extension", () => {
    const clock = run("2019-03-01", [reasonable("2019-03-20", "2019-05-31")]);
    expect(clock).toMatchObject({
      dueOn: "2019-05-31",
      state: "extended",
      extended: false,
      reasonableDueOn: "2019-05-31",
    });
    expect(clock.explanation.find((l) => l.event === "确定延迟答复的合理期限")?.effect).toContain(
      "条例第三十五条",
    );
    expect(clock.explanation.at(-1)?.effect).toContain("条例第三十五条");
  });

  it("OGI Art. 35: once, before the deadline, to a later day, told to the applicant within the period", () => {
    expect(refused(() => run("2019-03-01", [reasonable("2019-04-01", "2019-05-31")]))).toContain("届满");
    expect(refused(() => run("2019-03-01", [reasonable("2019-03-20", "2019-03-29")]))).toContain("须晚于");
    expect(
      refused(() => run("2019-03-01", [reasonable("2019-03-20", "2019-05-31", "2019-04-01")])),
    ).toContain("告知申请人");
    expect(
      refused(() =>
        run("2019-03-01", [reasonable("2019-03-20", "2019-05-31"), reasonable("2019-03-21", "2019-06-28")]),
      ),
    ).toContain("已确定");
  });

  it("OGI Art. 35 and 33 are different events: no Art. 33 extension after an Art. 35 deadline", () => {
    expect(
      refused(() => run("2019-03-01", [reasonable("2019-03-20", "2019-05-31"), extend("2019-03-21")])),
    ).toContain("第三十五条");
    // After an Art. 33 extension an Art. 35 deadline may still be set, later than the extended date.
    const both = run("2019-03-01", [extend("2019-03-20", 5), reasonable("2019-03-25", "2019-06-28")]);
    expect(both).toMatchObject({ dueOn: "2019-06-28", extended: true });
  });
});

describe("the calendar's unloaded years", () => {
  const notice2027 = {
    year: 2027,
    title: "国务院办公厅关于2027年部分节假日安排的通知（测试数据）",
    daysOff: ["2027-01-01", "2027-01-02", "2027-01-03"],
    workdays: [],
  };

  it("a due date crossing into an unloaded year is provisional, and exact once that year is loaded", () => {
    // Received Thursday 2026-12-10: day 20 is 2027-01-07 if 1 January is counted as a working day.
    const provisional = clockOf("2026-12-10");
    expect(provisional).toMatchObject({ dueOn: "2027-01-07", dueIsProvisional: true });
    expect(provisional.explanation.at(-1)?.effect).toContain("暂定");
    const loaded = withNotice(cal, notice2027);
    const exact = clockOf("2026-12-10", [], today, loaded);
    expect(exact).toMatchObject({
      dueOn: "2027-01-08",
      dueIsProvisional: false,
      calendarVersion: loaded.version,
    });
  });
});

describe("endings (OGI Art. 36, 37)", () => {
  it("国办函〔2020〕109号: from the notice day through the payment day nothing is counted; the day after resumes", () => {
    // Notice Monday 2019-03-04, paid Friday 03-08: five working days (03-04..03-08) excused, so
    // the 03-29 deadline moves five working days: 04-01..04-04 and, past 清明 (04-05 off), 04-08.
    expect(chineseDays.getWorkdaysInRange("2019-03-30", "2019-04-08")).toEqual([
      "2019-04-01",
      "2019-04-02",
      "2019-04-03",
      "2019-04-04",
      "2019-04-08",
    ]);
    const paid = run("2019-03-01", [
      { type: "fee-notice", on: "2019-03-04", amountYuan: 100 },
      { type: "fee-paid", on: "2019-03-08" },
    ]);
    expect(paid.dueOn).toBe("2019-04-08");
    expect(paid.explanation.at(-1)?.effect).toContain("不计征求意见等暂停期间的5个工作日");
  });

  it("国办函〔2020〕109号: an unpaid fee ends processing, counted as 逾期未缴费, only after the 20 working days to pay", () => {
    // Notice 03-04, received by the applicant 03-06: the 20 working days from 03-07 end 04-03.
    expect(chineseDays.getWorkdaysInRange("2019-03-07", "2019-04-03")).toHaveLength(20);
    const notice: ApplicationEventInput = {
      type: "fee-notice",
      on: "2019-03-04",
      amountYuan: 100,
      applicantReceivedOn: "2019-03-06",
    };
    expect(refused(() => run("2019-03-01", [notice, { type: "fee-unpaid", on: "2019-04-03" }]))).toContain(
      "2019-04-04起方可",
    );
    const unpaid = run("2019-03-01", [notice, { type: "fee-unpaid", on: "2019-04-04" }]);
    expect(unpaid).toMatchObject({ state: "closed", outcome: "other:fee-unpaid" });
  });

  it("国办函〔2020〕109号: without a recorded receipt the notice day is taken, so 20 working days from 03-05", () => {
    expect(chineseDays.getWorkdaysInRange("2019-03-05", "2019-04-01")).toHaveLength(20);
    const notice: ApplicationEventInput = { type: "fee-notice", on: "2019-03-04", amountYuan: 100 };
    expect(refused(() => run("2019-03-01", [notice, { type: "fee-unpaid", on: "2019-04-01" }]))).toContain(
      "2019-04-02起方可",
    );
    expect(run("2019-03-01", [notice, { type: "fee-unpaid", on: "2019-04-02" }]).state).toBe("closed");
  });

  it("国办函〔2020〕109号 Art. 5: charging by pages only for copies (paper, email, copied electronic data)", () => {
    const byPages = (provisionForm?: "paper" | "email" | "electronic" | "on-site") => () =>
      checkNewEvent(
        { channel: "in-person", receivedOn: "2019-03-01", provisionForm, events: [] },
        { type: "fee-notice", on: "2019-03-04", amountYuan: 100, basis: "by-pages" },
        cal,
        today,
      );
    for (const form of ["paper", "email", "electronic"] as const)
      expect(byPages(form)().state).toBe("awaiting-fee");
    for (const form of ["on-site", undefined] as const) {
      expect(byPages(form)).toThrow(
        expect.objectContaining({ kind: "validation", issues: [expect.objectContaining({ path: "basis" })] }),
      );
    }
    // By count applies to every answer and provision form.
    expect(
      checkNewEvent(
        { channel: "in-person", receivedOn: "2019-03-01", provisionForm: "on-site", events: [] },
        { type: "fee-notice", on: "2019-03-04", amountYuan: 100, basis: "by-count" },
        cal,
        today,
      ).state,
    ).toBe("awaiting-fee");
  });
});
