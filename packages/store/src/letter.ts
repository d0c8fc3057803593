import { GetCommand } from "@aws-sdk/lib-dynamodb";
import {
  type Actor,
  type AuditEntry,
  clockOfLetter,
  DomainError,
  hasRole,
  type IsoDate,
  type Letter,
  type LetterFacts,
  type LetterState,
  type LetterWriter,
} from "@gov/domain";
import { auditWrite } from "./audit.ts";
import type { Db } from "./client.ts";
import { keys } from "./keys.ts";
import type { Page, PageRequest } from "./paged.ts";
import { queryPage } from "./paged.ts";
import { yearRange } from "./published.ts";
import { queryAll } from "./query.ts";
import { type Tracked, trackingPartition } from "./secret-failures.ts";
import { clockWrites } from "./supervision-clock.ts";
import { keyAttributes } from "./table.ts";
import { commit, type Write } from "./transaction.ts";

const keyNames = new Set([...keyAttributes(), "entity"]);
const fromRecord = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([k]) => !keyNames.has(k))) as Letter;

/** The index keys a letter's state calls for: a unit's list once assigned, the portal once replied with consent. */
function toRecord(letter: Letter): Record<string, unknown> {
  return {
    ...keys.letter(letter.id),
    ...keys.letterInMailbox(letter.receivedOn, letter.id),
    ...keys.letterByTrackingCode(letter.trackingCode),
    ...(letter.unitCode ? keys.letterOfUnit(letter.unitCode, letter.receivedOn, letter.id) : {}),
    ...(letter.consentToPublish && letter.reply
      ? keys.publishedLetter(letter.reply.repliedAt, letter.id)
      : {}),
    entity: "letter",
    ...letter,
  };
}

export type LetterFilter = {
  state?: LetterState | undefined;
  /** Only open letters received on or before this day (the overdue ones, see latestOverdueReceipt). */
  openReceivedOnOrBefore?: IsoDate | undefined;
};

export type PublishedLetterFilter = { year?: number | undefined; unit?: string | undefined };

/** The reply deadline's supervision clock follows every write of the letter (ADR 0049). */
const letterClock = (db: Db, letter: Letter, created = false) =>
  clockWrites(db, { kind: "letter", id: letter.id }, clockOfLetter(letter), { created });

const stale = () => new DomainError("precondition-failed", "来信已被他人处理，请刷新后重试");

