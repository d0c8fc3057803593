export * from "./annual-report.ts";
export * from "./annual-report-figures.ts";
export * from "./annual-report-sections.ts";
export * from "./annual-report-sheet.ts";
export * from "./application.ts";
export { responseLabel } from "./application-clock/event-effects.ts";
export * from "./application-clock/event-log.ts";
export * from "./application-clock/overdue.ts";
export * from "./application-clock/replay.ts";
export {
  correctionRequestWorkingDays,
  replyWorkingDays,
  thirdPartyWorkingDays,
} from "./application-clock/state.ts";
export * from "./application-clock/statistics.ts";
export * from "./application-report.ts";
export * from "./application-view.ts";
export * from "./assessment.ts";
export * from "./assessment-round.ts";
export * from "./audit.ts";
export * from "./calendar.ts";
export * from "./channel.ts";
export * from "./circular.ts";
export * from "./citizen-feeds.ts";
export * from "./citizen-mail.ts";
export * from "./column.ts";
export * from "./consultation.ts";
export * from "./date.ts";
export * from "./delivery.ts";
export * from "./error.ts";
export * from "./fee.ts";
export * from "./feed.ts";
export * from "./html.ts";
export * from "./id.ts";
export * from "./index-number.ts";
export * from "./indicator.ts";
export * from "./indicator-level.ts";
export * from "./item.ts";
export * from "./item-kind.ts";
export * from "./item-size.ts";
export * from "./leadership-contact.ts";
export * from "./letter.ts";
export * from "./letter-stats.ts";
export * from "./link.ts";
export * from "./normative.ts";
export * from "./normative-register.ts";
export * from "./notice.ts";
export * from "./notice-message.ts";
export * from "./number.ts";
export * from "./open-data.ts";
export * from "./owed-notice.ts";
export * from "./public-change.ts";
export * from "./ranking.ts";
export * from "./rectification.ts";
// By name: the scoring modules share link builders and fact readers that are not the package's.
export { annualReportDue } from "./scoring/annual-report.ts";
export { Deduction } from "./scoring/deduction.ts";
export {
  type ApplicationFact,
  type AssessmentFacts,
  applicationFactFields,
  type FactNeed,
  type ItemFact,
  itemFactFields,
  type LetterFact,
  letterFactFields,
} from "./scoring/facts.ts";
export * from "./scoring/registry.ts";
export { type RuleDefinition, RuleId } from "./scoring/rule.ts";
export * from "./search.ts";
export * from "./settings.ts";
export * from "./subscription.ts";
export * from "./supervision-clock.ts";
export * from "./supervision-run.ts";
export * from "./text.ts";
export * from "./timeliness.ts";
export * from "./tracking-code.ts";
export * from "./training.ts";
export * from "./unit.ts";
export * from "./written-document.ts";
