import { z } from "zod";
import { findColumn } from "./column.ts";
import { IsoDate } from "./date.ts";
import { fail } from "./error.ts";
import { idSchema } from "./id.ts";
import { UnitCode } from "./unit.ts";

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

export const ItemState = z.enum(["draft", "submitted", "published", "withdrawn"]);
export type ItemState = z.infer<typeof ItemState>;

/** 公开方式: proactive (主动公开) or on request (依申请公开). */
export const DisclosureMethod = z.enum(["proactive", "on-request"]);

/** 有效性 of a normative document (有效, 已修改, 已废止, 已失效). */
export const Validity = z.enum(["effective", "amended", "repealed", "expired"]);
export type Validity = z.infer<typeof Validity>;

export const ItemId = idSchema("item");

export const Attachment = z.strictObject({
  name: z.string().min(1).max(200),
  mediaType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, "媒体类型格式不正确"),
  size: z.number().int().nonnegative().max(2_000_000_000),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "sha256须为64位十六进制"),
  url: z.url({ protocol: /^https?$/ }),
});

const text = (max: number) => z.string().trim().min(1, "不能为空").max(max, `不能超过${max}个字符`);

/** What a department may write on an item, without defaults (a PATCH must not reset fields). */
const writable = {
  title: text(300),
  columnId: z.string().min(1).max(64),
  body: z.string().max(500_000, "正文过长"),
  generatedOn: IsoDate,
  docNumber: text(100),
  summary: text(2000),
  keywords: z.array(text(30)).max(20),
  /** 主题分类 / 信息类别. */
  category: text(50),
  disclosureMethod: DisclosureMethod,
  /** 公开时限, e.g. 常年公开. */
  timeLimit: text(30),
  /** 公开范围, e.g. 面向全社会. */
  scope: text(30),
  validity: Validity,
  attachments: z.array(Attachment).max(50),
  relatedItemIds: z.array(ItemId).max(50),
  interprets: ItemId,
};

/** The fields of an item as created; everything else on an item is owned by the server. */
export const ItemFields = z.strictObject({
  kind: ItemKind,
  ...writable,
  docNumber: writable.docNumber.optional(),
  summary: writable.summary.optional(),
  keywords: writable.keywords.default([]),
  category: writable.category.default("综合政务"),
  disclosureMethod: writable.disclosureMethod.default("proactive"),
  timeLimit: writable.timeLimit.default("常年公开"),
  scope: writable.scope.default("面向全社会"),
  validity: writable.validity.optional(),
  attachments: writable.attachments.default([]),
  relatedItemIds: writable.relatedItemIds.default([]),
  interprets: writable.interprets.optional(),
});
export type ItemFields = z.infer<typeof ItemFields>;

export const CreateItemInput = ItemFields;
export type CreateItemInput = z.input<typeof CreateItemInput>;

/** A PATCH may change any written field except the kind; server-owned fields are refused. */
export const UpdateItemInput = z
  .strictObject(writable)
  .partial()
  .refine((v) => Object.keys(v).length > 0, "至少修改一个字段");
export type UpdateItemInput = z.infer<typeof UpdateItemInput>;

/** 保密审查: any true answer blocks publication. */
export const ConfidentialityReview = z.strictObject({
  stateSecret: z.boolean(),
  personalPrivacy: z.boolean(),
  tradeSecret: z.boolean(),
  otherSensitive: z.boolean(),
});
export type ConfidentialityReview = z.infer<typeof ConfidentialityReview>;

export const ApproveInput = z.strictObject({ review: ConfidentialityReview, note: text(500).optional() });
export const ReasonInput = z.strictObject({ reason: text(500) });

export const ReviewRecord = ConfidentialityReview.extend({
  reviewerUnitCode: UnitCode,
  reviewerKeyId: z.string(),
  reviewedAt: z.string(),
  note: z.string().optional(),
});
export type ReviewRecord = z.infer<typeof ReviewRecord>;

export const Item = ItemFields.extend({
  id: ItemId,
  unitCode: UnitCode,
  state: ItemState,
  indexNumber: z.string().nullable(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  review: ReviewRecord.nullable(),
  rejection: z.object({ reason: z.string(), at: z.string() }).nullable(),
});
export type Item = z.infer<typeof Item>;

export function newItem(fields: ItemFields, unitCode: string, id: string, now: string): Item {
  return {
    ...fields,
    id,
    unitCode,
    state: "draft",
    indexNumber: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    publishedAt: null,
    review: null,
    rejection: null,
  };
}

/** An item goes in an existing column that takes its kind (a budget in 财政信息, not in 政府会议). */
export function checkPlacement(kind: ItemKind, columnId: string): void {
  const column = findColumn(columnId);
  if (!column)
    fail("unprocessable", "栏目不存在", [{ path: "columnId", message: `栏目“${columnId}”不存在` }]);
  else if (!column.kinds.includes(kind)) {
    fail("unprocessable", `栏目“${column.name}”不接受此类信息`, [
      { path: "columnId", message: `栏目“${column.name}”不接受类型为${kind}的信息` },
    ]);
  }
}

function requireState(item: Item, state: ItemState, action: string): void {
  if (item.state !== state) fail("conflict", `当前状态为“${stateNames[item.state]}”，不能${action}`);
}

export const stateNames: Record<ItemState, string> = {
  draft: "草稿",
  submitted: "待审核",
  published: "已发布",
  withdrawn: "已撤回",
};

export function editItem(item: Item, changes: UpdateItemInput, now: string): Item {
  requireState(item, "draft", "修改");
  return { ...item, ...changes, version: item.version + 1, updatedAt: now };
}

export function submitItem(item: Item, now: string): Item {
  requireState(item, "draft", "提交审核");
  return {
    ...item,
    state: "submitted",
    submittedAt: now,
    rejection: null,
    version: item.version + 1,
    updatedAt: now,
  };
}

export function rejectItem(item: Item, reason: string, now: string): Item {
  requireState(item, "submitted", "退回");
  return {
    ...item,
    state: "draft",
    rejection: { reason, at: now },
    version: item.version + 1,
    updatedAt: now,
  };
}

/** The answers that block publication, named for the error message. */
export function blockingAnswers(review: ConfidentialityReview): string[] {
  const names: Record<keyof ConfidentialityReview, string> = {
    stateSecret: "涉及国家秘密",
    personalPrivacy: "涉及个人隐私",
    tradeSecret: "涉及商业秘密",
    otherSensitive: "存在其他敏感内容",
  };
  return (Object.keys(names) as (keyof ConfidentialityReview)[])
    .filter((k) => review[k])
    .map((k) => names[k]);
}

/** Approval is refused unless the item awaits review and the confidentiality review clears every question. */
export function assertApprovable(item: Item, review: ConfidentialityReview): void {
  requireState(item, "submitted", "审核发布");
  const blocked = blockingAnswers(review);
  if (blocked.length > 0) fail("conflict", `保密审查未通过：${blocked.join("、")}，不得公开`);
}

/** Approval publishes (保密审查 passed); the item receives its 索引号 on first publication. */
export function approveItem(item: Item, review: ReviewRecord, indexNumber: string, now: string): Item {
  assertApprovable(item, review);
  return {
    ...item,
    state: "published",
    review,
    indexNumber: item.indexNumber ?? indexNumber,
    publishedAt: now,
    version: item.version + 1,
    updatedAt: now,
  };
}

/** What the public sees of a published item: no review answers, reviewers or internal dates. */
export function publicItem(item: Item) {
  const {
    review: _review,
    rejection: _rejection,
    submittedAt: _submitted,
    createdAt: _created,
    ...visible
  } = item;
  return visible;
}
