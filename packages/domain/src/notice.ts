import { z } from "zod";
import { addWorkingDays, type Calendar } from "./calendar.ts";
import { IsoDate, shanghaiDate } from "./date.ts";
import { type FieldIssue, fail } from "./error.ts";
import { idSchema } from "./id.ts";
import { text } from "./item-kind.ts";
import { utf8Bytes } from "./text.ts";
import type { Unit, UnitKind } from "./unit.ts";
import { UnitCode } from "./unit.ts";

/**
 * A notice (通知) the city office sends to departments, townships and streets: a training, an
 * assessment round, a supervision demand or a circular, with a receipt (回执) each target unit
 * returns by a deadline. Targets are resolved to units when the notice is issued (ADR 0043).
 */

export const NoticeId = idSchema("notice");

/** 培训通知, 考评通知, 督办通知, 通报. */
export const NoticeKind = z.enum(["training", "assessment", "supervision", "circular"]);
export type NoticeKind = z.infer<typeof NoticeKind>;

export const noticeSize = {
  /**
   * The Markdown body in UTF-8 bytes. A long 通知 runs to several thousand characters of 3
   * bytes each; 64 KiB holds over 20,000 and leaves the notice record (title, attachments, up
   * to `maxTargets` unit codes) far below DynamoDB's 400 KB. Chat channels get a trimmed text
   * with a link to the whole notice, so their limits do not bound the body.
   */
  bodyBytes: 64 * 1024,
  /**
   * The longest list of units a request may name, checked before anything is read: the
   * notice, its audit entry and one receipt per unit must fit one transaction (100 writes).
   * It is not the cap that holds: each unit's deliveries (one per channel) join the same
   * transaction, so the writes are counted at issue (`checkNoticeWrites`, ADR 0045) and a
   * notice to 96 units with channels set is refused there.
   */
  maxTargets: 96,
};

const MarkdownBody = z
  .string()
  .trim()
  .min(1, "不能为空")
  .superRefine((body, ctx) => {
    const bytes = utf8Bytes(body);
    if (bytes > noticeSize.bodyBytes)
      ctx.addIssue({
        code: "custom",
        message: `正文不能超过${noticeSize.bodyBytes / 1024}KB（按UTF-8计，一个汉字3字节），当前为${Math.ceil(bytes / 1024)}KB`,
      });
  });

export const NoticeAttachment = z.strictObject({
  title: text(200),
  url: z.url({ protocol: /^https?$/ }).max(2000, "不能超过2000个字符"),
});
export type NoticeAttachment = z.infer<typeof NoticeAttachment>;

/** Listed units, every department, every township and street, or all of them. */
export const TargetScope = z.enum(["units", "departments", "townships", "all"]);
export type TargetScope = z.infer<typeof TargetScope>;

const unitKindsOfScope: Record<Exclude<TargetScope, "units">, readonly UnitKind[]> = {
  departments: ["department"],
  townships: ["township", "street"],
  all: ["department", "township", "street"],
};

export const NoticeTargets = z
  .strictObject({
    scope: TargetScope,
    /** Only with `scope: "units"`. */
    unitCodes: z
      .array(UnitCode)
      .max(noticeSize.maxTargets, `不能超过${noticeSize.maxTargets}个单位`)
      .optional(),
  })
  .superRefine((targets, ctx) => {
    if (targets.scope === "units" && !targets.unitCodes?.length)
      ctx.addIssue({ code: "custom", path: ["unitCodes"], message: "请至少指定一个单位" });
    if (targets.scope !== "units" && targets.unitCodes !== undefined)
      ctx.addIssue({ code: "custom", path: ["unitCodes"], message: "只有指定单位时才列出单位代码" });
  });
export type NoticeTargets = z.infer<typeof NoticeTargets>;

/** Whether a receipt is asked for, and its deadline: N working days after the issue day, or a date. */
export const ReceiptRule = z
  .strictObject({
    required: z.boolean(),
    workingDays: z.number().int("须为整数").min(1, "至少1个工作日").max(60, "不能超过60个工作日").optional(),
    dueOn: IsoDate.optional(),
  })
  .superRefine((rule, ctx) => {
    const given = [rule.workingDays, rule.dueOn].filter((v) => v !== undefined).length;
    if (rule.required && given !== 1)
      ctx.addIssue({
        code: "custom",
        path: ["workingDays"],
        message: "要求回执时须给出工作日数或截止日期之一",
      });
    if (!rule.required && given > 0)
      ctx.addIssue({ code: "custom", path: ["required"], message: "不要求回执时不设回执期限" });
  });
