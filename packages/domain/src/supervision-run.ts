import { z } from "zod";
import { IsoDate } from "./date.ts";
import {
  ClockKind,
  clockTitles,
  levelTitles,
  type SupervisionClock,
  SupervisionLevel,
} from "./supervision-clock.ts";

/** What one scan found for one clock and one unit on its as-of day (ADR 0049). */
export type Finding = {
  clock: SupervisionClock;
  unitCode: string;
  level: SupervisionLevel;
  dueOn: IsoDate;
};

const counts = z.record(z.string(), z.number().int());

/** A run of the scan: when, as of which day, what each rule found, what it issued, what failed. */
export const SupervisionRun = z.object({
  id: z.string(),
  asOf: IsoDate,
  dryRun: z.boolean(),
  trigger: z.enum(["schedule", "request"]),
  /** A scheduled run on a day off does nothing: the office is closed (the reason is kept). */
  skipped: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string(),
  /** `<clock>/<level>` → findings (each record and unit once), and `<clock>/undecided`. */
  found: counts,
  /** Findings told by an earlier or a concurrent run: counted once, never told again. */
  alreadyTold: z.number().int(),
  /** Digest notices sent (in a dry run, the ones it would send). */
  noticesIssued: z.number().int(),
  noticeIds: z.array(z.string()),
  /** The first 100 clocks whose level waits on a holiday notice, with the reason. */
  undecided: z.array(z.strictObject({ kind: ClockKind, id: z.string(), reason: z.string() })),
  errors: z.array(z.strictObject({ unitCode: z.string().nullable(), message: z.string() })),
  searchIndexReplayed: z.number().int(),
});
export type SupervisionRun = z.infer<typeof SupervisionRun>;

/** A run as it starts: nothing found, told or failed yet; its end is set when it ends. */
export function startedRun(
  start: Pick<SupervisionRun, "id" | "asOf" | "dryRun" | "trigger" | "startedAt" | "searchIndexReplayed"> & {
    skipped?: string;
  },
): SupervisionRun {
  return {
    ...start,
    skipped: start.skipped ?? null,
    endedAt: start.startedAt,
    found: {},
    alreadyTold: 0,
    noticesIssued: 0,
    noticeIds: [],
    undecided: [],
    errors: [],
  };
}

export const SupervisionRunInput = z.strictObject({
  /** The day judged; today (Asia/Shanghai) when absent. */
  asOf: IsoDate.optional(),
  /** Preview: what would be issued, with nothing written. */
  dryRun: z.boolean().default(false),
});
export type SupervisionRunInput = z.infer<typeof SupervisionRunInput>;

export const foundKey = (kind: ClockKind, level: SupervisionLevel | "undecided") => `${kind}/${level}`;

const levelOrder = SupervisionLevel.options;

/**
 * Who a digest is for: the unit that owes the findings, the office (every unit's very-overdue
 * findings, each named by its unit), or the owing unit's leadership contact (its very-overdue
 * findings, ADR 0053).
 */
export type DigestAudience = "unit" | "office" | "leadership";

/**
 * One digest: every finding grouped by level (most pressing first) and clock, each line with
 * its deadline and basis. The escalation digest to the office names the unit of each.
 */
export function digestOf(
  findings: Finding[],
  context: { asOf: IsoDate; unitName: string; audience: DigestAudience },
): { title: string; body: string } {
  const { asOf, unitName, audience } = context;
  const title = {
    unit: `督办提醒：${unitName}${asOf}到期及逾期事项（${findings.length}项）`,
    office: `督办升级：${asOf}严重逾期事项（${findings.length}项）`,
    leadership: `督办升级：${unitName}${asOf}严重逾期事项（${findings.length}项），请分管领导督促办结`,
  }[audience];
  const lines: string[] = [
    {
      unit: `截至${asOf}，${unitName}有以下事项即将到期或已经逾期，请严格按照时间节点办理。`,
      office: `截至${asOf}，以下事项已严重逾期，请督促相关单位及其分管负责人限期办结，并列入下期通报。`,
      leadership: `截至${asOf}，${unitName}以下事项已严重逾期，已报政务公开办并将列入下期通报，请督促限期办结。`,
    }[audience],
  ];
  for (const level of [...levelOrder].reverse()) {
    const ofLevel = findings.filter((f) => f.level === level);
    if (ofLevel.length === 0) continue;
    lines.push("", `## ${levelTitles[level]}（${ofLevel.length}项）`);
    for (const kind of ClockKind.options) {
      const ofKind = ofLevel.filter((f) => f.clock.kind === kind);
      if (ofKind.length === 0) continue;
      lines.push("", `### ${clockTitles[kind]}`);
      for (const f of ofKind) {
        const whose = audience === "office" ? `【${f.unitCode}】` : "";
        lines.push(`- ${whose}${f.clock.title}（期限${f.dueOn}；依据：${f.clock.basis}）`);
      }
    }
  }
  return { title, body: lines.join("\n") };
}
