import { z } from "zod";
import { IsoDate } from "./date.ts";
import { idSchema } from "./id.ts";

export const ItemKind = z.enum([
  "general",
  "normative",
  "interpretation",
  "budget",
  "project",
  "meeting",
  "audit",
]);
export type ItemKind = z.infer<typeof ItemKind>;

export const ItemId = idSchema("item");

export const text = (max: number) => z.string().trim().min(1, "不能为空").max(max, `不能超过${max}个字符`);

/** 备案审查: where a normative document was filed for review, when, and the outcome. */
export const FilingRecord = z.strictObject({
  filedWith: text(100),
  filedOn: IsoDate,
  result: z.enum(["pending", "passed", "corrected", "rejected"]),
});

/** The forms a policy interpretation takes (文字, 图解, 在线访谈, 视频). */
export const InterpretationForm = z.enum(["text", "graphic", "online-interview", "video"]);

/** The eight kinds of major-project information the seed publishes per project. */
export const ProjectStage = z.enum([
  "approval-service", // 批准服务
  "approval-result", // 批准结果
  "bidding", // 招标投标
  "land-acquisition", // 征收土地
  "design-change", // 重大设计变更
  "construction", // 施工有关
  "quality-safety", // 质量安全监督
  "completion", // 竣工有关
]);

/**
 * What each kind adds to the common fields. Required here means required when the item
 * is created as that kind; on a PATCH every field is optional.
 */
export const kindFields = {
  general: {},
  normative: {
    docNumber: text(100),
    /** Some provinces give a unified registration number beside the 文号. */
    unifiedNumber: text(60).optional(),
    issuingOrgan: text(100),
    effectiveOn: IsoDate,
    filing: FilingRecord.optional(),
  },
  interpretation: {
    interprets: ItemId,
    form: InterpretationForm,
  },
  budget: {
    fiscalYear: z.number().int().min(2000).max(2100),
    budgetType: z.enum(["budget", "final-accounts"]),
    /** 批复日期: the 20-day publication clock of 预算法 Art. 14 starts here. */
    approvedOn: IsoDate,
    /** Whether the "三公" expenses are included, as the annual checks require. */
    includesThreePublic: z.boolean(),
  },
  project: {
    projectName: text(200),
    projectCode: text(60).optional(),
    stage: ProjectStage,
  },
  meeting: {
    meetingName: text(200),
    heldOn: IsoDate,
  },
  audit: {
    auditedEntity: text(200),
    auditYear: z.number().int().min(2000).max(2100),
  },
} as const;

/** Every kind-specific field, optional: the shape of a stored item of any kind. */
export const anyKindFields = {
  ...kindFields.normative,
  ...kindFields.interpretation,
  ...kindFields.budget,
  ...kindFields.project,
  ...kindFields.meeting,
  ...kindFields.audit,
};
