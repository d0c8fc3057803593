import { describe, expect, it } from "vitest";
import type { ApplicationEventInput } from "../application.ts";
import { extend, refused, request, run } from "./testing.ts";

describe("correction (OGI Art. 30)", () => {
  it("OGI Art. 30: a correction may be requested only within 7 working days of receipt", () => {
    // Day 7 after Friday 1 March is Tuesday 12 March.
    expect(run("2019-03-01", [request("2019-03-12", "2019-03-26")]).state).toBe("awaiting-correction");
    expect(refused(() => run("2019-03-01", [request("2019-03-13", "2019-03-26")]))).toContain("7个工作日");
  });

  it("OGI Art. 30: the correction is requested once, listing everything", () => {
    const events = [
      request("2019-03-04", "2019-03-10"),
      { type: "correction-received", on: "2019-03-06" } as const,
    ];
    expect(refused(() => run("2019-03-01", [...events, request("2019-03-07", "2019-03-20")]))).toContain(
      "一次性",
    );
  });

  it("OGI Art. 30: not corrected in the given time = abandoned, counted as 逾期不补正", () => {
    const events = [request("2019-03-04", "2019-03-15")];
    expect(refused(() => run("2019-03-01", [...events, { type: "abandon", on: "2019-03-15" }]))).toContain(
      "尚未届满",
    );
    const clock = run("2019-03-01", [...events, { type: "abandon", on: "2019-03-18" }]);
    expect(clock.state).toBe("closed");
    expect(clock.outcome).toBe("other:no-correction");
  });
});

describe("consultations (OGI Art. 32–34)", () => {
  it("no answer while a consultation is open", () => {
    const events: ApplicationEventInput[] = [
      { type: "consult-agency", on: "2019-03-04", agency: "市财政局" },
      { type: "respond", on: "2019-03-06", responseType: "disclosed" },
    ];
    expect(refused(() => run("2019-03-01", events))).toContain("尚未结束");
  });
});

describe("extension (OGI Art. 33)", () => {
  it("OGI Art. 33: only once, and not after the deadline has passed", () => {
    expect(refused(() => run("2019-03-01", [extend("2019-03-05", 5), extend("2019-03-06", 5)]))).toContain(
      "一次",
    );
    expect(refused(() => run("2019-03-01", [extend("2019-04-01")]))).toContain("届满");
  });

  it("OGI Art. 33: more than 20 working days is refused by the schema", async () => {
    const { ApplicationEventInput } = await import("../application.ts");
    expect(ApplicationEventInput.safeParse(extend("2019-03-05", 21)).success).toBe(false);
  });
});

describe("endings (OGI Art. 36, 37)", () => {
  it("OGI Art. 36(三): not disclosed needs its ground and lands on that row", () => {
    expect(
      refused(() =>
        run("2019-03-01", [{ type: "respond", on: "2019-03-05", responseType: "not-disclosed" }]),
      ),
    ).toContain("理由");
    const clock = run("2019-03-01", [
      { type: "respond", on: "2019-03-05", responseType: "not-disclosed", withholdingGround: "state-secret" },
    ]);
    expect(clock).toMatchObject({
      state: "answered",
      outcome: "withheld:state-secret",
      endedOn: "2019-03-05",
    });
  });

  it("OGI Art. 36(一): already public must say where, and counts as 予以公开", () => {
    expect(
      refused(() =>
        run("2019-03-01", [{ type: "respond", on: "2019-03-05", responseType: "already-public" }]),
      ),
    ).toContain("途径");
    const clock = run("2019-03-01", [
      {
        type: "respond",
        on: "2019-03-05",
        responseType: "already-public",
        reference: "门户网站“法定主动公开内容”栏目",
      },
    ]);
    expect(clock.outcome).toBe("disclosed");
  });

  it("OGI Art. 38: “needs to be made” cites Art. 38 and lands on table three's row 2 of 无法提供", () => {
    const clock = run("2019-03-01", [
      {
        type: "respond",
        on: "2019-03-05",
        responseType: "does-not-exist",
        unavailableGround: "needs-creation",
      },
    ]);
    expect(clock.outcome).toBe("unavailable:needs-creation");
    const line = clock.explanation.find((l) => l.event === "答复")?.effect;
    expect(line).toContain("没有现成信息需要另行制作");
    expect(line).toContain("条例第三十八条");
    expect(line).not.toContain("第三十六条");
  });

  it("OGI Art. 30: “still unclear after correction” cites Art. 30, and only after a correction was asked", () => {
    const unclear: ApplicationEventInput = {
      type: "respond",
      on: "2019-03-15",
      responseType: "does-not-exist",
      unavailableGround: "unclear-after-correction",
    };
    expect(refused(() => run("2019-03-01", [unclear]))).toContain("条例第三十条");
    const clock = run("2019-03-01", [
      request("2019-03-04", "2019-03-11"),
      { type: "correction-received", on: "2019-03-08" },
      unclear,
    ]);
    expect(clock.outcome).toBe("unavailable:unclear-after-correction");
    const line = clock.explanation.find((l) => l.event === "答复")?.effect;
    expect(line).toContain("补正后申请内容仍不明确");
    expect(line).toContain("条例第三十条");
  });

  it("OGI Art. 36(四): “not held” keeps citing 36(四) with its row's label", () => {
    const clock = run("2019-03-01", [
      { type: "respond", on: "2019-03-05", responseType: "does-not-exist", unavailableGround: "not-held" },
    ]);
    expect(clock.explanation.find((l) => l.event === "答复")?.effect).toContain(
      "本机关不掌握相关政府信息（条例第三十六条第四项）",
    );
  });

  it("nothing is recorded after the end, and no event is dated before the previous one or in the future", () => {
    const answered: ApplicationEventInput[] = [
      { type: "respond", on: "2019-03-05", responseType: "disclosed" },
    ];
    expect(refused(() => run("2019-03-01", [...answered, { type: "accept", on: "2019-03-06" }]))).toContain(
      "办结",
    );
    expect(refused(() => run("2019-03-01", [{ type: "accept", on: "2019-02-28" }]))).toContain("早于");
    expect(refused(() => run("2019-03-01", [{ type: "accept", on: "2019-03-05" }], "2019-03-04"))).toContain(
      "晚于今天",
    );
  });
});
