import { z } from "zod";
import { IsoDate, yearOf } from "./date.ts";
import { fail } from "./error.ts";
import { idSchema } from "./id.ts";
import { ItemId, text } from "./item-kind.ts";
import { UnitCode } from "./unit.ts";

export const ConsultationId = idSchema("consultation");

/** A unit asks the public for comments on a draft (征求意见), within a window of Asia/Shanghai days. */
export const OpenConsultationInput = z
  .strictObject({
    title: text(200),
    itemId: ItemId,
    description: text(5000),
    /** First day comments are taken, inclusive. */
    opensOn: IsoDate,
    /** Last day comments are taken, inclusive. */
    closesOn: IsoDate,
  })
  .refine((c) => c.opensOn <= c.closesOn, { path: ["closesOn"], message: "截止日期不能早于开始日期" });
export type OpenConsultationInput = z.infer<typeof OpenConsultationInput>;

/** A comment as a member of the public writes it; the contact is personal data and never public. */
export const SubmitCommentInput = z.strictObject({
  content: text(5000),
  commenter: z
    .strictObject({
      name: text(50).optional(),
      phone: z
        .string()
        .trim()
        .regex(/^[0-9+\-() ]{5,20}$/, "电话号码格式不正确")
        .optional(),
      email: z.email("电子邮箱格式不正确").max(100).optional(),
    })
    .optional(),
});
export type SubmitCommentInput = z.infer<typeof SubmitCommentInput>;

/** A comment as received: the contact is personal data and leaves only through the drafting unit's reads. */
export const ConsultationComment = SubmitCommentInput.extend({
  id: z.string(),
  consultationId: z.string(),
  receivedAt: z.string(),
});
export type ConsultationComment = z.infer<typeof ConsultationComment>;

/** The unit's answer after the window: how many were adopted, and why the others were not. */
export const ConsultationFeedbackInput = z.strictObject({
  adopted: z.number().int("采纳条数须为整数").min(0, "采纳条数不能为负"),
  notAdopted: z
    .array(z.strictObject({ summary: text(500), reason: text(1000) }))
    .max(500, "未采纳意见不能超过500条"),
  summary: text(5000).optional(),
});
export type ConsultationFeedbackInput = z.infer<typeof ConsultationFeedbackInput>;

export const ConsultationFeedback = ConsultationFeedbackInput.extend({
  /** Counted from the comments stored, never typed by the unit. */
  received: z.number().int().nonnegative(),
  publishedAt: z.string(),
});
export type ConsultationFeedback = z.infer<typeof ConsultationFeedback>;

export const Consultation = z.object({
  id: ConsultationId,
  unitCode: UnitCode,
  itemId: ItemId,
  title: z.string(),
  description: z.string(),
  opensOn: IsoDate,
  closesOn: IsoDate,
  feedback: ConsultationFeedback.nullable(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Consultation = z.infer<typeof Consultation>;

export const ConsultationPhase = z.enum(["upcoming", "open", "closed"]);
export type ConsultationPhase = z.infer<typeof ConsultationPhase>;

export function newConsultation(
  input: OpenConsultationInput,
  unitCode: string,
  id: string,
  today: IsoDate,
  now: string,
): Consultation {
  if (input.closesOn < today) {
    fail("unprocessable", "征求意见截止日期已过", [
      { path: "closesOn", message: `不能早于今天（${today}）` },
    ]);
  }
  return { ...input, id, unitCode, feedback: null, version: 1, createdAt: now, updatedAt: now };
}

/** Both window days are inclusive: comments are taken from opensOn to closesOn, Asia/Shanghai. */
export function phaseOf(
  consultation: Pick<Consultation, "opensOn" | "closesOn">,
  today: IsoDate,
): ConsultationPhase {
  if (today < consultation.opensOn) return "upcoming";
  return today <= consultation.closesOn ? "open" : "closed";
}

export function checkCommentWindow(consultation: Consultation, today: IsoDate): void {
  const phase = phaseOf(consultation, today);
  if (phase !== "open") {
    fail(
      "conflict",
      `本次征求意见时间为${consultation.opensOn}至${consultation.closesOn}，${phase === "upcoming" ? "尚未开始" : "已经结束"}，不能提交意见`,
    );
  }
}

/** Feedback is published once, after the window has closed, against the number of comments actually received. */
export function publishFeedback(
  consultation: Consultation,
  input: ConsultationFeedbackInput,
  received: number,
  today: IsoDate,
  now: string,
): Consultation {
  if (phaseOf(consultation, today) !== "closed") {
    fail("conflict", `征求意见至${consultation.closesOn}结束，结束后方可公布意见采纳情况`);
  }
  if (consultation.feedback) fail("conflict", "意见采纳情况已公布");
  if (input.adopted + input.notAdopted.length > received) {
    fail("unprocessable", `共收到${received}条意见，采纳与未采纳条数之和不能超过该数`, [
      {
        path: "adopted",
        message: `采纳${input.adopted}条、未采纳${input.notAdopted.length}条，超过收到的${received}条`,
      },
    ]);
  }
  return {
    ...consultation,
    feedback: { ...input, received, publishedAt: now },
    version: consultation.version + 1,
    updatedAt: now,
  };
}

/** The public face of a consultation: the window, its phase and, once published, the feedback. */
export const PublicConsultation = Consultation.omit({
  version: true,
  createdAt: true,
  updatedAt: true,
}).extend({
  phase: ConsultationPhase,
});
export type PublicConsultation = z.infer<typeof PublicConsultation>;

export function publicConsultation(consultation: Consultation, today: IsoDate): PublicConsultation {
  const { version: _v, createdAt: _c, updatedAt: _u, ...rest } = consultation;
  return { ...rest, phase: phaseOf(consultation, today) };
}

/** The drafting unit's view: the whole record with its phase as of today. */
export const ConsultationView = Consultation.extend({ phase: ConsultationPhase });
export type ConsultationView = z.infer<typeof ConsultationView>;

export const ConsultationYearStats = z.object({
  year: z.number().int(),
  consultations: z.number().int(),
  commentsReceived: z.number().int(),
  feedbackPublished: z.number().int(),
  adopted: z.number().int(),
  notAdopted: z.number().int(),
});
export type ConsultationYearStats = z.infer<typeof ConsultationYearStats>;

/** 征求意见 by year (of the window's opening): the annual report's "征求意见N条" and the adoption it reports. */
export function consultationStats(
  year: number,
  consultations: readonly { consultation: Consultation; comments: number }[],
): ConsultationYearStats {
  const ofYear = consultations.filter((c) => yearOf(c.consultation.opensOn) === year);
  const sum = (f: (c: (typeof ofYear)[number]) => number) => ofYear.reduce((total, c) => total + f(c), 0);
  return {
    year,
    consultations: ofYear.length,
    commentsReceived: sum((c) => c.comments),
    feedbackPublished: ofYear.filter((c) => c.consultation.feedback).length,
    adopted: sum((c) => c.consultation.feedback?.adopted ?? 0),
    notAdopted: sum((c) => c.consultation.feedback?.notAdopted.length ?? 0),
  };
}
