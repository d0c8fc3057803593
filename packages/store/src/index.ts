export { annualReportRecords } from "./annual-report.ts";
export { apiKeyRepository, type Principal } from "./api-key.ts";
export type { ApplicationRepository } from "./application.ts";
export type { CalendarRepository, StoredNotice } from "./calendar.ts";
export type { CallCounter, Db, StoreConfig } from "./client.ts";
export type { ConsultationFilter, StoredComment } from "./consultation.ts";
export { newId } from "./id.ts";
export {
  findIdempotencyRecord,
  IdempotencyRace,
  type IdempotencyRecord,
  type IdempotencyRequest,
  idempotencyWrite,
  type StoredResponse,
} from "./idempotency.ts";
export { type ItemRepository, scopedItems } from "./item.ts";
export type { LetterFilter, PublishedLetterFilter } from "./letter.ts";
export { actionLinkWrites, linkWrites, type StoredLink } from "./link.ts";
export type { Page, PageRequest } from "./paged.ts";
export type { PublishedFilter } from "./published.ts";
export { ensureTable } from "./schema.ts";
export {
  applyPendingSearchIndex,
  applySearchIndex,
  type SearchHit,
  type SearchPage,
  type SearchRequest,
  searchIndexWrite,
  searchPublished,
} from "./search.ts";
export { createStore, type Store } from "./store.ts";
export { DuplicateSubmissionRace, findSubmission, submissionWrite } from "./submission-fingerprint.ts";
export { tableDefinition } from "./table.ts";
export { issueTrackingCredentials, secretMatches } from "./tracking.ts";
export type { Write } from "./transaction.ts";
