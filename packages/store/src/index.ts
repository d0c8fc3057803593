export { annualReportRecords } from "./annual-report.ts";
export type { Principal } from "./api-key.ts";
export type { ApplicationRepository } from "./application.ts";
export type { LoadEntry, LoadManyOptions, LoadProgress } from "./bulk-load.ts";
export type { CalendarRepository, StoredNotice } from "./calendar.ts";
export type { StoredCitizenMail } from "./citizen-mail.ts";
export { type CallCounter, type CallLimits, callLimits, type StoreConfig } from "./client.ts";
export type { ConsultationFilter, StoredComment } from "./consultation.ts";
export type { Claimed, DeliveryFilter } from "./delivery.ts";
export { newId } from "./id.ts";
export {
  IdempotencyRace,
  type IdempotencyRecord,
  type IdempotencyRequest,
  type StoredResponse,
} from "./idempotency.ts";
export { type ItemRepository, scopedItems } from "./item.ts";
export type { LetterFilter, PublishedLetterFilter } from "./letter.ts";
export type { StoredLink } from "./link.ts";
export type { UnitNotice } from "./notice.ts";
export { OwedNoticeAlreadyIssued } from "./owed-notice.ts";
export type { Page, PageRequest } from "./paged.ts";
export type { PublishedFilter } from "./published.ts";
export {
  type PostingCache,
  postingCache,
  type SearchHit,
  type SearchPage,
  type SearchRequest,
} from "./search.ts";
export type { SecretFailures, Tracked } from "./secret-failures.ts";
export { createStore, type Store } from "./store.ts";
export { DuplicateSubmissionRace } from "./submission-fingerprint.ts";
export { type ClockRef, LevelAlreadyTold, type LevelTold } from "./supervision-clock.ts";
export { tableDefinition } from "./table.ts";
export { issueTrackingCredentials, secretMatches } from "./tracking.ts";
export type { TrainingRecords, UnitTraining } from "./training.ts";
export type { Write } from "./transaction.ts";
export type { StoredChannel, StoredLeadershipContact, StoredUnitChannels } from "./unit-channel.ts";
