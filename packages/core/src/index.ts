// Citizens' side: applications, the calendar they are counted by, letters, consultations.
export {
  type ApplicationDetail,
  type ApplicationReceipt,
  applicationDetail,
  applicationStatus,
  discloseApplication,
  listApplications,
  recordApplicationEvent,
  registerApplication,
  submitApplication,
} from "./applications.ts";
export { auditOf } from "./audit.ts";
export { currentCalendar, loadHolidayNotice, type NoticeLoaded } from "./calendar.ts";
export {
  type CommentReceipt,
  type ConsultationView,
  consultationComments,
  consultationYear,
  listConsultations,
  openConsultation,
  publicConsultationDetail,
  publicConsultations,
  publishConsultationFeedback,
  submitComment,
} from "./consultations.ts";
export type { Deps } from "./deps.ts";
export type { AlsoWrite, Credentials } from "./intake.ts";
export {
  type LetterReceipt,
  type LetterView,
  letterDetail,
  letterStatus,
  listLetters,
  publishedLetters,
  replyToLetter,
  submitLetter,
  transferLetter,
} from "./letters.ts";
export { checkVersion } from "./version.ts";
