import { z } from "zod";
import { findColumn } from "./column.ts";
import { type DatedField, happened, IsoDate, planned } from "./date.ts";
import { fail } from "./error.ts";
import { anyKindFields, InterpretationForm, ItemId, ItemKind, kindFields, text } from "./item-kind.ts";
import { itemSize } from "./item-size.ts";
import { UnitCode } from "./unit.ts";

export { ItemId, ItemKind } from "./item-kind.ts";

export const ItemState = z.enum(["draft", "submitted", "published", "withdrawn"]);
export type ItemState = z.infer<typeof ItemState>;

/** 公开方式: proactive (主动公开) or on request (依申请公开). */
export const DisclosureMethod = z.enum(["proactive", "on-request"]);

/** 有效性 of a normative document (有效, 已修改, 已废止, 已失效). */
export const Validity = z.enum(["effective", "amended", "repealed", "expired"]);
export type Validity = z.infer<typeof Validity>;

export const Attachment = z.strictObject({
  name: text(200),
  mediaType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, "媒体类型格式不正确"),
  size: z.number().int().nonnegative().max(2_000_000_000),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "sha256须为64位十六进制"),
  url: z.url({ protocol: /^https?$/ }),
});

/** The fields every kind shares, as a department writes them (no defaults: a PATCH must not reset fields). */
const common = {
  title: text(300),
  columnId: z.string().min(1).max(64),
  // Every character takes at least a byte: a longer body cannot fit, so it is refused before
  // sanitizing. The exact check is on the stored content (checkContentSize, ADR 0039).
  body: z.string().max(itemSize.contentBytes, `正文过长：内容合计不能超过${itemSize.contentBytes / 1024}KB`),
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
  attachments: z.array(Attachment).max(50),
  relatedItemIds: z.array(ItemId).max(20),
};

/** The common fields at creation, with the defaults the seed's portal shows (主动公开, 常年公开, 面向全社会). */
const commonAtCreation = {
  ...common,
  docNumber: common.docNumber.optional(),
  summary: common.summary.optional(),
  keywords: common.keywords.default([]),
  category: common.category.default("综合政务"),
  disclosureMethod: common.disclosureMethod.default("proactive"),
  timeLimit: common.timeLimit.default("常年公开"),
  scope: common.scope.default("面向全社会"),
  attachments: common.attachments.default([]),
  relatedItemIds: common.relatedItemIds.default([]),
};

const variant = <K extends ItemKind, S extends z.ZodRawShape>(kind: K, shape: S) =>
  // extend (not spread) so a kind's required field replaces an optional common one in the type too.
  z.strictObject({ kind: z.literal(kind), ...commonAtCreation }).extend(shape);

/** A new item: one schema per kind, told apart by `kind`. */
export const CreateItemInput = z.discriminatedUnion("kind", [
  variant("general", kindFields.general),
  variant("normative", kindFields.normative),
  variant("interpretation", { ...kindFields.interpretation, form: InterpretationForm.default("text") }),
  variant("budget", kindFields.budget),
  variant("project", kindFields.project),
  variant("meeting", kindFields.meeting),
  variant("audit", kindFields.audit),
]);
export type CreateItemInput = z.input<typeof CreateItemInput>;

/** A PATCH: any field the item's kind has, never the kind itself or a server-owned field. */
export function updateSchemaFor(kind: ItemKind) {
  return z
    .strictObject({ ...common, ...kindFields[kind] })
    .partial()
    .refine((v) => Object.keys(v).length > 0, "至少修改一个字段");
}
/** The PATCH body as documented: the union of every kind's fields (checked per kind when applied). */
export const UpdateItemInput = z.strictObject({ ...common, ...anyKindFields }).partial();
export type UpdateItemInput = z.infer<typeof UpdateItemInput>;

/** What an edition says: the written fields of any kind, defaults applied. */
export const ItemContent = z.strictObject({
  kind: ItemKind,
  ...commonAtCreation,
  ...z.strictObject(anyKindFields).partial().shape,
});
export type ItemContent = z.infer<typeof ItemContent>;
const contentKeys = Object.keys(ItemContent.shape) as (keyof ItemContent)[];

/**
 * The dates an item's content names (ADR 0038): when it was generated and approved have
 * happened; the day a document takes effect, a meeting's day and the filing (备案, due within
 * 30 days after publication, so often written with the document) may lie ahead.
 */
