import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { annualReportSheetRepository } from "./annual-report-sheet.ts";
import { apiKeyRepository } from "./api-key.ts";
import { applicationRepository } from "./application.ts";
import { assessmentRepository } from "./assessment.ts";
import { assessmentRoundRepository } from "./assessment-round.ts";
import { type LoadEntry, type LoadManyOptions, loadMany } from "./bulk-load.ts";
import { calendarRepository } from "./calendar.ts";
import { circularRepository } from "./circular.ts";
import { citizenMailRepository } from "./citizen-mail.ts";
import { connect, type Db, type StoreConfig } from "./client.ts";
import { consultationRepository } from "./consultation.ts";
import { deliveryRepository } from "./delivery.ts";
import { idempotencyRepository } from "./idempotency.ts";
import { indicatorSystemRepository } from "./indicator.ts";
import { itemRepository } from "./item.ts";
import { letterRepository } from "./letter.ts";
import { linkRepository } from "./link.ts";
import { noticeRepository } from "./notice.ts";
import { owedNoticeRepository } from "./owed-notice.ts";
import { publicChangeRepository } from "./public-changes.ts";
import { rectificationTaskRepository } from "./rectification.ts";
import { ensureTable } from "./schema.ts";
import { searchRepository } from "./search.ts";
import { secretFailureRepository } from "./secret-failures.ts";
import { statusWatchRepository } from "./status-watch.ts";
import { submissionRepository } from "./submission-fingerprint.ts";
import { subscriptionRepository } from "./subscription.ts";
import { supervisionRepository } from "./supervision-clock.ts";
import { trainingRepository } from "./training.ts";
import { unitRepository } from "./unit.ts";
import { leadershipContactRepository, unitChannelRepository } from "./unit-channel.ts";

/** Everything the apps need from the database, built once per process from one config. */
export function createStore(config: StoreConfig) {
  return storeOver(connect(config));
}

/**
 * The repositories over one connection, which stays in here: the store is the one place
 * that knows the table, so callers get repositories and never the client. (The package's
 * own test helpers keep the connection they open; see `testing/connection.ts`.)
 */
export function storeOver(db: Db) {
  return {
    units: unitRepository(db),
    unitChannels: unitChannelRepository(db),
    leadershipContacts: leadershipContactRepository(db),
    apiKeys: apiKeyRepository(db),
    items: {
      ...itemRepository(db),
      /** Many published items by BatchWriteItem, with their search index if asked (bulk-load.ts). */
      loadMany: (entries: LoadEntry[], options?: LoadManyOptions) => loadMany(db, entries, options),
    },
    links: linkRepository(db),
    /** The public change feed (ADR 0059): written by the item's own transactions, read in order. */
    publicChanges: publicChangeRepository(db),
    search: searchRepository(db),
    indicatorSystems: indicatorSystemRepository(db),
    assessments: assessmentRepository(db),
    rectificationTasks: rectificationTaskRepository(db),
    circulars: circularRepository(db),
    letters: letterRepository(db),
    consultations: consultationRepository(db),
    applications: applicationRepository(db),
    notices: noticeRepository(db),
    annualReportSheets: annualReportSheetRepository(db),
    trainings: trainingRepository(db),
    owedNotices: owedNoticeRepository(db),
    assessmentRounds: assessmentRoundRepository(db),
    deliveries: deliveryRepository(db),
    subscriptions: subscriptionRepository(db),
    citizenMails: citizenMailRepository(db),
    statusWatches: statusWatchRepository(db),
    calendar: calendarRepository(db),
    idempotency: idempotencyRepository(db),
    submissions: submissionRepository(db),
    secretFailures: secretFailureRepository(db),
    supervision: supervisionRepository(db),
    /** Live, so a benchmark or a test can read what a request cost by the difference. */
    calls: db.calls,
    /** A local data directory outlives code changes: this also adds indexes gained since. */
    ensureTable: () => ensureTable(db),
    /** One cheap read: true once the table answers. */
    async ready(): Promise<boolean> {
      try {
        await db.doc.send(new GetCommand({ TableName: db.tableName, Key: { pk: "HEALTH", sk: "HEALTH" } }));
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}
export type Store = ReturnType<typeof createStore>;
