import { GetCommand } from "@aws-sdk/lib-dynamodb";
import {
  type Actor,
  type AuditEntry,
  type Consultation,
  type ConsultationComment,
  type ConsultationPhase,
  DomainError,
  hasRole,
  type IsoDate,
} from "@gov/domain";
import { auditWrite } from "./audit.ts";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import type { Page, PageRequest } from "./paged.ts";
import { type PagedQuery, queryPage } from "./paged.ts";
import { countAll, queryAll } from "./query.ts";
import { keyAttributes } from "./table.ts";
import { commit, type Write } from "./transaction.ts";

const keyNames = new Set([...keyAttributes(), "entity"]);
const strip = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([k]) => !keyNames.has(k)));

const toRecord = (consultation: Consultation) => ({
  ...keys.consultation(consultation.id),
  ...keys.consultationInList(consultation.opensOn, consultation.id),
  ...keys.consultationOfUnit(consultation.unitCode, consultation.opensOn, consultation.id),
  entity: "consultation",
  ...consultation,
});

/** A comment as stored: the commenter's contact is personal data and leaves only through staff reads. */
export type StoredComment = ConsultationComment;

export type ConsultationFilter = { phase?: ConsultationPhase | undefined; year?: number | undefined };

/** The phase as a key range and a filter on the closing day, so the list never reads the whole partition. */
function phaseQuery(filter: ConsultationFilter, today: IsoDate): Pick<PagedQuery, "from" | "to" | "filter"> {
  const year =
    filter.year === undefined ? {} : { from: `${filter.year}-01-01`, to: `${filter.year}-12-31#\uffff` };
  const closes = (op: string) => ({
    expression: `closesOn ${op} :today`,
    names: {},
    values: { ":today": today },
  });
  switch (filter.phase) {
    case "upcoming":
      return { ...year, from: year.from && year.from > today ? year.from : `${today}#\uffff` };
    case "open":
      return { ...year, to: year.to && year.to < today ? year.to : `${today}#\uffff`, filter: closes(">=") };
    case "closed":
      return { ...year, filter: closes("<") };
    default:
      return year;
  }
}

export function consultationRepository(db: Db) {
  /** Counted from the stored comments, reading counts only. */
  const countComments = (id: string) =>
    countAll(db, {
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
      ExpressionAttributeValues: { ":pk": keys.consultation(id).pk, ":prefix": keys.commentPrefix },
      ConsistentRead: true,
    });
  return {
    async get(id: string, options: { consistent?: boolean } = {}): Promise<Consultation | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({
          TableName: db.tableName,
          Key: keys.consultation(id),
          ConsistentRead: options.consistent ?? false,
        }),
      );
      return Item ? (strip(Item) as Consultation) : undefined;
    },

    async create(consultation: Consultation, audit: AuditEntry, extra: Write[] = []): Promise<void> {
      await commit(db, [
        {
          item: {
            Put: {
              TableName: db.tableName,
              Item: toRecord(consultation),
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
          onConditionFailed: new DomainError("conflict", "征求意见已存在"),
        },
        auditWrite(db, keys.consultation(consultation.id).pk, audit),
        ...extra,
      ]);
    },

    async update(consultation: Consultation, before: Consultation, audit: AuditEntry): Promise<void> {
      await commit(db, [
        {
          item: {
            Put: {
              TableName: db.tableName,
              Item: toRecord(consultation),
              ConditionExpression: "version = :expected",
              ExpressionAttributeValues: { ":expected": before.version },
            },
          },
          onConditionFailed: new DomainError("precondition-failed", "征求意见已被他人修改，请刷新后重试"),
        },
        auditWrite(db, keys.consultation(consultation.id).pk, audit),
      ]);
    },

    /** A comment under its consultation, with what must hold with it (duplicate and idempotency records). */
    async addComment(comment: StoredComment, extra: Write[] = []): Promise<void> {
      await commit(db, [
        {
          item: {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.comment(comment.consultationId, comment.id), entity: "comment", ...comment },
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
          onConditionFailed: new DomainError("conflict", "意见已存在"),
        },
        ...extra,
      ]);
    },

    countComments,

    async comments(id: string): Promise<StoredComment[]> {
      const records = await queryAll(db, {
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
        ExpressionAttributeValues: { ":pk": keys.consultation(id).pk, ":prefix": keys.commentPrefix },
      });
      return records.map((r) => strip(r) as StoredComment);
    },

    /** Newest opening first; the office's own list reads its unit partition like any unit. */
    async list(filter: ConsultationFilter, today: IsoDate, page: PageRequest, actor?: Actor) {
      const partition =
        actor && !hasRole(actor, "office")
          ? { index: "gsi1" as const, partition: keys.unitConsultationsPartition(actor.unitCode) }
          : { index: "gsi2" as const, partition: keys.consultationsPartition };
      const result = await queryPage(
        db,
        { ...partition, ...phaseQuery(filter, today), newestFirst: true },
        page,
      );
      return {
        items: result.items.map((r) => strip(r) as Consultation),
        nextCursor: result.nextCursor,
      } as Page<Consultation>;
    },

    /** Every consultation opened in a year, with its comment count: the yearly statistics. */
    async ofYear(year: number): Promise<{ consultation: Consultation; comments: number }[]> {
      const records = await queryAll(db, {
        IndexName: "gsi2",
        KeyConditionExpression: "gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to",
        ExpressionAttributeValues: {
          ":pk": keys.consultationsPartition,
          ":from": `${year}-01-01`,
          ":to": `${year}-12-31#\uffff`,
        },
      });
      const consultations = records.map((r) => strip(r) as Consultation);
      return Promise.all(
        consultations.map(async (consultation) => ({
          consultation,
          comments: consultation.feedback?.received ?? (await countComments(consultation.id)),
        })),
      );
    },
  };
}
export type ConsultationRepository = ReturnType<typeof consultationRepository>;
