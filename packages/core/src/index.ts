export { draftAnnualReport } from "./annual-report.ts";
export {
  type AssessmentWithSheet,
  autoScoreAssessment,
  createAssessment,
  getAssessment,
  listAssessments,
  rankYear,
  scoreAssessment,
  type YearRankings,
} from "./assessments.ts";
export { auditOf } from "./audit.ts";
export { circularOfYear, draftCircular } from "./circulars.ts";
export type { Deps } from "./deps.ts";
export { createIndicatorSystem, getIndicatorSystem, listIndicatorSystems } from "./indicator-systems.ts";
export { checkedContent, draftItem } from "./items.ts";
export {
  editTask,
  getTask,
  issueTask,
  issueTasksFromAssessment,
  listTasks,
  reportTaskProgress,
  submitTaskCompletion,
  type TaskView,
  verifyTaskCompletion,
} from "./rectification-tasks.ts";
export { checkVersion } from "./version.ts";
export type { CreateOptions } from "./writes.ts";
