import { z } from "zod";
import { type Calendar, isWorkingDay } from "./calendar.ts";
import { IsoDate, IsoDateTime, previousDay, shanghaiDate } from "./date.ts";
import { type FieldIssue, fail } from "./error.ts";
import { idSchema } from "./id.ts";
import { ItemId, text } from "./item-kind.ts";
import { type IssueNoticeInput, noticeSize } from "./notice.ts";
import { UnitCode } from "./unit.ts";

/**
 * A training (培训) the city office holds for departments, townships and streets: who is
 * invited, what they hear and read, and how many of each unit came. The annual report's
 * training figure (全年开展培训N次，参训M人次) is counted from these records (ADR 0046).
 */

export const TrainingId = idSchema("training");

export const trainingSize = {
  /**
   * Invited units: the training, its audit entry and one invitation per unit are one
   * transaction (DynamoDB caps it at 100 writes), as a notice's receipts are.
   */
  maxInvited: noticeSize.maxTargets,
  /** A drafted notice's title is 关于举办…的通知 around it, and a notice title holds 200. */
  titleChars: 150,
};

export const Speaker = z.strictObject({
  name: text(50),
  /** Where the speaker comes from (九江市政府信息办, 安策智库), as the invitation names them. */
  affiliation: text(100).optional(),
});
export type Speaker = z.infer<typeof Speaker>;

/**
 * A material is a published item, named by its id, its 索引号 or its portal address. Only
 * published items: a unit handed a link must be able to open it, as the public can.
 */
export const MaterialRef = z
  .strictObject({
    itemId: ItemId.optional(),
    indexNumber: text(60).optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000, "不能超过2000个字符")
      .optional(),
  })
  .superRefine((ref, ctx) => {
    const given = [ref.itemId, ref.indexNumber, ref.url].filter((v) => v !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: "custom", message: "须给出信息标识、索引号或信息链接之一" });
  });
export type MaterialRef = z.infer<typeof MaterialRef>;

/** A material as stored: the item it resolved to, with the title the units see. */
export const Material = z.object({ itemId: ItemId, indexNumber: z.string().nullable(), title: z.string() });
export type Material = z.infer<typeof Material>;

export const CreateTrainingInput = z.strictObject({
  title: text(trainingSize.titleChars),
  startsAt: IsoDateTime,
  venue: text(200),
  /** The programme in order, one line each (09:00 传达省、九江市政务公开工作培训会议精神). */
  agenda: z.array(text(200)).max(30, "议程不能超过30项").default([]),
  speakers: z.array(Speaker).max(20, "主讲人不能超过20位").default([]),
  invitedUnitCodes: z
    .array(UnitCode)
    .min(1, "请至少邀请一个单位")
    .max(trainingSize.maxInvited, `不能超过${trainingSize.maxInvited}个单位`),
  materials: z.array(MaterialRef).max(20, "材料不能超过20项").default([]),
});
export type CreateTrainingInput = z.infer<typeof CreateTrainingInput>;

