import { z } from "zod";
import { IsoDate } from "./date.ts";
import { UnitCode } from "./unit.ts";

/**
 * 依申请公开: the application as it is registered and the events that make up its history.
 * The due date is never stored as a fact: it is derived from `receivedOn` and the events
 * (application-clock/replay.ts), so a late event or a newly loaded holiday notice moves it correctly.
 */
export const ApplicationChannel = z.enum(["online", "in-person", "registered-post", "letter", "fax"]);
export type ApplicationChannel = z.infer<typeof ApplicationChannel>;

/** The annual report's columns: natural person, then five kinds of legal person or organisation. */
export const OrgKind = z.enum(["commercial", "research", "public-interest", "legal-services", "other"]);
export type OrgKind = z.infer<typeof OrgKind>;

export const ProvisionForm = z.enum(["paper", "electronic", "email", "on-site"]);
export type ProvisionForm = z.infer<typeof ProvisionForm>;

const text = (max: number, what: string) =>
  z.string().trim().min(1, `${what}不能为空`).max(max, `${what}不能超过${max}个字符`);

/** Personal data: kept in its own record and shown to the handling unit only. */
export const Applicant = z
  .strictObject({
    type: z.enum(["natural-person", "legal-person"]),
    orgKind: OrgKind.optional(),
    name: text(100, "申请人姓名或名称"),
    idNumber: text(40, "证件号码").optional(),
    phone: text(30, "联系电话").optional(),
    email: z.email("电子邮箱格式不正确").max(200).optional(),
    address: text(200, "通信地址").optional(),
  })
  .superRefine((a, ctx) => {
    if (a.type === "legal-person" && !a.orgKind) {
      ctx.addIssue({ code: "custom", path: ["orgKind"], message: "法人或其他组织须注明类别" });
    }
    if (a.type === "natural-person" && a.orgKind) {
      ctx.addIssue({ code: "custom", path: ["orgKind"], message: "自然人不填写组织类别" });
    }
    if (!a.phone && !a.email && !a.address) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "联系电话、电子邮箱、通信地址至少填写一项" });
    }
  });
export type Applicant = z.infer<typeof Applicant>;

/** The annual report column an applicant is counted in (no personal data). */
export const ApplicantKind = z.enum(["natural-person", ...OrgKind.options]);
export type ApplicantKind = z.infer<typeof ApplicantKind>;
export const applicantKindOf = (a: Applicant): ApplicantKind =>
  a.type === "natural-person" ? "natural-person" : (a.orgKind ?? "other");

const Description = text(5000, "所需信息的描述");

/**
 * One application is answered in at most this many parts, one per unit (ADR 0061): the parts
 * and their records are written in one transaction, which DynamoDB caps at 100 writes.
 */
export const maxApplicationParts = 10;

/** Further units besides the first: distinct, none repeated, within the cap on parts. */
const moreUnits = (min: number, max: number) =>
  z
    .array(UnitCode)
    .min(min, "至少指定一个单位")
    .max(max, `一件申请最多由${maxApplicationParts}个单位分别办理`)
    .refine((codes) => new Set(codes).size === codes.length, "单位不能重复");

/**
 * Online intake: the applicant names the unit, and may name others that each answer their
 * own part (`otherUnitCodes`); the receipt date is the day of submission.
 */
export const SubmitApplicationInput = z
  .strictObject({
    unitCode: UnitCode,
    otherUnitCodes: moreUnits(0, maxApplicationParts - 1).optional(),
    applicant: Applicant,
    description: Description,
    provisionForm: ProvisionForm.optional(),
    /** Be told by email (applicant.email) when the application's state changes (ADR 0060). */
    notifyByEmail: z.boolean().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.notifyByEmail && !input.applicant.email)
      ctx.addIssue({
        code: "custom",
        path: ["applicant", "email"],
        message: "选择邮件告知办理进度时须填写电子邮箱",
      });
    const index = input.otherUnitCodes?.indexOf(input.unitCode) ?? -1;
    if (index >= 0)
      ctx.addIssue({
        code: "custom",
        path: ["otherUnitCodes", index],
        message: "与受理机关（unitCode）重复",
      });
  });
export type SubmitApplicationInput = z.infer<typeof SubmitApplicationInput>;

