import { z } from "zod";
import { addWorkingDays, type Calendar, type CountedDate } from "./calendar.ts";
import { IsoDate, previousDay } from "./date.ts";
import { fail } from "./error.ts";
import { idSchema } from "./id.ts";
import { text } from "./item-kind.ts";
import type { Settings } from "./settings.ts";
import { type Actor, canSeeUnit, hasRole, UnitCode } from "./unit.ts";

export const LetterId = idSchema("letter");

/** The writer of a letter: personal data, kept in its own record and never shown to the public. */
export const LetterWriter = z.strictObject({
  name: text(50),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,20}$/, "电话号码格式不正确")
    .optional(),
  email: z.email("电子邮箱格式不正确").max(100).optional(),
});
export type LetterWriter = z.infer<typeof LetterWriter>;

/** A letter to the mayor's mailbox (市长信箱) as a citizen writes it. */
export const SubmitLetterInput = z
  .strictObject({
    subject: text(100),
    body: text(5000),
    writer: LetterWriter,
    /** Whether the letter and its reply may be published on the portal (without the writer). */
    consentToPublish: z.boolean(),
    /** The unit the writer thinks should answer; the office decides. */
    unitCode: UnitCode.optional(),
    /** Be told by email (writer.email) when the letter is assigned or answered (ADR 0060). */
    notifyByEmail: z.boolean().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.notifyByEmail && !input.writer.email)
      ctx.addIssue({
        code: "custom",
        path: ["writer", "email"],
        message: "选择邮件告知办理进度时须填写电子邮箱",
      });
  });
export type SubmitLetterInput = z.infer<typeof SubmitLetterInput>;

export const TransferLetterInput = z.strictObject({ unitCode: UnitCode, reason: text(500) });
export type TransferLetterInput = z.infer<typeof TransferLetterInput>;

export const ReplyLetterInput = z.strictObject({ body: text(10_000) });
export type ReplyLetterInput = z.infer<typeof ReplyLetterInput>;

/** received: not yet with a unit; assigned: a unit must answer; replied: answered. */
export const LetterState = z.enum(["received", "assigned", "replied"]);
export type LetterState = z.infer<typeof LetterState>;

export const LetterTransfer = z.object({
  from: UnitCode.nullable(),
  to: UnitCode,
  reason: z.string(),
  at: z.string(),
  byUnitCode: UnitCode,
});
export type LetterTransfer = z.infer<typeof LetterTransfer>;

export const LetterReply = z.object({
  body: z.string(),
  unitCode: UnitCode,
  /** 答复部门, kept with the reply so the published page names the unit as it was then. */
  unitName: z.string(),
  repliedAt: z.string(),
});

