import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import {
  type Applicant,
  type Application,
  type AuditEntry,
  clockOfCorrectionWindow,
  clockOfOpenApplication,
  DomainError,
  isOpen,
} from "@gov/domain";
import { auditWrite, readAudit } from "./audit.ts";
import type { Db } from "./client.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { keys } from "./keys.ts";
import type { Page, PageRequest } from "./paged.ts";
import { queryAll } from "./query.ts";
import { type Tracked, trackingPartition } from "./secret-failures.ts";
import { clockWrites } from "./supervision-clock.ts";
import { keyAttributes } from "./table.ts";
import { commit, type Write } from "./transaction.ts";

/** What is never part of an Application value: the key attributes and the secret's hash. */
const hidden = new Set([...keyAttributes(), "entity", "secretHash"]);

function toRecord(application: Application, secretHash: string): Record<string, unknown> {
  return {
    ...keys.application(application.id),
    ...keys.applicationOfUnit(application.unitCode, application.receivedOn, application.id),
    ...keys.applicationByTrackingCode(application.trackingCode),
    ...keys.applicationInCity(application.receivedOn, application.id),
    ...(isOpen(application.state) ? keys.openApplication(application.id) : {}),
    entity: "application",
    secretHash,
    ...application,
  };
}

const fromRecord = (record: Record<string, unknown>): Application =>
  Object.fromEntries(Object.entries(record).filter(([k]) => !hidden.has(k))) as Application;

/**
 * The due date's and the correction window's supervision clocks move with every write of the
 * application (ADR 0049).
 */
const clockOf = (db: Db, application: Application, created = false) => [
  ...clockWrites(db, { kind: "application", id: application.id }, clockOfOpenApplication(application), {
    created,
  }),
  ...clockWrites(
    db,
    { kind: "application-correction", id: application.id },
    clockOfCorrectionWindow(application),
    { created },
  ),
];

/** The first part (the one the tracking code was issued with) first, then by receipt and creation. */
const partOrder = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Number(a.partOf !== undefined) - Number(b.partOf !== undefined) ||
  String(a.receivedOn).localeCompare(String(b.receivedOn)) ||
  String(a.id).localeCompare(String(b.id));

const stale = () => new DomainError("precondition-failed", "申请已被他人修改，请刷新后重试");

/**
 * Applications. The applicant's personal data is a separate record read only by the staff
 * detail route; every list, status answer and statistic reads the application record alone.
 */