/** Staff registration of an application that arrived on paper, in person, by post or fax. */
export const RegisterApplicationInput = z.strictObject({
  channel: ApplicationChannel.exclude(["online"], { message: "网上申请由申请人在门户提交" }),
  receivedOn: IsoDate,
  applicant: Applicant,
  description: Description,
  provisionForm: ProvisionForm.optional(),
  /** The office may register for another unit; a unit registers for itself. */
  unitCode: UnitCode.optional(),
});
export type RegisterApplicationInput = z.infer<typeof RegisterApplicationInput>;

/**
 * The office routes an application to more units (ADR 0061): each gets its own part, received
 * by that unit on the day it is routed (OGI Art. 31), today unless an earlier day is given.
 */
export const RouteApplicationInput = z.strictObject({
  unitCodes: moreUnits(1, maxApplicationParts - 1),
  on: IsoDate.optional(),
  /** Why these units: kept in each new part's audit entry. */
  note: text(500, "交办说明").optional(),
});
export type RouteApplicationInput = z.infer<typeof RouteApplicationInput>;

/**
 * OGI Art. 36's seven answers, plus partial disclosure (Art. 37). Exactly these: every
 * other ending (declined, abandoned, fee unpaid) is its own event with its own ground.
 */
export const ResponseType = z.enum([
  "already-public", // 36(一): say where
  "disclosed", // 36(二)
  "partially-disclosed", // 37
  "not-disclosed", // 36(三): with the ground
  "does-not-exist", // 36(四)
  "not-this-agency", // 36(五): name the right one
  "repeat-application", // 36(六)
  "special-legal-route", // 36(七)
]);
export type ResponseType = z.infer<typeof ResponseType>;

/** The eight grounds of table three's 不予公开 rows. */
export const WithholdingGround = z.enum([
  "state-secret",
  "prohibited-by-law",
  "three-safeties",
  "third-party-rights",
  "internal-affairs",
  "process-information",
  "enforcement-file",
  "administrative-inquiry",
]);
export type WithholdingGround = z.infer<typeof WithholdingGround>;

/** 无法提供: not held, would have to be made, still unclear after correction. */
export const UnavailableGround = z.enum(["not-held", "needs-creation", "unclear-after-correction"]);
export type UnavailableGround = z.infer<typeof UnavailableGround>;

/** 不予处理 outside Art. 36(六) (Art. 35, 39): petitions, publications, excessive, confirmations. */
export const DeclineGround = z.enum(["petition", "publication", "excessive", "confirmation"]);
export type DeclineGround = z.infer<typeof DeclineGround>;

const on = IsoDate;
const note = z.string().trim().max(2000).optional();

export const ApplicationEventInput = z.discriminatedUnion("type", [
  /** OGI Art. 31(三): the office confirms an online application; that day is its receipt. */
  z.strictObject({ type: z.literal("confirm"), on, note }),
  z.strictObject({ type: z.literal("accept"), on, note }),
  z.strictObject({
    type: z.literal("request-correction"),
    on,
    /** Everything to correct, listed once (Art. 30). */
    items: z.array(text(500, "补正事项")).min(1, "须一次性列明需要补正的事项"),
    /** The time the applicant is given; no correction by then is abandonment. */
    correctBy: IsoDate,
    note,
  }),
  z.strictObject({ type: z.literal("correction-received"), on, note }),
  z.strictObject({ type: z.literal("abandon"), on, note }),
  z.strictObject({ type: z.literal("consult-third-party"), on, thirdParty: text(200, "第三方名称"), note }),
  /** OGI Art. 32: the day the third party received the letter; its 15 working days run from it. */
  z.strictObject({ type: z.literal("third-party-received"), on, note }),
  z.strictObject({ type: z.literal("third-party-replied"), on, note }),
  z.strictObject({ type: z.literal("consult-agency"), on, agency: text(200, "被征求意见机关"), note }),
  z.strictObject({ type: z.literal("agency-replied"), on, note }),
  z.strictObject({
    type: z.literal("extend"),
    on,
    days: z.number().int().min(1, "延长至少1个工作日").max(20, "延长不得超过20个工作日"),
    approver: text(100, "批准人"),
    applicantNotifiedOn: IsoDate,
    note,
  }),
  /**
   * OGI Art. 35: the number or frequency of applications clearly exceeds a reasonable range;
   * the reason is sound but cannot be answered within Art. 33's period, so a reasonable later
   * deadline is set and told to the applicant. Distinct from the Art. 33 extension.
   */
  z.strictObject({
    type: z.literal("extend-reasonable"),
    on,
    dueOn: IsoDate,
    reason: text(2000, "延迟答复的理由"),
    applicantNotifiedOn: IsoDate,
    note,
  }),
  z.strictObject({
    type: z.literal("fee-notice"),
    on,
    /**
     * 国办函〔2020〕109号: by count (any answer) or by pages, which applies only to copies
     * (paper, email, copied electronic data). Absent on notices recorded before it was asked.
     */
    basis: z.enum(["by-count", "by-pages"]).optional(),
    /** The day the applicant received the notice; the notice's own day when not known. */
    applicantReceivedOn: IsoDate.optional(),
    amountYuan: z
      .number()
      .int("收费金额须为正整数（元）")
      .min(1, "收费金额须为正整数（元）")
      // ¥1,000,000 buys about 25,000 pages at 国办函〔2020〕109号's top rate of ¥40 a page: no real notice comes near.
      .max(1_000_000, "收费金额不能超过100万元"),
    note,
  }),
  z.strictObject({ type: z.literal("fee-paid"), on, note }),
  z.strictObject({ type: z.literal("fee-unpaid"), on, note }),
  z.strictObject({
    type: z.literal("respond"),
    on,
    responseType: ResponseType,
    withholdingGround: WithholdingGround.optional(),
    unavailableGround: UnavailableGround.optional(),
    /** 36(一): where it is published; 36(五): the agency that holds it. */
    reference: text(500, "告知内容").optional(),
    note,
  }),
  z.strictObject({ type: z.literal("decline"), on, ground: DeclineGround, note }),
  z.strictObject({ type: z.literal("close-other"), on, note: text(2000, "处理说明") }),
]);
export type ApplicationEventInput = z.infer<typeof ApplicationEventInput>;