/** A letter without its writer: what staff lists, statistics and the public page are built from. */
export const Letter = z.object({
  id: LetterId,
  trackingCode: z.string(),
  state: LetterState,
  subject: z.string(),
  body: z.string(),
  consentToPublish: z.boolean(),
  /** The unit that must answer; null until the office assigns the letter. */
  unitCode: UnitCode.nullable(),
  suggestedUnitCode: UnitCode.nullable(),
  /** 受理日期, the Asia/Shanghai day the letter arrived. */
  receivedOn: IsoDate,
  /** 答复日期. */
  repliedOn: IsoDate.nullable(),
  transfers: z.array(LetterTransfer),
  reply: LetterReply.nullable(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Letter = z.infer<typeof Letter>;

export function newLetter(
  input: SubmitLetterInput,
  ids: { id: string; trackingCode: string },
  receivedOn: IsoDate,
  now: string,
): Letter {
  return {
    ...ids,
    state: "received",
    subject: input.subject,
    body: input.body,
    consentToPublish: input.consentToPublish,
    unitCode: null,
    suggestedUnitCode: input.unitCode ?? null,
    receivedOn,
    repliedOn: null,
    transfers: [],
    reply: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** Staff see a letter when the office, or when it sits with their unit. */
export function canSeeLetter(actor: Actor, letter: Letter): boolean {
  return hasRole(actor, "office") || (letter.unitCode !== null && canSeeUnit(actor, letter.unitCode));
}

/**
 * The office assigns a letter, or moves it on; the unit that holds it may pass it to the
 * right one. A replied letter stays where it was answered.
 */
export function transferLetter(
  letter: Letter,
  actor: Actor,
  input: TransferLetterInput,
  now: string,
): Letter {
  if (!canSeeLetter(actor, letter)) fail("not-found", "来信不存在");
  if (letter.state === "replied") fail("conflict", "来信已答复，不能再转办");
  if (input.unitCode === letter.unitCode) {
    fail("unprocessable", "来信已在该单位办理", [{ path: "unitCode", message: "与当前承办单位相同" }]);
  }
  return {
    ...letter,
    state: "assigned",
    unitCode: input.unitCode,
    transfers: [
      ...letter.transfers,
      {
        from: letter.unitCode,
        to: input.unitCode,
        reason: input.reason,
        at: now,
        byUnitCode: actor.unitCode,
      },
    ],
    version: letter.version + 1,
    updatedAt: now,
  };
}

/** Only the unit that holds the letter answers it, once; others do not learn that it exists. */
export function replyToLetter(
  letter: Letter,
  actor: Actor,
  reply: { body: string; unitName: string },
  now: Date,
  today: IsoDate,
): Letter {
  if (letter.unitCode !== actor.unitCode) {
    if (hasRole(actor, "office")) fail("conflict", "来信须由承办单位答复；请先转办至本单位");
    fail("not-found", "来信不存在");
  }
  if (letter.state === "replied") fail("conflict", "来信已答复");
  const at = now.toISOString();
  return {
    ...letter,
    state: "replied",
    repliedOn: today,
    reply: { body: reply.body, unitCode: actor.unitCode, unitName: reply.unitName, repliedAt: at },
    version: letter.version + 1,
    updatedAt: at,
  };
}

/** The reply deadline: N working days (a setting) after receipt, the receipt day not counted. */
export function letterDueDate(
  letter: Pick<Letter, "receivedOn">,
  calendar: Calendar,
  settings: Settings,
): CountedDate {
  return addWorkingDays(calendar, letter.receivedOn, settings.mailboxReplyWorkingDays);
}

/** Open and past its reply deadline on `today`. */
export function isLetterOverdue(
  letter: Pick<Letter, "state" | "receivedOn">,
  calendar: Calendar,
  settings: Settings,
  today: IsoDate,
): boolean {
  return letter.state !== "replied" && letterDueDate(letter, calendar, settings).date < today;
}

/**
 * The latest receipt day whose deadline has passed by `today`: every open letter received
 * on or before it is overdue. Deadlines grow with the receipt day, so stepping back from
 * today finds it; the overdue list then reads one key range instead of every letter.
 */
export function latestOverdueReceipt(calendar: Calendar, settings: Settings, today: IsoDate): IsoDate {
  let day = today;
  while (addWorkingDays(calendar, day, settings.mailboxReplyWorkingDays).date >= today) {
    day = previousDay(day);
  }
  return day;
}

/** What staff see: the letter with its deadline derived from today's calendar. */
export const LetterView = Letter.extend({
  dueOn: IsoDate,
  dueIsProvisional: z.boolean(),
  overdue: z.boolean(),
});
export type LetterView = z.infer<typeof LetterView>;

/** The holding unit's detail: the view with the writer's contact (null once it is no longer kept). */
export const LetterDetail = LetterView.extend({ writer: LetterWriter.nullable() });
export type LetterDetail = z.infer<typeof LetterDetail>;

export function letterView(
  letter: Letter,
  calendar: Calendar,
  settings: Settings,
  today: IsoDate,
): LetterView {
  const due = letterDueDate(letter, calendar, settings);
  return {
    ...letter,
    dueOn: due.date,
    dueIsProvisional: due.provisional,
    overdue: isLetterOverdue(letter, calendar, settings, today),
  };
}

/** A published reply as the portal shows it: 受理日期, 答复日期, 答复部门, 答复内容, never the writer. */
export function publishedLetter(letter: Letter) {
  if (!letter.consentToPublish || !letter.reply || !letter.repliedOn) return undefined;
  return {
    id: letter.id,
    subject: letter.subject,
    body: letter.body,
    receivedOn: letter.receivedOn,
    repliedOn: letter.repliedOn,
    unitCode: letter.reply.unitCode,
    unitName: letter.reply.unitName,
    reply: letter.reply.body,
  };
}
export type PublishedLetter = NonNullable<ReturnType<typeof publishedLetter>>;