export function applicationRepository(db: Db) {
  async function getRecord(id: string) {
    const { Item } = await db.doc.send(
      new GetCommand({ TableName: db.tableName, Key: keys.application(id), ConsistentRead: true }),
    );
    return Item;
  }

  async function page(partition: { index: "gsi1" | "gsi4"; value: string }, request: PageRequest) {
    const attribute = `${partition.index}pk`;
    const result = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: partition.index,
        KeyConditionExpression: `${attribute} = :pk`,
        ExpressionAttributeValues: { ":pk": partition.value },
        ScanIndexForward: false,
        Limit: request.limit,
        ExclusiveStartKey: decodeCursor(request.cursor, { attribute, value: partition.value }),
      }),
    );
    return { items: (result.Items ?? []).map(fromRecord), nextCursor: encodeCursor(result.LastEvaluatedKey) };
  }

  async function applicantOf(id: string): Promise<Applicant | undefined> {
    const { Item } = await db.doc.send(
      new GetCommand({ TableName: db.tableName, Key: keys.applicant(id), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, entity: _entity, ...applicant } = Item;
    return applicant as Applicant;
  }

  /**
   * A new part (a whole application, or one unit's part of one): the record, the applicant's
   * copy beside it, its audit entry, its clocks, and the guard that keeps one part per unit.
   */
  function partWrites(application: Application, applicant: Applicant, secretHash: string, audit: AuditEntry) {
    const exists = new DomainError("conflict", "申请已存在");
    const putNew = (Item: Record<string, unknown>, onConditionFailed: DomainError): Write => ({
      item: { Put: { TableName: db.tableName, Item, ConditionExpression: "attribute_not_exists(pk)" } },
      onConditionFailed,
    });
    return [
      putNew(toRecord(application, secretHash), exists),
      putNew({ ...keys.applicant(application.id), entity: "applicant", ...applicant }, exists),
      putNew(
        {
          ...keys.applicationPartOfUnit(application.trackingCode, application.unitCode),
          entity: "application-part",
          id: application.id,
        },
        new DomainError("conflict", `该申请已有单位${application.unitCode}办理的部分`, [
          { path: "unitCodes", message: `单位${application.unitCode}已在办理该申请` },
        ]),
      ),
      auditWrite(db, keys.application(application.id).pk, audit),
      ...clockOf(db, application, true),
    ];
  }

  return {
    /** A new application; a citizen's parts for further units come in `extra` (`newPart`). */
    async create(
      application: Application,
      applicant: Applicant,
      secretHash: string,
      audit: AuditEntry,
      extra: Write[] = [],
    ): Promise<void> {
      await commit(db, [...partWrites(application, applicant, secretHash, audit), ...extra]);
    },

    /** The writes of one more part of an application being created, for `create`'s `extra`. */
    newPart: partWrites,

    /**
     * Parts for more units of an existing application (ADR 0061), in one transaction: each
     * with the first part's secret hash, so the tracking code answers for all of them, and a
     * copy of the applicant, whom the unit answering its part has to reach.
     */
    async addParts(
      first: Application,
      parts: { application: Application; audit: AuditEntry }[],
      extra: Write[] = [],
    ): Promise<void> {
      const [record, applicant] = await Promise.all([getRecord(first.id), applicantOf(first.id)]);
      if (!record || !applicant) throw stale();
      const hash = String(record.secretHash);
      await commit(db, [
        ...parts.flatMap((p) => partWrites(p.application, applicant, hash, p.audit)),
        ...extra,
      ]);
    },

    async get(id: string): Promise<Application | undefined> {
      const record = await getRecord(id);
      return record ? fromRecord(record) : undefined;
    },

    applicant: applicantOf,

    /**
     * The application behind a tracking code, every part of it (the first, then the others as
     * they were routed), and the wrong secrets lately given for it.
     */
    async getByTrackingCode(
      trackingCode: string,
    ): Promise<Tracked<{ application: Application; parts: Application[]; secretHash: string }>> {
      const { records, failures } = await trackingPartition(db, trackingCode, "APPLICATION");
      // The index is eventually consistent; the status itself comes from consistent reads.
      const current = await Promise.all(records.map((r) => getRecord(String(r.id))));
      const parts = current.flatMap((r) => (r ? [r] : [])).sort(partOrder);
      const [first] = parts;
      return {
        found: first
          ? {
              application: fromRecord(first),
              parts: parts.map(fromRecord),
              secretHash: String(first.secretHash),
            }
          : undefined,
        failures,
      };
    },

    /** Replaces the application if its version is still `before.version`, with its audit entry and `extra` (a status mail). */
    async update(
      application: Application,
      before: Application,
      audit: AuditEntry,
      extra: Write[] = [],
    ): Promise<void> {
      // The record is replaced whole, so the secret's hash (never part of the value) is carried over.
      const record = await getRecord(before.id);
      if (!record) throw stale();
      await commit(db, [
        {
          item: {
            Put: {
              TableName: db.tableName,
              Item: toRecord(application, String(record.secretHash)),
              ConditionExpression: "attribute_exists(pk) AND version = :expected",
              ExpressionAttributeValues: { ":expected": before.version },
            },
          },
          onConditionFailed: stale(),
        },
        auditWrite(db, keys.application(application.id).pk, audit),
        ...clockOf(db, application),
        ...extra,
      ]);
    },

    listOfUnit: (unitCode: string, request: PageRequest): Promise<Page<Application>> =>
      page({ index: "gsi1", value: keys.unitApplicationsPartition(unitCode) }, request),

    listAll: (request: PageRequest): Promise<Page<Application>> =>
      page({ index: "gsi4", value: keys.applicationsPartition }, request),

    /** Every open application: one partition of a sparse index, never a scan. */
    async listOpen(): Promise<Application[]> {
      const records = await queryAll(db, {
        IndexName: "gsi2",
        KeyConditionExpression: "gsi2pk = :pk",
        ExpressionAttributeValues: { ":pk": keys.openApplicationsPartition },
      });
      const current = await Promise.all(records.map((r) => getRecord(String(r.id))));
      return current.flatMap((r) => (r ? [fromRecord(r)] : []));
    },

    /** Applications received up to `lastDay`, of one unit or the whole city, for the statistics. */
    async receivedUntil(lastDay: string, unitCode?: string): Promise<Application[]> {
      const [index, value] = unitCode
        ? (["gsi1", keys.unitApplicationsPartition(unitCode)] as const)
        : (["gsi4", keys.applicationsPartition] as const);
      const records = await queryAll(db, {
        IndexName: index,
        KeyConditionExpression: `${index}pk = :pk AND ${index}sk < :after`,
        ExpressionAttributeValues: { ":pk": value, ":after": `${lastDay}#~` },
      });
      return records.map(fromRecord);
    },

    history: (id: string) => readAudit(db, keys.application(id).pk),
  };
}

export type ApplicationRepository = ReturnType<typeof applicationRepository>;
