import { z } from "zod";
import { type Assessment, newAssessment } from "./assessment.ts";
import { IsoDate } from "./date.ts";
import { type FieldIssue, fail } from "./error.ts";
import { idSchema } from "./id.ts";
import { type IndicatorSystem, IndicatorSystemId } from "./indicator.ts";
import { IndicatorLevel, levelNames, unitKindsOfLevel } from "./indicator-level.ts";
import { text } from "./item-kind.ts";
import type { IssueNoticeInput } from "./notice.ts";
import { type Unit, UnitCode } from "./unit.ts";

/**
 * An assessment round (考评): the office opens one sheet's assessments for its units at once,
 * with the day their self-assessment (自评) is due, and may tell them by an 考评通知 whose
 * receipt falls on that day (ADR 0046).
 */

export const AssessmentRoundId = idSchema("assessmentRound");

/**
 * Units one round opens: each assessment is three writes (the assessment, its audit entry,
 * the one-per-unit guard) in the round's one transaction, which DynamoDB caps at 100 writes
 * with the round, its audit entry, the owed notice and the Idempotency-Key record.
 */
export const maxRoundUnits = 30;

export const OpenRoundInput = z.strictObject({
  indicatorSystemId: IndicatorSystemId,
  /** The evaluator: the third-party company or the office's own panel. */
  assessor: text(100),
  /** The units assessed; by default every unit of the sheet's level. */
  unitCodes: z
    .array(UnitCode)
    .min(1, "请至少指定一个单位")
    .max(maxRoundUnits, `一轮不能超过${maxRoundUnits}个单位`)
    .optional(),
  /** The day the platform's data is judged as of, as for one assessment. */
  asOf: IsoDate.optional(),
  /** The day each unit's self-assessment and its evidence are due: the notice's receipt day. */
  selfAssessmentDueOn: IsoDate,
  /** Also issue the 考评通知 to the assessed units through the notices core. */
  notify: z.boolean().default(false),
});
export type OpenRoundInput = z.infer<typeof OpenRoundInput>;

export const AssessmentRound = z.object({
  id: AssessmentRoundId,
  indicatorSystemId: IndicatorSystemId,
  year: z.number().int(),
  level: IndicatorLevel,
  unitCodes: z.array(UnitCode),
  assessmentIds: z.array(z.string()),
  selfAssessmentDueOn: IsoDate,
  notify: z.boolean(),
  createdBy: UnitCode,
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AssessmentRound = z.infer<typeof AssessmentRound>;

/**
 * The units a round assesses: those listed (each existing, once, of the sheet's level) or
 * every unit of the level, at most `maxRoundUnits`. Every issue names its field.
 */
export function roundUnits(input: OpenRoundInput, system: IndicatorSystem, units: readonly Unit[]): string[] {
  const kinds = unitKindsOfLevel[system.level];
  const issues: FieldIssue[] = [];
  if (!input.unitCodes) {
    const codes = units.filter((u) => kinds.includes(u.kind)).map((u) => u.code);
    if (codes.length === 0) issues.push({ path: "indicatorSystemId", message: "该层级没有单位" });
    if (codes.length > maxRoundUnits)
      issues.push({
        path: "unitCodes",
        message: `该层级有${codes.length}个单位，超过一轮${maxRoundUnits}个上限，请分批列出`,
      });
    if (issues.length) fail("validation", "考评对象有误", issues);
    return codes.sort();
  }
  const byCode = new Map(units.map((u) => [u.code, u]));
  const seen = new Set<string>();
  for (const [i, code] of input.unitCodes.entries()) {
    const path = `unitCodes.${i}`;
    const unit = byCode.get(code);
    if (!unit) issues.push({ path, message: "单位不存在" });
    else if (seen.has(code)) issues.push({ path, message: "单位重复" });
    else if (!kinds.includes(unit.kind))
      issues.push({ path, message: `须为${levelNames[system.level]}的单位` });
    seen.add(code);
  }
  if (issues.length) fail("validation", "考评对象有误", issues);
  return [...seen].sort();
}

/** The round and one new assessment per unit; ids and time come from the caller. */
export function openRound(
  input: OpenRoundInput,
  system: IndicatorSystem,
  unitCodes: string[],
  context: { id: string; newId: () => string; createdBy: string; now: string; today: IsoDate },
): { round: AssessmentRound; assessments: Assessment[] } {
  const { id, newId, createdBy, now, today } = context;
  // A self-assessment due before today would make every unit late the moment it is told.
  if (input.selfAssessmentDueOn < today)
    fail("validation", "自评截止日期不能早于今天", [
      { path: "selfAssessmentDueOn", message: `不能早于${today}` },
    ]);
  const assessments = unitCodes.map((unitCode) =>
    newAssessment(
      { indicatorSystemId: system.id, unitCode, assessor: input.assessor, asOf: input.asOf },
      system,
      newId(),
      now,
      today,
    ),
  );
  const round: AssessmentRound = {
    id,
    indicatorSystemId: system.id,
    year: system.year,
    level: system.level,
    unitCodes,
    assessmentIds: assessments.map((a) => a.id),
    selfAssessmentDueOn: input.selfAssessmentDueOn,
    notify: input.notify,
    createdBy,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return { round, assessments };
}

/** The 考评通知 of a round: to its units, the sheet's groups and total, receipt on the self-assessment day. */
export function roundNotice(round: AssessmentRound, system: IndicatorSystem): IssueNoticeInput {
  const [y, m, d] = round.selfAssessmentDueOn.split("-").map(Number);
  const groups = new Map<string, number>();
  for (const i of system.indicators) {
    const group = i.group ?? "其他";
    groups.set(group, (groups.get(group) ?? 0) + i.maxScore);
  }
  return {
    kind: "assessment",
    title: `关于开展${round.year}年度${levelNames[round.level]}政务公开工作考评的通知`,
    body: [
      "各被考评单位：",
      `根据《${system.name}》，现开展${round.year}年度政务公开工作考评。请各单位对照评估要点逐项自评，于**${y}年${m}月${d}日**前在平台报送自评情况及佐证材料。`,
      `评估要点共${system.indicators.length}项，满分${system.maxTotal}分：`,
      [...groups].map(([group, score]) => `- ${group}：${score}分`).join("\n"),
    ].join("\n\n"),
    targets: { scope: "units", unitCodes: round.unitCodes },
    receipt: { required: true, dueOn: round.selfAssessmentDueOn },
  };
}