export function letterRepository(db: Db) {
  return {
    async get(id: string, options: { consistent?: boolean } = {}): Promise<Letter | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({
          TableName: db.tableName,
          Key: keys.letter(id),
          ConsistentRead: options.consistent ?? false,
        }),
      );
      return Item ? fromRecord(Item) : undefined;
    },

    /**
     * The writer's own view, by tracking code: the letter (a consistent read, as the index lags)
     * and the hash the writer's secret must match. The writer's personal data is not read.
     */
    /** The letter behind a tracking code and its secret's hash, with the wrong secrets lately given for it. */
    async byTrackingCode(trackingCode: string): Promise<Tracked<{ letter: Letter; secretHash: string }>> {
      const { record, failures } = await trackingPartition(db, trackingCode, "LETTER");
      const id = record?.id;
      if (typeof id !== "string") return { found: undefined, failures };
      const [letter, secret] = await Promise.all([
        db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.letter(id), ConsistentRead: true })),
        db.doc.send(
          new GetCommand({
            TableName: db.tableName,
            Key: keys.letterWriter(id),
            ProjectionExpression: "secretHash",
          }),
        ),
      ]);
      const secretHash = secret.Item?.secretHash;
      return {
        found:
          letter.Item && typeof secretHash === "string"
            ? { letter: fromRecord(letter.Item), secretHash }
            : undefined,
        failures,
      };
    },

    /** The writer's personal data: read only for the staff who answer the letter. */
    async writer(id: string): Promise<LetterWriter | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: keys.letterWriter(id) }),
      );
      return Item ? (Item.writer as LetterWriter) : undefined;
    },

    /**
     * The letter, its writer (own record, with the SHA-256 of the writer's secret) and audit
     * entry, plus writes that must hold with them.
     */
    async create(
      letter: Letter,
      writer: LetterWriter,
      secretHash: string,
      audit: AuditEntry,
      extra: Write[] = [],
    ): Promise<void> {
      const exists = new DomainError("conflict", "来信已存在");
      await commit(db, [
        {
          item: {
            Put: {
              TableName: db.tableName,
              Item: toRecord(letter),
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
          onConditionFailed: exists,
        },
        {
          item: {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.letterWriter(letter.id), entity: "letter-writer", writer, secretHash },
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
          onConditionFailed: exists,
        },
        auditWrite(db, keys.letter(letter.id).pk, audit),
        ...letterClock(db, letter, true),
        ...extra,
      ]);
    },

    /** The change at the version read, its audit entry, and `extra` (a status mail) that must hold with it. */
    async update(letter: Letter, before: Letter, audit: AuditEntry, extra: Write[] = []): Promise<void> {
      await commit(db, [
        {
          item: {
            Put: {
              TableName: db.tableName,
              Item: toRecord(letter),
              ConditionExpression: "version = :expected",
              ExpressionAttributeValues: { ":expected": before.version },
            },
          },
          onConditionFailed: stale(),
        },
        auditWrite(db, keys.letter(letter.id).pk, audit),
        ...letterClock(db, letter),
        ...extra,
      ]);
    },

    /** The office reads the whole mailbox; a unit reads the letters it holds. Newest receipt first. */
    async list(actor: Actor, filter: LetterFilter, page: PageRequest): Promise<Page<Letter>> {
      const [index, partition] = hasRole(actor, "office")
        ? (["gsi2", keys.mailboxPartition] as const)
        : (["gsi1", keys.unitLettersPartition(actor.unitCode)] as const);
      const overdue = filter.openReceivedOnOrBefore;
      const result = await queryPage(
        db,
        {
          index,
          partition,
          ...(overdue ? { to: `${overdue}#\uffff` } : {}),
          equals: { state: filter.state },
          ...(overdue
            ? {
                filter: {
                  expression: "#open <> :replied",
                  names: { "#open": "state" },
                  values: { ":replied": "replied" },
                },
              }
            : {}),
          newestFirst: true,
        },
        page,
      );
      return { items: result.items.map(fromRecord), nextCursor: result.nextCursor };
    },

    /** Replies published with the writer's consent, newest reply first; year is the Beijing year of the reply. */
    async listPublished(filter: PublishedLetterFilter, page: PageRequest): Promise<Page<Letter>> {
      const [from, to] = filter.year === undefined ? [undefined, undefined] : yearRange(filter.year);
      const result = await queryPage(
        db,
        {
          index: "gsi6",
          partition: keys.publishedLettersPartition,
          from,
          to,
          equals: { unitCode: filter.unit },
          newestFirst: true,
        },
        page,
      );
      return { items: result.items.map(fromRecord), nextCursor: result.nextCursor };
    },

    /** What the statistics need of every letter received in a year (one partition range, no writer data). */
    async factsOfYear(year: number, unit?: string): Promise<LetterFacts[]> {
      const records = await queryAll(db, {
        IndexName: "gsi2",
        KeyConditionExpression: "gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to",
        ProjectionExpression: "id, #state, unitCode, receivedOn, repliedOn",
        ...(unit ? { FilterExpression: "unitCode = :unit" } : {}),
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: {
          ":pk": keys.mailboxPartition,
          ":from": `${year}-01-01`,
          ":to": `${year}-12-31#\uffff`,
          ...(unit ? { ":unit": unit } : {}),
        },
      });
      return records as LetterFacts[];
    },
  };
}
export type LetterRepository = ReturnType<typeof letterRepository>;