export type ReceiptRule = z.infer<typeof ReceiptRule>;

export const IssueNoticeInput = z.strictObject({
  kind: NoticeKind,
  title: text(200),
  body: MarkdownBody,
  targets: NoticeTargets,
  attachments: z.array(NoticeAttachment).max(20, "附件不能超过20个").optional(),
  receipt: ReceiptRule,
});
export type IssueNoticeInput = z.infer<typeof IssueNoticeInput>;

export const Notice = z.object({
  id: NoticeId,
  kind: NoticeKind,
  title: z.string(),
  body: z.string(),
  attachments: z.array(NoticeAttachment),
  targets: NoticeTargets,
  /** The units the targets named on the issue day: a unit created later is not a target. */
  unitCodes: z.array(UnitCode),
  receipt: z.object({
    required: z.boolean(),
    workingDays: z.number().int().nullable(),
    dueOn: IsoDate.nullable(),
  }),
  /** The Asia/Shanghai day the notice was issued: working days are counted from it. */
  issuedOn: IsoDate,
  issuedBy: UnitCode,
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Notice = z.infer<typeof Notice>;

/**
 * The units the targets name, in code order. A listed code must be a unit that exists, once;
 * a level must hold at least one unit. Every issue names its field and nothing is issued.
 */
export function resolveTargets(targets: NoticeTargets, units: readonly Unit[]): string[] {
  const issues: FieldIssue[] = [];
  let codes: string[];
  if (targets.scope === "units") {
    const known = new Set(units.map((u) => u.code));
    const seen = new Set<string>();
    for (const [i, code] of (targets.unitCodes ?? []).entries()) {
      const path = `targets.unitCodes.${i}`;
      if (!known.has(code)) issues.push({ path, message: "单位不存在" });
      else if (seen.has(code)) issues.push({ path, message: "单位重复" });
      seen.add(code);
    }
    codes = [...seen];
  } else {
    const kinds = unitKindsOfScope[targets.scope];
    codes = units.filter((u) => kinds.includes(u.kind)).map((u) => u.code);
    if (codes.length === 0) issues.push({ path: "targets.scope", message: "该范围内没有单位" });
    else if (codes.length > noticeSize.maxTargets)
      issues.push({
        path: "targets.scope",
        message: `该范围有${codes.length}个单位，超过${noticeSize.maxTargets}个上限`,
      });
  }
  if (issues.length) fail("validation", "通知对象有误", issues);
  return codes.sort();
}

/** A new notice to the resolved units; ids and time come from the caller. */
export function newNotice(
  input: IssueNoticeInput,
  unitCodes: string[],
  context: { id: string; issuedBy: string; now: string },
): Notice {
  const { id, issuedBy, now } = context;
  const issuedOn = shanghaiDate(new Date(now));
  // A fixed deadline before the issue day would make every receipt late the moment it is sent.
  if (input.receipt.dueOn !== undefined && input.receipt.dueOn < issuedOn)
    fail("validation", "回执截止日期不能早于今天", [
      { path: "receipt.dueOn", message: `不能早于${issuedOn}` },
    ]);
  return {
    id,
    kind: input.kind,
    title: input.title,
    body: input.body,
    attachments: input.attachments ?? [],
    targets: input.targets,
    unitCodes,
    receipt: {
      required: input.receipt.required,
      workingDays: input.receipt.workingDays ?? null,
      dueOn: input.receipt.dueOn ?? null,
    },
    issuedOn,
    issuedBy,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export const ReceiptDeadline = z.object({
  dueOn: IsoDate,
  /** True when the count crossed a year whose holiday notice is not loaded: recomputed once it is. */
  provisional: z.boolean(),
});
export type ReceiptDeadline = z.infer<typeof ReceiptDeadline>;

/**
 * The last day a receipt is on time, or null when none is asked. Working days are counted as
 * the law counts them (the issue day is not counted, 民法典 Art. 201) on the calendar in force,
 * so a deadline over an unloaded year is marked provisional and moves when the year is loaded.
 */
export function receiptDeadline(
  notice: Pick<Notice, "receipt" | "issuedOn">,
  calendar: Calendar,
): ReceiptDeadline | null {
  const { required, workingDays, dueOn } = notice.receipt;
  if (!required) return null;
  if (dueOn !== null) return { dueOn, provisional: false };
  const counted = addWorkingDays(calendar, notice.issuedOn, workingDays ?? 0);
  return { dueOn: counted.date, provisional: counted.provisional };
}

/** One target unit's receipt: pending until the unit acknowledges with its key. */
export const Receipt = z.object({
  noticeId: NoticeId,
  unitCode: UnitCode,
  acknowledgedAt: z.string().nullable(),
  /** The key that acknowledged, so the office can tell who in the unit did. */
  acknowledgedBy: z.string().nullable(),
  note: z.string().nullable(),
  contact: z.string().nullable(),
  /** The notice's issue time, so a unit's receipts list its notices newest first. */
  issuedAt: z.string(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Receipt = z.infer<typeof Receipt>;

export function pendingReceipts(notice: Notice): Receipt[] {
  return notice.unitCodes.map((unitCode) => ({
    noticeId: notice.id,
    unitCode,
    acknowledgedAt: null,
    acknowledgedBy: null,
    note: null,
    contact: null,
    issuedAt: notice.createdAt,
    version: 1,
    createdAt: notice.createdAt,
    updatedAt: notice.createdAt,
  }));
}

export const AcknowledgeInput = z.strictObject({
  note: text(500).optional(),
  /** Who in the unit handles it: a name and a phone number, as offices write them. */
  contact: text(100).optional(),
});
export type AcknowledgeInput = z.infer<typeof AcknowledgeInput>;

/**
 * The unit acknowledges. A second acknowledgement changes nothing: the first time, key, note
 * and contact stand, so a retried request or a second click cannot move a receipt from on
 * time to late. `changed` tells the caller whether there is anything to write.
 */
export function acknowledge(
  receipt: Receipt,
  input: AcknowledgeInput,
  by: string,
  now: string,
): { receipt: Receipt; changed: boolean } {
  if (receipt.acknowledgedAt !== null) return { receipt, changed: false };
  return {
    receipt: {
      ...receipt,
      acknowledgedAt: now,
      acknowledgedBy: by,
      note: input.note ?? null,
      contact: input.contact ?? null,
      version: receipt.version + 1,
      updatedAt: now,
    },
    changed: true,
  };
}

export const ReceiptStatus = z.enum(["acknowledged", "pending", "late"]);
export type ReceiptStatus = z.infer<typeof ReceiptStatus>;

/**
 * Late: acknowledged on a day after the deadline, or still pending once the deadline has
 * passed as of `today` (the deadline day itself is on time). Without a deadline, never late.
 */
export function receiptStatus(
  receipt: Receipt,
  deadline: ReceiptDeadline | null,
  today: IsoDate,
): ReceiptStatus {
  const day = receipt.acknowledgedAt === null ? null : shanghaiDate(new Date(receipt.acknowledgedAt));
  const lateBy = (d: IsoDate) => deadline !== null && d > deadline.dueOn;
  if (day !== null) return lateBy(day) ? "late" : "acknowledged";
  return lateBy(today) ? "late" : "pending";
}

export const ReceiptView = Receipt.extend({ status: ReceiptStatus });
export type ReceiptView = z.infer<typeof ReceiptView>;

export const receiptView = (
  receipt: Receipt,
  deadline: ReceiptDeadline | null,
  today: IsoDate,
): ReceiptView => ({
  ...receipt,
  status: receiptStatus(receipt, deadline, today),
});

/** A notice as a reader sees it: with its deadline on today's calendar and, for a target unit, its own receipt. */
export const NoticeView = Notice.extend({
  receiptDeadline: ReceiptDeadline.nullable(),
  ownReceipt: ReceiptView.nullable(),
});
export type NoticeView = z.infer<typeof NoticeView>;

/** The office's view of a notice's receipts: each unit's, and how many stand in each status. */
export const ReceiptsOverview = z.object({
  noticeId: NoticeId,
  receiptDeadline: ReceiptDeadline.nullable(),
  counts: z.object({
    total: z.number().int(),
    acknowledged: z.number().int(),
    pending: z.number().int(),
    late: z.number().int(),
  }),
  receipts: z.array(ReceiptView),
});
export type ReceiptsOverview = z.infer<typeof ReceiptsOverview>;

export function receiptsOverview(
  notice: Notice,
  receipts: Receipt[],
  calendar: Calendar,
  today: IsoDate,
): ReceiptsOverview {
  const deadline = receiptDeadline(notice, calendar);
  const views = receipts.map((r) => receiptView(r, deadline, today));
  const count = (status: ReceiptStatus) => views.filter((v) => v.status === status).length;
  return {
    noticeId: notice.id,
    receiptDeadline: deadline,
    counts: {
      total: views.length,
      acknowledged: count("acknowledged"),
      pending: count("pending"),
      late: count("late"),
    },
    receipts: views,
  };
}
