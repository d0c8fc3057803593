import { describe, expect, it } from "vitest";
import {
  type Consultation,
  checkCommentWindow,
  consultationStats,
  newConsultation,
  OpenConsultationInput,
  phaseOf,
  publishFeedback,
} from "./consultation.ts";

const input = OpenConsultationInput.parse({
  title: "《共青城市城区停车管理办法（征求意见稿）》公开征求意见",
  itemId: "itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
  description: "请于征求意见期内提出意见建议。",
  opensOn: "2025-09-29",
  closesOn: "2025-10-10",
});
const consultation = (): Consultation =>
  newConsultation(
    input,
    "000014349",
    "csl_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
    "2025-09-28",
    "2025-09-28T02:00:00.000Z",
  );

const feedback = { adopted: 2, notAdopted: [{ summary: "取消收费", reason: "与上位法规定不符" }] };

describe("consultations (征求意见)", () => {
  it("the window's first and last day are inclusive; the day before and the day after are refused", () => {
    const c = consultation();
    expect(phaseOf(c, "2025-09-28")).toBe("upcoming");
    expect(() => checkCommentWindow(c, "2025-09-28")).toThrow(/尚未开始/);
    expect(() => checkCommentWindow(c, "2025-09-29")).not.toThrow();
    expect(() => checkCommentWindow(c, "2025-10-10")).not.toThrow();
    expect(() => checkCommentWindow(c, "2025-10-11")).toThrow(/已经结束/);
    expect(phaseOf(c, "2025-10-11")).toBe("closed");
  });

  it("a window ending before it starts, or already over, is refused", () => {
    expect(
      OpenConsultationInput.safeParse({ ...input, closesOn: "2025-09-28" }).error?.issues[0]?.path,
    ).toEqual(["closesOn"]);
    expect(() => newConsultation(input, "000014349", "csl_x", "2025-10-11", "t")).toThrow(
      expect.objectContaining({ kind: "unprocessable" }),
    );
  });

  it("feedback is refused on the last day of the window and accepted the day after, once", () => {
    expect(() => publishFeedback(consultation(), feedback, 5, "2025-10-10", "t")).toThrow(
      expect.objectContaining({ kind: "conflict" }),
    );
    const done = publishFeedback(consultation(), feedback, 5, "2025-10-11", "t");
    expect(done.feedback).toMatchObject({ received: 5, adopted: 2 });
    expect(() => publishFeedback(done, feedback, 5, "2025-10-12", "t")).toThrow(/已公布/);
  });

  it("adopted and not adopted cannot exceed the comments actually received", () => {
    expect(() => publishFeedback(consultation(), feedback, 2, "2025-10-11", "t")).toThrow(
      expect.objectContaining({ kind: "unprocessable" }),
    );
  });

  it("statistics by year of opening sum comments and adoption", () => {
    const closed = publishFeedback(consultation(), { adopted: 15, notAdopted: [] }, 23, "2025-10-11", "t");
    const other = { ...consultation(), opensOn: "2024-05-01", closesOn: "2024-05-31" };
    expect(
      consultationStats(2025, [
        { consultation: closed, comments: 23 },
        { consultation: other, comments: 4 },
      ]),
    ).toEqual({
      year: 2025,
      consultations: 1,
      commentsReceived: 23,
      feedbackPublished: 1,
      adopted: 15,
      notAdopted: 0,
    });
  });
});
