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

  return {
    async create(
      application: Application,
      applicant: Applicant,
      secretHash: string,
      audit: AuditEntry,
      extra: Write[] = [],
    ): Promise<void> {
      const exists = new DomainError("conflict", "申请已存在");
      await commit(db, [
        {
          item: {
            Put: {
              TableName: db.tableName,
              Item: toRecord(application, secretHash),
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
          onConditionFailed: exists,
        },
        {
          item: {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.applicant(application.id), entity: "applicant", ...applicant },
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
          onConditionFailed: exists,
        },
        auditWrite(db, keys.application(application.id).pk, audit),
        ...clockOf(db, application, true),
        ...extra,
      ]);
    },

    async get(id: string): Promise<Application | undefined> {
      const record = await getRecord(id);
      return record ? fromRecord(record) : undefined;
    },

    async applicant(id: string): Promise<Applicant | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: keys.applicant(id), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, entity: _entity, ...applicant } = Item;
      return applicant as Applicant;
    },

    /** The application and its secret's hash, for the applicant's status check. */
    /** The application behind a tracking code, with the wrong secrets lately given for it. */
    async getByTrackingCode(
      trackingCode: string,
    ): Promise<Tracked<{ application: Application; secretHash: string }>> {
      const { record, failures } = await trackingPartition(db, trackingCode, "APPLICATION");
      // The index is eventually consistent; the status itself comes from a consistent read.
      const current = record ? await getRecord(String(record.id)) : undefined;
      return {
        found: current
          ? { application: fromRecord(current), secretHash: String(current.secretHash) }
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