export const itemDates = (content: ItemContent): DatedField[] => [
  happened("generatedOn", content.generatedOn),
  happened("approvedOn", content.approvedOn),
  planned("effectiveOn", content.effectiveOn),
  planned("filing.filedOn", content.filing?.filedOn),
  planned("heldOn", content.heldOn),
];

/** 保密审查: any true answer blocks publication. */
export const ConfidentialityReview = z.strictObject({
  stateSecret: z.boolean(),
  personalPrivacy: z.boolean(),
  tradeSecret: z.boolean(),
  otherSensitive: z.boolean(),
});
export type ConfidentialityReview = z.infer<typeof ConfidentialityReview>;

export const ApproveInput = z.strictObject({ review: ConfidentialityReview, note: text(500).optional() });
export type ApproveInput = z.infer<typeof ApproveInput>;
export const ReasonInput = z.strictObject({ reason: text(500) });
/** Actions without a payload accept an optional note and nothing else. */
export const NoteInput = z.strictObject({ note: text(500).optional() });

export const ReviewRecord = ConfidentialityReview.extend({
  reviewerUnitCode: UnitCode,
  reviewerKeyId: z.string(),
  reviewedAt: z.string(),
  note: z.string().optional(),
});
export type ReviewRecord = z.infer<typeof ReviewRecord>;

const Rejection = z.object({ reason: z.string(), at: z.string() });

/** A new edition of a published item, worked on while the live edition stays public. */
export const Revision = z.object({
  edition: z.number().int().positive(),
  state: z.enum(["draft", "submitted"]),
  content: ItemContent,
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  rejection: Rejection.nullable(),
});
export type Revision = z.infer<typeof Revision>;

export const ValidityEvent = z.object({
  status: Validity,
  on: IsoDate,
  reason: z.string(),
  /** The amending or repealing document, when there is one. */
  byItemId: ItemId.optional(),
  at: z.string(),
  actorUnitCode: UnitCode,
});
export type ValidityEvent = z.infer<typeof ValidityEvent>;

/** Timeliness facts, computed once at each publication (see timeliness.ts). */
export const Timeliness = z.object({
  calendarVersion: z.string(),
  /** OGI Art. 26: published within N working days of being formed. */
  proactive: z.object({
    workingDays: z.number().int(),
    limit: z.number().int(),
    /** The limit's last working day (absent on facts recorded before dates were compared). */
    dueOn: IsoDate.optional(),
    /** Published on or before the limit's last working day: dates compared, not counts. */
    onTime: z.boolean(),
    provisional: z.boolean(),
    /** Late even if every day no loaded notice decides turns out a day off (absent on older facts). */
    lateWhateverTheNotice: z.boolean().optional(),
  }),
  /** Interpretation lag against its document (三同步), in working days; null for other kinds. */
  interpretation: z
    .object({
      documentId: ItemId,
      workingDays: z.number().int(),
      limit: z.number().int(),
      dueOn: IsoDate.optional(),
      onTime: z.boolean(),
      provisional: z.boolean(),
      lateWhateverTheNotice: z.boolean().optional(),
    })
    .nullable(),
  /**
   * 预算法 Art. 14: budgets within N calendar days of approval, the last day moved past a day
   * off (民法典 Art. 203) unless the setting is off; null for other kinds. `dueOn` and
   * `provisional` are absent on facts recorded before that rule.
   */
  budget: z
    .object({
      calendarDays: z.number().int(),
      limit: z.number().int(),
      dueOn: IsoDate.optional(),
      onTime: z.boolean(),
      provisional: z.boolean().optional(),
    })
    .nullable(),
});
export type Timeliness = z.infer<typeof Timeliness>;

export const Item = ItemContent.extend({
  id: ItemId,
  unitCode: UnitCode,
  state: ItemState,
  indexNumber: z.string().nullable(),
  version: z.number().int().positive(),
  /** 0 until first published, then the number of the live edition. */
  edition: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  /** When the live edition was published. */
  publishedAt: z.string().nullable(),
  firstPublishedAt: z.string().nullable(),
  /** When each edition went live, for the public detail's edition history. */
  editionDates: z.array(z.object({ edition: z.number().int(), publishedAt: z.string() })),
  review: ReviewRecord.nullable(),
  rejection: Rejection.nullable(),
  withdrawal: z.object({ reason: z.string(), at: z.string(), actorUnitCode: UnitCode }).nullable(),
  /** Normative documents only: the current 有效性 and how it came to be. */
  validity: Validity.nullable(),
  validityHistory: z.array(ValidityEvent),
  timeliness: Timeliness.nullable(),
  revision: Revision.nullable(),
});
export type Item = z.infer<typeof Item>;

