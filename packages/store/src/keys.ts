/**
 * The one key builder. Every pk/sk/gsi value in the table is made here, so the access
 * patterns in README.md can be checked against one file.
 */
const pad = (n: number, width = 10) => String(n).padStart(width, "0");

export const keys = {
  unit: (code: string) => ({ pk: `UNIT#${code}`, sk: "UNIT" }),
  /** All units, by code (gsi1). */
  unitInList: (code: string) => ({ gsi1pk: "UNITS", gsi1sk: code }),
  /** The unit's delivery channels, sealed (ADR 0045): one record, replaced as a whole. */
  unitChannels: (code: string) => ({ pk: `UNIT#${code}`, sk: "CHANNELS" }),
  /** The unit's leadership contact (分管领导, ADR 0053), sealed: one record, replaced as a whole. */
  leadershipContact: (code: string) => ({ pk: `UNIT#${code}`, sk: "LEADERSHIP-CONTACT" }),
  apiKey: (hash: string) => ({ pk: `APIKEY#${hash}`, sk: "APIKEY" }),
  apiKeyOfUnit: (unitCode: string, keyId: string) => ({ gsi1pk: `UNIT#${unitCode}#KEYS`, gsi1sk: keyId }),

  item: (id: string) => ({ pk: `ITEM#${id}`, sk: "ITEM" }),
  /** A unit's own items, newest first (gsi1). */
  itemOfUnit: (unitCode: string, createdAt: string, id: string) => ({
    gsi1pk: `UNIT#${unitCode}#ITEMS`,
    gsi1sk: `${createdAt}#${id}`,
  }),
  unitItemsPartition: (unitCode: string) => `UNIT#${unitCode}#ITEMS`,
  /** Published items of a column, newest first (gsi2, sparse: only while published). */
  publishedInColumn: (columnId: string, publishedAt: string, id: string) => ({
    gsi2pk: `COLUMN#${columnId}`,
    gsi2sk: `${publishedAt}#${id}`,
  }),
  columnPartition: (columnId: string) => `COLUMN#${columnId}`,
  /**
   * One small record per item whose timeliness facts are provisional (a day they count over
   * waits for a holiday notice): the items to recount when a notice is loaded.
   */
  provisionalTimeliness: (id: string) => ({ pk: "PROVISIONAL-TIMELINESS", sk: id }),
  provisionalTimelinessPartition: "PROVISIONAL-TIMELINESS",
  /** One small record per published item of a column, counted for the catalogue. */
  columnMember: (columnId: string, id: string) => ({ pk: `COLUMN-MEMBERS#${columnId}`, sk: id }),
  /** Published items of a unit, newest first (gsi5, sparse). */
  publishedOfUnit: (unitCode: string, publishedAt: string, id: string) => ({
    gsi5pk: `PUBLISHED#UNIT#${unitCode}`,
    gsi5sk: `${publishedAt}#${id}`,
  }),
  unitPublishedPartition: (unitCode: string) => `PUBLISHED#UNIT#${unitCode}`,
  /** Every published item, newest first (gsi6, sparse): the portal's "latest" and the exports. */
  published: (publishedAt: string, id: string) => ({ gsi6pk: "PUBLISHED", gsi6sk: `${publishedAt}#${id}` }),
  publishedPartition: "PUBLISHED",
  /** Lookup by 索引号 (gsi3, sparse: only once allocated). */
  byIndexNumber: (indexNumber: string) => ({ gsi3pk: `INDEXNO#${indexNumber}`, gsi3sk: "ITEM" }),

  /** Published normative documents of the whole city, by date formed (gsi4, sparse). */
  normativeDocument: (generatedOn: string, id: string) => ({
    gsi4pk: "NORMATIVE",
    gsi4sk: `${generatedOn}#${id}`,
  }),
  normativePartition: "NORMATIVE",

  /** A link sits in the partition of the item it is shown on; sorts after the item record. */
  link: (from: string, relation: string, to: string) => ({
    pk: `ITEM#${from}`,
    sk: `LINK#${relation}#${to}`,
  }),
  linkPrefix: "LINK#",
  /**
   * A link also sits in its `from` item's 索引号 partition of gsi3, after the item's own entry
   * (`ITEM` < `LINK#`): a detail by 索引号 reads the item and its links in one Query (ADR 0057).
   */
  linkByIndexNumber: (fromIndexNumber: string, relation: string, to: string) => ({
    gsi3pk: `INDEXNO#${fromIndexNumber}`,
    gsi3sk: `LINK#${relation}#${to}`,
  }),
  /** Done once: links written before they carried their item's 索引号 were given it (ADR 0057). */
  linksByIndexNumber: { pk: "LINKS-BY-INDEXNO", sk: "BACKFILLED" },
  /** Done once: every published item indexed in packed postings with ICU's words (ADR 0056, 0058). */
  searchIndexLayout: { pk: "SEARCH-INDEX", sk: "LAYOUT#packed-icu" },
  /**
   * The public change feed (ADR 0059): one partition, entries in the order of their sequence
   * number, and `SEQUENCE`, the counter a public change moves by an unconditioned ADD just before
   * its transaction (numbers reserved, each written once; #94).
   */
  publicChange: (seq: number) => ({ pk: "PUBLIC-CHANGES", sk: `CHANGE#${pad(seq, 12)}` }),
  publicChangePrefix: "CHANGE#",
  publicChangesPartition: "PUBLIC-CHANGES",
  publicChangeSequence: { pk: "PUBLIC-CHANGES", sk: "SEQUENCE" },
  /** Done once: a feed entry for every item public before the feed existed (ADR 0059). */
  publicChangesBackfilled: { pk: "PUBLIC-CHANGES", sk: "BACKFILLED" },
  /** The live edition superseded by a revision, kept for the history. */
  edition: (id: string, edition: number) => ({ pk: `ITEM#${id}`, sk: `EDITION#${pad(edition, 6)}` }),
  editionPrefix: "EDITION#",

  /** Audit entries sit under the entity they record, in version order. */
  audit: (entityPk: string, at: string, seq: number) => ({ pk: entityPk, sk: `AUDIT#${at}#${pad(seq, 6)}` }),
  auditPrefix: "AUDIT#",

  /** 索引号 sequence per unit and year. */
  indexSequence: (unitCode: string, year: number) => ({ pk: `SEQ#INDEXNO#${unitCode}#${year}`, sk: "SEQ" }),

  /** An inverted-index posting: one per term of a published item (see search.ts). */
  searchPosting: (term: string, itemId: string) => ({ pk: `TERM#${term}`, sk: itemId }),
  searchTermPartition: (term: string) => `TERM#${term}`,
  /**
   * Packed postings (ADR 0056): one record per term and shard holding many items' postings;
   * a shard is a month of first publication and who writes it (`<yyyy-mm>#L`, `<yyyy-mm>#B<chunk>`),
   * or a bulk load's run of a term (`<newest yyyy-mm>#B<load>.<run>`, ADR 0063).
   */
  searchShard: (term: string, shard: string) => ({ pk: `TERM#${term}`, sk: `P#${shard}` }),
  searchShardPrefix: "P#",
  /** The terms an item is indexed under, so a re-index can delete the postings it no longer has. */
  searchTerms: (itemId: string) => ({ pk: `SEARCH#ITEM#${itemId}`, sk: "TERMS" }),
  /** An item whose index entries are owed: written in the item's own transaction. */
  searchOutbox: (itemId: string) => ({ pk: "SEARCH-OUTBOX", sk: itemId }),
  searchOutboxPartition: "SEARCH-OUTBOX",

  /** An indicator system (考评指标体系) and its place in the list by year and level (gsi1). */
  indicatorSystem: (id: string) => ({ pk: `INDICATOR-SYSTEM#${id}`, sk: "INDICATOR-SYSTEM" }),
  indicatorSystemInList: (year: number, level: string, id: string) => ({
    gsi1pk: "INDICATOR-SYSTEMS",
    gsi1sk: `${year}#${level}#${id}`,
  }),
  indicatorSystemsPartition: "INDICATOR-SYSTEMS",

  /** An assessment, listed by year then level and unit (gsi1). */
  assessment: (id: string) => ({ pk: `ASSESSMENT#${id}`, sk: "ASSESSMENT" }),
  assessmentOfYear: (year: number, level: string, unitCode: string, id: string) => ({
    gsi1pk: `ASSESSMENTS#${year}`,
    gsi1sk: `${level}#${unitCode}#${id}`,
  }),
  assessmentsPartition: (year: number) => `ASSESSMENTS#${year}`,
  /** One assessment per unit and system: a guard record created in the assessment's transaction. */
  assessmentOfUnit: (systemId: string, unitCode: string) => ({
    pk: `ASSESSMENT-OF#${systemId}#${unitCode}`,
    sk: "UNIQUE",
  }),
  /** The item that is a year's circular (of a level, or `all`): a guard record in the draft's transaction. */
  circularOf: (year: number, scope: string) => ({ pk: `CIRCULAR-OF#${year}#${scope}`, sk: "UNIQUE" }),

  /** A rectification task; by unit (gsi1), all by deadline (gsi2), and by assessment year (gsi3). */
  rectificationTask: (id: string) => ({ pk: `RECTIFICATION-TASK#${id}`, sk: "RECTIFICATION-TASK" }),
  taskOfUnit: (unitCode: string, deadline: string, id: string) => ({
    gsi1pk: `UNIT#${unitCode}#TASKS`,
    gsi1sk: `${deadline}#${id}`,
  }),
  unitTasksPartition: (unitCode: string) => `UNIT#${unitCode}#TASKS`,
  taskInList: (deadline: string, id: string) => ({
    gsi2pk: "RECTIFICATION-TASKS",
    gsi2sk: `${deadline}#${id}`,
  }),
  tasksPartition: "RECTIFICATION-TASKS",
  taskOfYear: (year: number, unitCode: string, id: string) => ({
    gsi3pk: `RECTIFICATION-TASKS#${year}`,
    gsi3sk: `${unitCode}#${id}`,
  }),
  yearTasksPartition: (year: number) => `RECTIFICATION-TASKS#${year}`,
  /** An application without personal data; the applicant's data is its own record beside it. */
  application: (id: string) => ({ pk: `APPLICATION#${id}`, sk: "APPLICATION" }),
  applicant: (id: string) => ({ pk: `APPLICATION#${id}`, sk: "APPLICANT" }),
  /** A unit's applications by receipt date (gsi1). */
  applicationOfUnit: (unitCode: string, receivedOn: string, id: string) => ({
    gsi1pk: `UNIT#${unitCode}#APPLICATIONS`,
    gsi1sk: `${receivedOn}#${id}`,
  }),
  unitApplicationsPartition: (unitCode: string) => `UNIT#${unitCode}#APPLICATIONS`,
  /** Open applications (gsi2, sparse: removed once answered or closed), for recomputation. */
  openApplication: (id: string) => ({ gsi2pk: "OPEN-APPLICATIONS", gsi2sk: id }),
  openApplicationsPartition: "OPEN-APPLICATIONS",
  /**
   * The applicant's lookup by tracking code (gsi3): every part of the application has this key,
   * so one Query finds them all (ADR 0061; a GSI key need not be unique).
   */
  applicationByTrackingCode: (trackingCode: string) => ({
    gsi3pk: `TRACKING#${trackingCode}`,
    gsi3sk: "APPLICATION",
  }),
  /** One part per unit and application: the guard written with the part (ADR 0061). */
  applicationPartOfUnit: (trackingCode: string, unitCode: string) => ({
    pk: `APPLICATION-PART#${trackingCode}#${unitCode}`,
    sk: "UNIQUE",
  }),
  /** The gsi3 partition of a tracking code: the application or letter it names, and its failure counter. */
  trackingPartition: (trackingCode: string) => `TRACKING#${trackingCode}`,
  /** Wrong secrets lately given for a tracking code (TTL `expiresAt`), in the code's gsi3 partition. */
  secretFailures: (trackingCode: string) => ({
    pk: `SECRET-FAILURES#${trackingCode}`,
    sk: "SECRET-FAILURES",
    gsi3pk: `TRACKING#${trackingCode}`,
    gsi3sk: "SECRET-FAILURES",
  }),
  /** Every application of the city by receipt date (gsi4), for the statistics and the office. */
  applicationInCity: (receivedOn: string, id: string) => ({
    gsi4pk: "APPLICATIONS",
    gsi4sk: `${receivedOn}#${id}`,
  }),
  applicationsPartition: "APPLICATIONS",

  /** The loaded holiday notice of a year (current), and every version of it (history). */
  calendarNotice: (year: number) => ({ pk: "CALENDAR", sk: `YEAR#${year}` }),
  calendarPartition: "CALENDAR",
  calendarNoticeVersion: (year: number, version: number) => ({
    pk: `CALENDAR#${year}`,
    sk: `VERSION#${pad(version, 6)}`,
  }),
  calendarYear: (year: number) => `CALENDAR#${year}`,

  idempotency: (scope: string, key: string) => ({ pk: `IDEMPOTENCY#${scope}#${key}`, sk: "IDEMPOTENCY" }),
  /** A letter to the mayor's mailbox; its writer sits in a record of its own (personal data). */
  letter: (id: string) => ({ pk: `LETTER#${id}`, sk: "LETTER" }),
  letterWriter: (id: string) => ({ pk: `LETTER#${id}`, sk: "WRITER" }),
  /** The writer's lookup by tracking code (gsi3). */
  letterByTrackingCode: (trackingCode: string) => ({
    gsi3pk: `TRACKING#${trackingCode}`,
    gsi3sk: "LETTER",
  }),
  /** Every letter by receipt day, newest first (gsi2): the office's list and the statistics. */
  letterInMailbox: (receivedOn: string, id: string) => ({ gsi2pk: "LETTERS", gsi2sk: `${receivedOn}#${id}` }),
  mailboxPartition: "LETTERS",
  /** Letters a unit holds, by receipt day (gsi1, sparse: once assigned). */
  letterOfUnit: (unitCode: string, receivedOn: string, id: string) => ({
    gsi1pk: `UNIT#${unitCode}#LETTERS`,
    gsi1sk: `${receivedOn}#${id}`,
  }),
  unitLettersPartition: (unitCode: string) => `UNIT#${unitCode}#LETTERS`,
  /** Replies the writer agreed to publish, newest reply first (gsi6, sparse). */
  publishedLetter: (repliedAt: string, id: string) => ({
    gsi6pk: "LETTERS#PUBLISHED",
    gsi6sk: `${repliedAt}#${id}`,
  }),
  publishedLettersPartition: "LETTERS#PUBLISHED",

  /** A consultation (征求意见); its comments sort after it in the same partition. */
  consultation: (id: string) => ({ pk: `CONSULTATION#${id}`, sk: "CONSULTATION" }),
  comment: (consultationId: string, commentId: string) => ({
    pk: `CONSULTATION#${consultationId}`,
    sk: `COMMENT#${commentId}`,
  }),
  commentPrefix: "COMMENT#",
  /** Every consultation by opening day, newest first (gsi2). */
  consultationInList: (opensOn: string, id: string) => ({
    gsi2pk: "CONSULTATIONS",
    gsi2sk: `${opensOn}#${id}`,
  }),
  consultationsPartition: "CONSULTATIONS",
  /** A unit's consultations by opening day (gsi1). */
  consultationOfUnit: (unitCode: string, opensOn: string, id: string) => ({
    gsi1pk: `UNIT#${unitCode}#CONSULTATIONS`,
    gsi1sk: `${opensOn}#${id}`,
  }),
  unitConsultationsPartition: (unitCode: string) => `UNIT#${unitCode}#CONSULTATIONS`,

  /** A notice (通知); its receipts sort after it in the same partition, one per target unit. */
  notice: (id: string) => ({ pk: `NOTICE#${id}`, sk: "NOTICE" }),
  /** Every notice, newest first (gsi2): the office's list. */
  noticeInList: (issuedAt: string, id: string) => ({ gsi2pk: "NOTICES", gsi2sk: `${issuedAt}#${id}` }),
  noticesPartition: "NOTICES",
  receipt: (noticeId: string, unitCode: string) => ({ pk: `NOTICE#${noticeId}`, sk: `RECEIPT#${unitCode}` }),
  receiptPrefix: "RECEIPT#",
  /** A unit's receipts, newest notice first (gsi1): how a unit lists the notices sent to it. */
  receiptOfUnit: (unitCode: string, issuedAt: string, noticeId: string) => ({
    gsi1pk: `UNIT#${unitCode}#NOTICES`,
    gsi1sk: `${issuedAt}#${noticeId}`,
  }),
  unitNoticesPartition: (unitCode: string) => `UNIT#${unitCode}#NOTICES`,
  /**
   * A receipt's audit entries: their own partition, because audit keys are time and version,
   * and two units acknowledging in one millisecond would collide in the notice's partition.
   */
  receiptAudit: (noticeId: string, unitCode: string) => `NOTICE-RECEIPT#${noticeId}#${unitCode}`,

  /** A unit's annual-report sheet of a year; a unit's sheets share a partition (ADR 0052). */
  annualReportSheet: (unitCode: string, year: number) => ({
    pk: `ANNUAL-REPORT#${unitCode}`,
    sk: `YEAR#${year}`,
  }),
  unitAnnualReportsPartition: (unitCode: string) => `ANNUAL-REPORT#${unitCode}`,
  /** A delivery of a notice to one unit on one channel (ADR 0045). */
  delivery: (id: string) => ({ pk: `DELIVERY#${id}`, sk: "DELIVERY" }),
  /** A notice's deliveries, by unit and channel (gsi1). */
  deliveryOfNotice: (noticeId: string, unitCode: string, kind: string) => ({
    gsi1pk: `NOTICE#${noticeId}#DELIVERIES`,
    gsi1sk: `${unitCode}#${kind}`,
  }),
  noticeDeliveriesPartition: (noticeId: string) => `NOTICE#${noticeId}#DELIVERIES`,
  /**
   * Deliveries a dispatcher may take, by when (gsi2, sparse: only while pending). `dueAt` is
   * the next attempt's time, or the lease's end while one is held, so a delivery whose
   * dispatcher died comes due again by itself.
   */
  deliveryDue: (dueAt: string, id: string) => ({ gsi2pk: "DELIVERIES-DUE", gsi2sk: `${dueAt}#${id}` }),
  dueDeliveriesPartition: "DELIVERIES-DUE",
  /** A unit's deliveries, newest notice first (gsi3). */
  deliveryOfUnit: (unitCode: string, issuedAt: string, id: string) => ({
    gsi3pk: `UNIT#${unitCode}#DELIVERIES`,
    gsi3sk: `${issuedAt}#${id}`,
  }),
  unitDeliveriesPartition: (unitCode: string) => `UNIT#${unitCode}#DELIVERIES`,
  /** Deliveries in one status, newest notice first (gsi4): the office's "what failed". */
  deliveryInStatus: (status: string, issuedAt: string, id: string) => ({
    gsi4pk: `DELIVERIES#${status}`,
    gsi4sk: `${issuedAt}#${id}`,
  }),
  statusDeliveriesPartition: (status: string) => `DELIVERIES#${status}`,
  /** Every delivery, newest notice first (gsi5). */
  deliveryInList: (issuedAt: string, id: string) => ({ gsi5pk: "DELIVERIES", gsi5sk: `${issuedAt}#${id}` }),
  deliveriesPartition: "DELIVERIES",
  /** A citizen's subscription (ADR 0060); its daily digest markers share its partition. */
  subscription: (id: string) => ({ pk: `SUBSCRIPTION#${id}`, sk: "SUBSCRIPTION" }),
  /** One subscription per address (by its keyed hash, never in clear) and topic. */
  subscriptionOfAddress: (addressKey: string, topicKey: string) => ({
    pk: `SUBSCRIBER#${addressKey}`,
    sk: `TOPIC#${topicKey}`,
  }),
  /** Confirmed subscriptions by topic (gsi2, sparse: only once confirmed): what the digest reads. */
  confirmedSubscription: (topicKey: string, id: string) => ({
    gsi2pk: "SUBSCRIPTIONS-CONFIRMED",
    gsi2sk: `${topicKey}#${id}`,
  }),
  confirmedSubscriptionsPartition: "SUBSCRIPTIONS-CONFIRMED",
  /** That a subscription's digest of a day was sent: created once, in the digest's transaction. */
  digestSent: (subscriptionId: string, day: string) => ({
    pk: `SUBSCRIPTION#${subscriptionId}`,
    sk: `DIGEST#${day}`,
  }),
  /** A mail to a citizen (sealed address, rendered message); gsi1 lists an owner's for deletion. */
  citizenMail: (id: string) => ({ pk: `CITIZEN-MAIL#${id}`, sk: "MAIL" }),
  citizenMailOfOwner: (owner: string, id: string) => ({ gsi1pk: `MAILS-OF#${owner}`, gsi1sk: id }),
  citizenMailsOfOwnerPartition: (owner: string) => `MAILS-OF#${owner}`,
  /** A citizen's wish to be mailed when a letter (its id) or an application (its tracking code) changes state (ADR 0060). */
  statusWatch: (recordId: string) => ({ pk: `STATUS-WATCH#${recordId}`, sk: "WATCH" }),
  /** A group robot's last sends (rate window), named by a hash of its key so the key is not stored (TTL). */
  robotWindow: (robotId: string) => ({ pk: `ROBOT-WINDOW#${robotId}`, sk: "WINDOW" }),

  /** A citizen submission's content fingerprint, so a repeat within the window is recognised (TTL). */
  submissionFingerprint: (hash: string) => ({ pk: `SUBMISSION#${hash}`, sk: "SUBMISSION" }),

  // ── Trainings and owed notices (issue 13, ADR 0046) ──────────────────────────────────────
  /** A training (培训); one invitation per invited unit sorts after it in the same partition. */
  training: (id: string) => ({ pk: `TRAINING#${id}`, sk: "TRAINING" }),
  /** Every training by start time (gsi2): the office's list and a year's figure as one range. */
  trainingInList: (startsAt: string, id: string) => ({ gsi2pk: "TRAININGS", gsi2sk: `${startsAt}#${id}` }),
  trainingsPartition: "TRAININGS",
  invitation: (trainingId: string, unitCode: string) => ({
    pk: `TRAINING#${trainingId}`,
    sk: `INVITATION#${unitCode}`,
  }),
  invitationPrefix: "INVITATION#",
  /** A unit's invitations by training start (gsi1): how a unit lists the trainings it is invited to. */
  invitationOfUnit: (unitCode: string, startsAt: string, trainingId: string) => ({
    gsi1pk: `UNIT#${unitCode}#TRAININGS`,
    gsi1sk: `${startsAt}#${trainingId}`,
  }),
  unitTrainingsPartition: (unitCode: string) => `UNIT#${unitCode}#TRAININGS`,
  /** An invitation's audit entries: their own partition, as a receipt's are (two units at once). */
  invitationAudit: (trainingId: string, unitCode: string) => `TRAINING-INVITATION#${trainingId}#${unitCode}`,
  /** A notice another record promised (ADR 0046): one per source, written in the source's transaction. */
  owedNotice: (sourceKind: string, sourceId: string) => ({
    pk: `OWED-NOTICE#${sourceKind}#${sourceId}`,
    sk: "OWED-NOTICE",
  }),
  /** Owed notices not yet issued, oldest first (gsi2, sparse: removed once issued): what a settle reads. */
  owedNoticeDue: (createdAt: string, sourceKind: string, sourceId: string) => ({
    gsi2pk: "OWED-NOTICES",
    gsi2sk: `${createdAt}#${sourceKind}#${sourceId}`,
  }),
  owedNoticesPartition: "OWED-NOTICES",
  /** An assessment round: the assessments it opened are their own records (#17), listed on it. */
  assessmentRound: (id: string) => ({ pk: `ASSESSMENT-ROUND#${id}`, sk: "ASSESSMENT-ROUND" }),

  // ── Scheduled supervision (督办, ADR 0049) ──
  /** One clock per open deadline, written in the transaction that sets, moves or ends it. */
  supervisionClock: (kind: string, id: string) => ({ pk: `CLOCK#${kind}#${id}`, sk: "CLOCK" }),
  /** The due index (gsi2, sparse: removed once every level is told), by the day to watch from. */
  clockDue: (watchOn: string, kind: string, id: string) => ({
    gsi2pk: "CLOCKS-DUE",
    gsi2sk: `${watchOn}#${kind}#${id}`,
  }),
  clocksDuePartition: "CLOCKS-DUE",
  /** A unit's clocks by deadline (gsi1); a notice's, owed by each target, sit in one partition. */
  clockOfUnit: (unitCode: string, watchOn: string, kind: string, id: string) => ({
    gsi1pk: `UNIT#${unitCode}#CLOCKS`,
    gsi1sk: `${watchOn}#${kind}#${id}`,
  }),
  unitClocksPartition: (unitCode: string) => `UNIT#${unitCode}#CLOCKS`,
  noticeClock: (watchOn: string, id: string) => ({ gsi1pk: "NOTICE-CLOCKS", gsi1sk: `${watchOn}#${id}` }),
  noticeClocksPartition: "NOTICE-CLOCKS",
  /** That a level of one deadline was told to a unit: created once (attribute_not_exists). */
  levelTold: (kind: string, id: string, dueOn: string, level: string, unitCode: string) => ({
    pk: `CLOCK#${kind}#${id}`,
    sk: `LEVEL#${dueOn}#${level}#${unitCode}`,
  }),
  /** A run of the scan, newest first (gsi2). */
  supervisionRun: (id: string) => ({ pk: `SUPERVISION-RUN#${id}`, sk: "SUPERVISION-RUN" }),
  supervisionRunInList: (startedAt: string, id: string) => ({
    gsi2pk: "SUPERVISION-RUNS",
    gsi2sk: `${startedAt}#${id}`,
  }),
  supervisionRunsPartition: "SUPERVISION-RUNS",
  /** Done once: clocks written for the open records that predate them (ADR 0049). */
  clocksBackfilled: { pk: "SUPERVISION-CLOCKS", sk: "BACKFILLED" },
  /** Done once a year: the annual-report clocks of every unit planted for `year`. */
  annualReportClocksPlanted: (year: number) => ({ pk: "SUPERVISION-CLOCKS", sk: `ANNUAL-REPORTS#${year}` }),
  /** The record a clock of `kind` watches, whose version a backfilled clock is conditioned on. */
  clockedRecord: (kind: string, id: string): { pk: string; sk: string } =>
    kind === "rectification-task"
      ? keys.rectificationTask(id)
      : kind === "application"
        ? keys.application(id)
        : kind === "letter"
          ? keys.letter(id)
          : keys.notice(id),
} as const;
