export {
  annualReportsOfYear,
  annualReportView,
  draftAnnualReport,
  editReportSections,
  enterReportFigures,
  publicAnnualReport,
  reportScopeOf,
} from "./annual-report.ts";
export {
  type ApplicationReceipt,
  applicationDetail,
  applicationStatus,
  discloseApplication,
  listApplications,
  recordApplicationEvent,
  registerApplication,
  routeApplication,
  submitApplication,
} from "./applications.ts";
export { getAssessmentRound, openAssessmentRound, type RoundView } from "./assessment-rounds.ts";
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
export { currentCalendar, loadHolidayNotice, type NoticeLoaded } from "./calendar.ts";
export { type ChannelSecrets, channelSecrets } from "./channel-secrets.ts";
export { circularOfYear, draftCircular } from "./circulars.ts";
export {
  type CommentReceipt,
  consultationComments,
  consultationYear,
  listConsultations,
  openConsultation,
  publicConsultationDetail,
  publicConsultations,
  publishConsultationFeedback,
  submitComment,
} from "./consultations.ts";
export {
  type DispatchOptions,
  type DispatchResult,
  deliveriesOfNotice,
  dispatchDeliveries,
  dispatchUntilIdle,
  listDeliveries,
  retryDelivery,
} from "./deliveries.ts";
export type { Deps } from "./deps.ts";
export { createIndicatorSystem, getIndicatorSystem, listIndicatorSystems } from "./indicator-systems.ts";
export { type Credentials, TrackingCodeLocked } from "./intake.ts";
export { checkedContent, draftItem } from "./items.ts";
export { clearLeadershipContact, leadershipContact, setLeadershipContact } from "./leadership-contacts.ts";
export {
  type LetterReceipt,
  letterDetail,
  letterStatus,
  listLetters,
  publishedLetterDetail,
  publishedLetters,
  replyToLetter,
  submitLetter,
  transferLetter,
} from "./letters.ts";
export { acknowledgeNotice, issueNotice, listNotices, noticeDetail, receiptsOf } from "./notices.ts";
export { overdueAcrossClocks } from "./overdue.ts";
export {
  listOwedNotices,
  type OwedNoticesSettled,
  settleOwedNotice,
  settleOwedNotices,
} from "./owed-notices.ts";
export {
  type PublicChange,
  type PublicChangeListener,
  type PublicChanges,
  publicChanges,
} from "./public-changes.ts";
export {
  approveItemRelease,
  changeItemValidity,
  editDraft,
  itemDetail,
  itemHistory,
  listUnitItems,
  normativeCatalogueOf,
  rejectSubmission,
  reviseItemEdition,
  submitDraft,
  withdrawPublished,
} from "./publishing.ts";
export {
  editTask,
  getTask,
  issueTask,
  issueTasksFromAssessment,
  listTasks,
  reportTaskProgress,
  submitTaskCompletion,
  verifyTaskCompletion,
} from "./rectification-tasks.ts";
export { applicationStatisticsOf, letterStatisticsOf, type StatisticsScope } from "./statistics.ts";
export {
  confirmSubscription,
  type DigestRun,
  type PortalLinks,
  runDigest,
  scheduledDigest,
  subscribe,
  unsubscribe,
} from "./subscriptions.ts";
export { isDayOff, listSupervisionRuns, supervisionRun } from "./supervision-run.ts";
export { type ScanResult, supervisionScan } from "./supervision-scan.ts";
export { applicationTimelinessByUnit, type UnitTimeliness } from "./timeliness-by-unit.ts";
export {
  createTraining,
  draftTrainingNotice,
  listTrainings,
  recordTrainingAttendance,
  trainingDetail,
} from "./trainings.ts";
export { setUnitChannels, unitChannels } from "./unit-channels.ts";
export { checkVersion } from "./version.ts";
export { visibleUnits } from "./visible-units.ts";
export type { CreateOptions } from "./writes.ts";