/** A superseded edition as kept for the history: the item as it was, without its pending revision. */
export const ItemEdition = Item.omit({ revision: true });
export type ItemEdition = z.infer<typeof ItemEdition>;

export const stateNames: Record<ItemState, string> = {
  draft: "草稿",
  submitted: "待审核",
  published: "已发布",
  withdrawn: "已撤回",
};

export function contentOf(item: ItemContent): ItemContent {
  return Object.fromEntries(
    contentKeys.filter((k) => item[k] !== undefined).map((k) => [k, item[k]]),
  ) as ItemContent;
}

export function newItem(input: ItemContent, unitCode: string, id: string, now: string): Item {
  return {
    ...contentOf(input),
    id,
    unitCode,
    state: "draft",
    indexNumber: null,
    version: 1,
    edition: 0,
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    publishedAt: null,
    firstPublishedAt: null,
    editionDates: [],
    review: null,
    rejection: null,
    withdrawal: null,
    validity: input.kind === "normative" ? "effective" : null,
    validityHistory: [],
    timeliness: null,
    revision: null,
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

/**
 * The copy being worked on: the item itself before first publication, its pending
 * revision after. Every workflow step acts on it.
 */
export type WorkingCopy = { state: "draft" | "submitted"; content: ItemContent; edition: number };

export function workingCopy(item: Item): WorkingCopy | null {
  if (item.state === "draft" || item.state === "submitted") {
    return { state: item.state, content: contentOf(item), edition: 1 };
  }
  if (item.state === "published" && item.revision) {
    return { state: item.revision.state, content: item.revision.content, edition: item.revision.edition };
  }
  return null;
}

function requireWorking(item: Item, state: "draft" | "submitted", action: string): WorkingCopy {
  const copy = workingCopy(item);
  if (copy?.state !== state) {
    const now = copy ? stateNames[copy.state] : stateNames[item.state];
    fail("conflict", `当前状态为“${now}”，不能${action}`);
  }
  return copy as WorkingCopy;
}

const bump = (item: Item, now: string): Pick<Item, "version" | "updatedAt"> => ({
  version: item.version + 1,
  updatedAt: now,
});

/** Replaces the working copy's content and workflow fields, wherever it lives. */
function updateWorking(
  item: Item,
  now: string,
  patch: {
    content?: ItemContent;
    state?: "draft" | "submitted";
    submittedAt?: string | null;
    rejection?: Item["rejection"];
  },
): Item {
  if (item.revision) {
    return { ...item, ...bump(item, now), revision: { ...item.revision, ...patch } };
  }
  return { ...item, ...(patch.content ?? {}), ...withoutContent(patch), ...bump(item, now) };
}

function withoutContent<T extends { content?: unknown }>(patch: T): Omit<T, "content"> {
  const { content: _content, ...rest } = patch;
  return rest;
}

/** A PATCH's fields over the content: a field absent or undefined stays as it was. */
export function mergeContent(content: ItemContent, changes: object): ItemContent {
  const given = Object.entries(changes).filter(([, value]) => value !== undefined);
  // The changes were parsed by the kind's own update schema, so the result is of that kind.
  return { ...content, ...Object.fromEntries(given) } as ItemContent;
}

export function editItem(item: Item, changes: object, now: string): Item {
  const copy = requireWorking(item, "draft", "修改");
  return updateWorking(item, now, { content: mergeContent(copy.content, changes) });
}

export function submitItem(item: Item, now: string): Item {
  requireWorking(item, "draft", "提交审核");
  return updateWorking(item, now, { state: "submitted", submittedAt: now, rejection: null });
}

export function rejectItem(item: Item, reason: string, now: string): Item {
  requireWorking(item, "submitted", "退回");
  return updateWorking(item, now, { state: "draft", rejection: { reason, at: now } });
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

/** Approval is refused unless a copy awaits review and the confidentiality review clears every question. */
export function assertApprovable(item: Item, review: ConfidentialityReview): WorkingCopy {
  const copy = requireWorking(item, "submitted", "审核发布");
  const blocked = blockingAnswers(review);
  if (blocked.length > 0) fail("conflict", `保密审查未通过：${blocked.join("、")}，不得公开`);
  return copy;
}

/**
 * Approval publishes (保密审查 passed). The first publication allocates the 索引号; a
 * revision's publication supersedes the live edition, which the caller keeps as history.
 * The 索引号 never changes.
 */
export function approveItem(
  item: Item,
  review: ReviewRecord,
  indexNumber: string,
  now: string,
  timeliness: Timeliness | null = null,
): Item {
  const copy = assertApprovable(item, review);
  return {
    ...item,
    ...copy.content,
    state: "published",
    review,
    indexNumber: item.indexNumber ?? indexNumber,
    edition: copy.edition,
    publishedAt: now,
    firstPublishedAt: item.firstPublishedAt ?? now,
    editionDates: [...item.editionDates, { edition: copy.edition, publishedAt: now }],
    rejection: null,
    revision: null,
    timeliness,
    ...bump(item, now),
  };
}

/** `revise` opens a new edition of a published item; the live edition stays public meanwhile. */
export function reviseItem(item: Item, now: string): Item {
  if (item.state !== "published")
    fail("conflict", `当前状态为“${stateNames[item.state]}”，只有已发布的信息可以修订`);
  if (item.revision) fail("conflict", `已有待处理的修订（第${item.revision.edition}版）`);
  const revision: Revision = {
    edition: item.edition + 1,
    state: "draft",
    content: contentOf(item),
    createdAt: now,
    submittedAt: null,
    rejection: null,
  };
  return { ...item, revision, ...bump(item, now) };
}

/**
 * `withdraw` takes a published item down with a public reason. Nothing is deleted: the
 * public sees a tombstone, the history keeps everything. A pending revision must be
 * settled first so no draft is orphaned behind a withdrawn item.
 */
export function withdrawItem(item: Item, reason: string, actorUnitCode: string, now: string): Item {
  if (item.state !== "published")
    fail("conflict", `当前状态为“${stateNames[item.state]}”，只有已发布的信息可以撤回`);
  if (item.revision) fail("conflict", "该信息有待处理的修订，请先完成或退回修订再撤回");
  return { ...item, state: "withdrawn", withdrawal: { reason, at: now, actorUnitCode }, ...bump(item, now) };
}

/** What the public sees of a published item: no review answers, reviewers, drafts or internal dates. */
export const PublicItem = Item.omit({
  review: true,
  rejection: true,
  submittedAt: true,
  createdAt: true,
  revision: true,
  withdrawal: true,
});
export type PublicItem = z.infer<typeof PublicItem>;

export function publicItem(item: Item): PublicItem {
  const {
    review: _review,
    rejection: _rejection,
    submittedAt: _submitted,
    createdAt: _created,
    revision: _revision,
    withdrawal: _withdrawal,
    ...visible
  } = item;
  return visible;
}

/**
 * An item as a list shows it: the catalogue's metadata without the full text or the stored
 * timeliness facts, so a page of 100 stays small; the detail carries the rest.
 */
export const PublicListEntry = PublicItem.omit({ body: true, timeliness: true });
export type PublicListEntry = z.infer<typeof PublicListEntry>;

export function publicListEntry(item: Item): PublicListEntry {
  const { body: _body, timeliness: _timeliness, ...entry } = publicItem(item);
  return entry;
}

/** The 410 answer for a withdrawn item: enough to know it existed and why it is gone. */
export const Tombstone = z.strictObject({
  withdrawn: z.literal(true),
  id: ItemId,
  title: z.string(),
  indexNumber: z.string().nullable(),
  unitCode: UnitCode,
  reason: z.string(),
  withdrawnAt: z.string(),
});
export type Tombstone = z.infer<typeof Tombstone>;

export function tombstone(item: Item): Tombstone {
  return {
    withdrawn: true,
    id: item.id,
    title: item.title,
    indexNumber: item.indexNumber,
    unitCode: item.unitCode,
    reason: item.withdrawal?.reason ?? "",
    withdrawnAt: item.withdrawal?.at ?? item.updatedAt,
  };
}
