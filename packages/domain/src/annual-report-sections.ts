import { findColumn } from "./column.ts";
import type { ConsultationYearStats } from "./consultation.ts";
import type { LetterStats } from "./letter-stats.ts";

/**
 * What the year's records say beyond the tables, for the report's 总体情况 (OGI Art. 50(一)):
 * items published per column, interpretations, consultations, the mailbox. Counted by the
 * same functions as the public statistics, so the text and the portal agree.
 */
export type YearActivity = {
  /** Items first published in the year, per column id. */
  publishedByColumn: Record<string, number>;
  consultations: Pick<ConsultationYearStats, "consultations" | "commentsReceived" | "feedbackPublished">;
  letters: Pick<LetterStats, "received" | "replied" | "replyRate">;
};

/** The rectification the year's assessments asked for, for 存在的主要问题及改进情况 (Art. 50(五)). */
export type YearRectification = { tasks: number; verified: number; overdue: number };

const percent = (rate: number) => `${Math.round(rate * 10_000) / 100}%`;

/** The drafted overview paragraph on activity; the office edits it before publication. */
export function draftActivity(year: number, activity: YearActivity): string {
  const columns = Object.entries(activity.publishedByColumn)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const published = columns.reduce((total, [, n]) => total + n, 0);
  const byColumn = columns.map(([id, n]) => `${findColumn(id)?.name ?? id}${n}条`).join("、");
  const interpretations = activity.publishedByColumn.interpretation ?? 0;
  const { consultations: c, letters } = activity;
  return [
    `${year}年，主动公开政府信息${published}条${byColumn ? `，其中${byColumn}` : ""}`,
    `发布政策解读${interpretations}条`,
    `开展意见征集${c.consultations}次，收到意见${c.commentsReceived}条，公开采纳情况${c.feedbackPublished}次`,
    `市长信箱收到来信${letters.received}件，答复${letters.replied}件${letters.replyRate === null ? "" : `，答复率${percent(letters.replyRate)}`}。`,
  ].join("；");
}

/** The drafted problems section: what the evaluation found and how far its rectification went. */
export function draftProblems(rectification: YearRectification): string {
  const { tasks, verified, overdue } = rectification;
  if (tasks === 0) return "年度考评未形成整改任务。";
  return `年度考评失分事项形成整改任务${tasks}项，已核验完成${verified}项${overdue ? `，逾期未完成${overdue}项` : ""}。`;
}
