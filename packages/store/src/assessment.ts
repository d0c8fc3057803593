import { GetCommand } from "@aws-sdk/lib-dynamodb";
import {
  type ApplicationFact,
  type Assessment,
  type AssessmentFacts,
  type AuditEntry,
  applicationFactFields,
  DomainError,
  type FactNeed,
  type IndicatorLevel,
  type IsoDate,
  type ItemFact,
  itemFactFields,
  type LetterFact,
  letterFactFields,
} from "@gov/domain";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query.ts";
import { commit, type Write } from "./transaction.ts";
import { createWrites, updateWrites, withoutKeys } from "./versioned.ts";

const toRecord = (a: Assessment) => ({
  ...keys.assessment(a.id),
  ...keys.assessmentOfYear(a.year, a.level, a.unitCode, a.id),
  entity: "assessment",
  ...a,
});

/** The first instant after the Asia/Shanghai day `date`, as the UTC ISO string the sort keys use. */
function endOfShanghaiDay(date: IsoDate): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1) - 8 * 3_600_000).toISOString();
}

/** Only the fields the rules read, so a page of the index carries no bodies over the wire. */
const projectionOf = (fields: readonly string[]) => ({
  ProjectionExpression: fields.map((f) => `#${f}`).join(", "),
  ExpressionAttributeNames: Object.fromEntries(fields.map((f) => [`#${f}`, f])),
});
const projection = projectionOf(itemFactFields);

/**
 * A unit's records in a gsi1 partition keyed `<receivedOn>#<id>`, received up to the end of
 * `asOf`, projected: applications without the applicant or description, letters without the
 * writer, subject or body. Every year is read, since one carried over and still open counts.
 */
async function receivedUpTo(db: Db, partition: string, asOf: IsoDate, fields: readonly string[]) {
  return queryAll(db, {
    IndexName: "gsi1",
    KeyConditionExpression: "gsi1pk = :pk AND gsi1sk < :after",
    ExpressionAttributeValues: { ":pk": partition, ":after": `${asOf}#\uffff` },
    ...projectionOf(fields),
  });
}

async function publishedBefore(db: Db, index: "gsi2" | "gsi5", partition: string, until: string) {
  const records = await queryAll(db, {
    IndexName: index,
    KeyConditionExpression: `${index}pk = :pk AND ${index}sk < :until`,
    ExpressionAttributeValues: { ":pk": partition, ":until": until },
    ...projection,
  });
  return records as ItemFact[];
}

export function assessmentRepository(db: Db) {
  /** The assessment, its audit entry, and the guard that keeps it one per unit and sheet. */
  const createAssessmentWrites = (assessment: Assessment, audit: AuditEntry): Write[] => [
    ...createWrites(db, toRecord(assessment), audit, "考评已存在"),
    {
      item: {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.assessmentOfUnit(assessment.indicatorSystemId, assessment.unitCode),
            entity: "assessment-guard",
            assessmentId: assessment.id,
          },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      },
      onConditionFailed: new DomainError("conflict", "该单位在此指标体系下已有考评"),
    },
  ];

  return {
    /** Creates it with the one-per-unit-and-system guard, its audit entry and any extra writes. */
    async create(assessment: Assessment, audit: AuditEntry, extra: Write[] = []): Promise<void> {
      await commit(db, [...createAssessmentWrites(assessment, audit), ...extra]);
    },

    /** A new assessment, its audit entry and its one-per-unit guard, for a round's transaction. */
    createWrites: (assessment: Assessment, audit: AuditEntry) => createAssessmentWrites(assessment, audit),

    async get(id: string): Promise<Assessment | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: keys.assessment(id), ConsistentRead: true }),
      );
      return Item ? withoutKeys<Assessment>(Item) : undefined;
    },

    /** The assessment at the version read, its audit entry, and writes that must hold with it. */
    updateWrites: (next: Assessment, before: Assessment, audit: AuditEntry) =>
      updateWrites(db, toRecord(next), before.version, audit),

    async update(next: Assessment, before: Assessment, audit: AuditEntry): Promise<void> {
      await commit(db, updateWrites(db, toRecord(next), before.version, audit));
    },

    /** A year's assessments (of one level): one partition of gsi1, tens of records. */
    async listOfYear(year: number, level?: IndicatorLevel): Promise<Assessment[]> {
      // DynamoDB refuses an empty begins_with prefix: without a level, read the year's partition.
      const records = await queryAll(db, {
        IndexName: "gsi1",
        KeyConditionExpression: level ? "gsi1pk = :pk AND begins_with(gsi1sk, :prefix)" : "gsi1pk = :pk",
        ExpressionAttributeValues: {
          ":pk": keys.assessmentsPartition(year),
          ...(level ? { ":prefix": `${level}#` } : {}),
        },
      });
      return records.map((r) => withoutKeys<Assessment>(r));
    },

    /**
     * What the automatic rules read about a unit, through indexes only: its published items
     * (gsi5, by first publication up to the assessment's day) and the city's published
     * interpretations (gsi2, the 政策解读 column, the one column that takes them); and, only
     * when the sheet's rules need them, the unit's applications and the letters it holds
     * (gsi1, by receipt day up to the assessment's day), so item-only sheets read nothing more.
     */
    async facts(
      unitCode: string,
      year: number,
      asOf: IsoDate,
      needs: Partial<Record<FactNeed, boolean>> = {},
    ): Promise<AssessmentFacts> {
      const until = endOfShanghaiDay(asOf);
      const [items, interpretations, applications, letters] = await Promise.all([
        publishedBefore(db, "gsi5", keys.unitPublishedPartition(unitCode), until),
        publishedBefore(db, "gsi2", keys.columnPartition("interpretation"), until),
        needs.applications
          ? receivedUpTo(db, keys.unitApplicationsPartition(unitCode), asOf, applicationFactFields)
          : undefined,
        needs.letters
          ? receivedUpTo(db, keys.unitLettersPartition(unitCode), asOf, letterFactFields)
          : undefined,
      ]);
      return {
        unitCode,
        year,
        items,
        interpretations,
        ...(applications ? { applications: applications as ApplicationFact[] } : {}),
        ...(letters ? { letters: letters as LetterFact[] } : {}),
      };
    },
  };
}