export const Training = z.object({
  id: TrainingId,
  title: z.string(),
  startsAt: z.string(),
  /** The Asia/Shanghai day it is held: the year it counts in, and the receipt deadline's anchor. */
  heldOn: IsoDate,
  venue: z.string(),
  agenda: z.array(z.string()),
  speakers: z.array(Speaker),
  invitedUnitCodes: z.array(UnitCode),
  materials: z.array(Material),
  createdBy: UnitCode,
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Training = z.infer<typeof Training>;

/**
 * An invited unit's record: its invitation and, once recorded, how many of its people came.
 * One per unit, so a unit lists its invitations and records its own attendance without
 * touching the training or another unit's row.
 */
export const Attendance = z.object({
  count: z.number().int(),
  names: z.array(z.string()),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type Attendance = z.infer<typeof Attendance>;

export const Invitation = z.object({
  trainingId: TrainingId,
  unitCode: UnitCode,
  startsAt: z.string(),
  attendance: Attendance.nullable(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;

export const AttendanceInput = z
  .strictObject({
    count: z.number().int("须为整数").min(0, "不能为负数").max(1000, "不能超过1000人"),
    /** Who came, when the unit lists them; a list shorter than the count is a partial one. */
    names: z.array(text(50)).max(1000, "不能超过1000人").optional(),
  })
  .superRefine((input, ctx) => {
    if (input.names && input.names.length > input.count)
      ctx.addIssue({ code: "custom", path: ["names"], message: "名单人数不能多于参训人数" });
  });
export type AttendanceInput = z.infer<typeof AttendanceInput>;

/** The invited codes must name units that exist, once each; every issue names its field. */
export function checkInvited(codes: readonly string[], known: ReadonlySet<string>): void {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const [i, code] of codes.entries()) {
    const path = `invitedUnitCodes.${i}`;
    if (!known.has(code)) issues.push({ path, message: "单位不存在" });
    else if (seen.has(code)) issues.push({ path, message: "单位重复" });
    seen.add(code);
  }
  if (issues.length) fail("validation", "受邀单位有误", issues);
}

export function newTraining(
  input: CreateTrainingInput,
  materials: Material[],
  context: { id: string; createdBy: string; now: string },
): Training {
  const { id, createdBy, now } = context;
  return {
    id,
    title: input.title,
    startsAt: new Date(input.startsAt).toISOString(),
    heldOn: shanghaiDate(new Date(input.startsAt)),
    venue: input.venue,
    agenda: input.agenda,
    speakers: input.speakers,
    invitedUnitCodes: [...input.invitedUnitCodes].sort(),
    materials,
    createdBy,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export const invitationsOf = (training: Training): Invitation[] =>
  training.invitedUnitCodes.map((unitCode) => ({
    trainingId: training.id,
    unitCode,
    startsAt: training.startsAt,
    attendance: null,
    version: 1,
    createdAt: training.createdAt,
    updatedAt: training.createdAt,
  }));

/**
 * The unit's attendance replaces what was recorded before. The same figures again change
 * nothing (`changed: false`), so a retried request writes nothing and keeps who recorded it.
 */
export function recordAttendance(
  invitation: Invitation,
  input: AttendanceInput,
  by: string,
  now: string,
): { invitation: Invitation; changed: boolean } {
  const names = input.names ?? [];
  const before = invitation.attendance;
  if (before && before.count === input.count && before.names.join("\n") === names.join("\n"))
    return { invitation, changed: false };
  return {
    invitation: {
      ...invitation,
      attendance: { count: input.count, names, recordedBy: by, recordedAt: now },
      version: invitation.version + 1,
      updatedAt: now,
    },
    changed: true,
  };
}

/** A training as its readers see it: the office with every unit's row, a unit with its own. */
export const TrainingView = Training.extend({
  invitations: z.array(Invitation),
  attendance: z.object({ units: z.number().int(), people: z.number().int() }),
});
export type TrainingView = z.infer<typeof TrainingView>;

export function trainingView(training: Training, invitations: Invitation[]): TrainingView {
  const attended = invitations.flatMap((i) => (i.attendance && i.attendance.count > 0 ? [i.attendance] : []));
  return {
    ...training,
    invitations,
    attendance: { units: attended.length, people: attended.reduce((sum, a) => sum + a.count, 0) },
  };
}

/** The `n`th working day before `date` (not counting `date` itself), on the calendar given. */
export function workingDaysBefore(calendar: Calendar, date: IsoDate, n: number): IsoDate {
  let day = date;
  for (let remaining = n; remaining > 0; ) {
    day = previousDay(day);
    if (isWorkingDay(calendar, day).working) remaining -= 1;
  }
  return day;
}

/** Receipts (who will attend) are due this many working days before the training day. */
export const receiptWorkingDaysBeforeTraining = 2;

/**
 * The notice that invites the units, drafted from the training: to exactly the invited
 * units, its materials as attachments, a receipt due two working days before the training
 * day (today when that day has already come, so the draft can still be issued as it is).
 */
export function trainingNoticeDraft(
  training: Training,
  context: { calendar: Calendar; today: IsoDate; itemLink: (itemId: string) => string },
): IssueNoticeInput {
  const { calendar, today, itemLink } = context;
  if (training.heldOn <= today) fail("conflict", "培训已经举行或当天举行，不能再起草培训通知");
  const due = workingDaysBefore(calendar, training.heldOn, receiptWorkingDaysBeforeTraining);
  // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings, which Math.max would turn into NaN
  const dueOn = due < today ? today : due;
  const time = new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(training.startsAt));
  const [y, m, d] = dueOn.split("-").map(Number);
  const body = [
    "各有关单位：",
    `定于**${time}**在${training.venue}举办${training.title}，现将有关事项通知如下，请按要求安排人员参加。`,
    ...(training.agenda.length
      ? ["**培训议程**", training.agenda.map((line, i) => `${i + 1}. ${line}`).join("\n")]
      : []),
    ...(training.speakers.length
      ? [
          "**主讲**",
          training.speakers
            .map((s) => `- ${s.name}${s.affiliation ? `（${s.affiliation}）` : ""}`)
            .join("\n"),
        ]
      : []),
    ...(training.materials.length ? ["培训材料见附件，请提前阅读。"] : []),
    `请于${y}年${m}月${d}日前回执参训人员名单。`,
  ].join("\n\n");
  return {
    kind: "training",
    title: `关于举办${training.title}的通知`,
    body,
    targets: { scope: "units", unitCodes: training.invitedUnitCodes },
    attachments: training.materials.map((m) => ({ title: m.title, url: itemLink(m.itemId) })),
    receipt: { required: true, dueOn },
  };
}

/** A year's training figure: trainings held in the year and people who attended them (人次). */
export const TrainingFigure = z.object({ sessions: z.number().int(), attendance: z.number().int() });
export type TrainingFigure = z.infer<typeof TrainingFigure>;

/**
 * The city's figure counts every training held in the year and everyone who came. A unit's
 * own report counts the trainings its people attended and how many of them came.
 */
export function trainingFigure(
  year: number,
  records: readonly { training: Training; invitations: readonly Invitation[] }[],
  unit?: string,
): TrainingFigure {
  let sessions = 0;
  let attendance = 0;
  for (const { training, invitations } of records) {
    if (!training.heldOn.startsWith(`${year}-`)) continue;
    const rows = invitations.filter((i) => unit === undefined || i.unitCode === unit);
    const people = rows.reduce((sum, i) => sum + (i.attendance?.count ?? 0), 0);
    if (unit !== undefined && people === 0) continue;
    sessions += 1;
    attendance += people;
  }
  return { sessions, attendance };
}