/** Events the system records itself: a recalculation after a holiday notice, a 转主动公开. */
export const SystemEvent = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("calendar-changed"),
    on,
    calendarVersion: z.string(),
    noticeYear: z.number().int(),
    dueBefore: IsoDate.nullable(),
    dueAfter: IsoDate.nullable(),
  }),
  z.strictObject({ type: z.literal("disclosed-proactively"), on, itemId: z.string() }),
]);
export type SystemEvent = z.infer<typeof SystemEvent>;

/** An event as recorded: what happened, when it was recorded and by whom. */
export const ApplicationEvent = z
  .union([ApplicationEventInput, SystemEvent])
  .and(z.object({ at: z.string(), by: z.string() }));
export type ApplicationEvent = z.infer<typeof ApplicationEvent>;

export const ApplicationState = z.enum([
  "received",
  "awaiting-correction",
  "in-consultation",
  "awaiting-fee",
  "extended",
  "answered",
  "closed",
]);
export type ApplicationState = z.infer<typeof ApplicationState>;

/**
 * How an online application is confirmed (OGI Art. 31(三)): automatically on the next working
 * day after submission unless the office confirms it earlier, or only by the office. Taken
 * from the settings at submission; absent on applications submitted before (their receipt
 * stays the day of submission, as it was counted then).
 */
export const OnlineConfirmation = z.enum(["auto", "by-office"]);
export type OnlineConfirmation = z.infer<typeof OnlineConfirmation>;

/** The stored application without personal data: safe to count and to show its status. */
export const Application = z.object({
  id: z.string(),
  trackingCode: z.string(),
  unitCode: z.string(),
  /**
   * A unit's part of an application that several units answer: the id of the first part, the
   * one the applicant's tracking code was issued with (ADR 0061). Absent on a first part.
   */
  partOf: z.string().optional(),
  channel: ApplicationChannel,
  /** The day it arrived: handed in, signed for, or (online) submitted; see `confirmation`. */
  receivedOn: IsoDate,
  confirmation: OnlineConfirmation.optional(),
  applicantKind: ApplicantKind,
  description: z.string(),
  provisionForm: ProvisionForm.optional(),
  events: z.array(ApplicationEvent),
  /** Snapshot of the derived clock, kept for lists; always recomputed on read. */
  state: ApplicationState,
  dueOn: IsoDate.nullable(),
  dueIsProvisional: z.boolean(),
  calendarVersion: z.string(),
  responseType: ResponseType.optional(),
  endedOn: IsoDate.optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Application = z.infer<typeof Application>;

export const isOpen = (state: ApplicationState) => state !== "answered" && state !== "closed";
