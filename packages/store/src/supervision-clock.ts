import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { DomainError, type SupervisionClock, type SupervisionRun } from "@gov/domain";
import type { Db } from "./client.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { keys } from "./keys.ts";
import type { Page, PageRequest } from "./paged.ts";
import { queryAll } from "./query.ts";
import { commit, type Write } from "./transaction.ts";
import { withoutKeys } from "./versioned.ts";

/**
 * Supervision clocks (督办, ADR 0049): one record per open deadline, put or deleted by the
 * repository whose write sets, moves or ends the deadline, in that write's own transaction.
 */

export type ClockRef = Pick<SupervisionClock, "kind" | "id">;

/** A level told to a unit about one deadline (its day is the deadline's version). */
export type LevelTold = ClockRef & { dueOn: string; level: string; unitCode: string };

/** The loser of a race to tell a level: another run told it first, in a transaction of its own. */
export class LevelAlreadyTold extends DomainError {
  constructor() {
    super("conflict", "该督办事项已由另一次督办发出");
  }
}

function clockRecord(clock: SupervisionClock): Record<string, unknown> & { pk: string; sk: string } {
  return {
    ...keys.supervisionClock(clock.kind, clock.id),
    ...keys.clockDue(clock.watchOn, clock.kind, clock.id),
    ...(clock.unitCode === null
      ? keys.noticeClock(clock.watchOn, clock.id)
      : keys.clockOfUnit(clock.unitCode, clock.watchOn, clock.kind, clock.id)),
    entity: "supervision-clock",
    ...clock,
  };
}

/**
 * The clock of a record as it is now: put while the record owes a deadline, deleted once it no
 * longer does (a verified task, an answered application); nothing for a record just created
 * that owes none. Unconditional: the record's own versioned write in the same transaction is
 * what guards the change.
 */
export function clockWrites(
  db: Db,
  ref: ClockRef,
  clock: SupervisionClock | null,
  options: { created?: boolean } = {},
): Write[] {
  const onConditionFailed = new DomainError("conflict", "督办时钟写入失败");
  if (clock)
    return [{ item: { Put: { TableName: db.tableName, Item: clockRecord(clock) } }, onConditionFailed }];
  if (options.created) return [];
  return [
    {
      item: { Delete: { TableName: db.tableName, Key: keys.supervisionClock(ref.kind, ref.id) } },
      onConditionFailed,
    },
  ];
}

const toClock = (record: Record<string, unknown>): SupervisionClock => {
  const { watchOn, kind, id, unitCode, title, deadline, basis } = record as SupervisionClock;
  return { kind, id, unitCode, title, deadline, basis, watchOn };
};

export function supervisionRepository(db: Db) {
  const clocksBefore = async (partition: string, before: string) =>
    (
      await queryAll(db, {
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :pk AND gsi1sk < :before",
        ExpressionAttributeValues: { ":pk": partition, ":before": before },
      })
    ).map(toClock);

  /** A change to a clock as read; a clock moved since (its condition fails) is left as it is. */
  const unlessMoved = async (command: UpdateCommand | DeleteCommand): Promise<void> => {
    try {
      await db.doc.send(command);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  };

  return {
    /** Clocks whose watch day is on or before `upTo`: one Query of the sparse due index. */
    async due(upTo: string): Promise<SupervisionClock[]> {
      const records = await queryAll(db, {
        IndexName: "gsi2",
        KeyConditionExpression: "gsi2pk = :pk AND gsi2sk < :upTo",
        ExpressionAttributeValues: { ":pk": keys.clocksDuePartition, ":upTo": `${upTo}#\uffff` },
      });
      return records.map(toClock);
    },

    /** A unit's clocks with a deadline before `before` (gsi1), for the office's overdue view. */
    unitClocksBefore: (unitCode: string, before: string) =>
      clocksBefore(keys.unitClocksPartition(unitCode), before),

    /** Notices' receipt clocks watched from before `before`: their target units owe them each. */
    noticeClocksBefore: (before: string) => clocksBefore(keys.noticeClocksPartition, before),

    /**
     * Which of these levels were already told. The scan's first look may read eventually
     * (half the cost): a marker it misses fails the digest's conditional write, and the retry
     * reads consistently.
     */
    async told(levels: LevelTold[], options: { consistent?: boolean } = {}): Promise<Set<string>> {
      const found = new Set<string>();
      const all = levels.map((l) => keys.levelTold(l.kind, l.id, l.dueOn, l.level, l.unitCode));
      for (let i = 0; i < all.length; i += 100) {
        let request:
          | Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }>
          | undefined = {
          [db.tableName]: { Keys: all.slice(i, i + 100), ConsistentRead: options.consistent ?? false },
        };
        while (request && Object.keys(request).length > 0) {
          const result = await db.doc.send(new BatchGetCommand({ RequestItems: request }));
          for (const r of result.Responses?.[db.tableName] ?? []) found.add(`${r.pk}|${r.sk}`);
          request = result.UnprocessedKeys as typeof request;
        }
      }
      return found;
    },

    /** The identity `told` answers with. */
    toldKey: (l: LevelTold) => {
      const key = keys.levelTold(l.kind, l.id, l.dueOn, l.level, l.unitCode);
      return `${key.pk}|${key.sk}`;
    },

    /**
     * That a level was told, created only if absent: joined to the digest notice's transaction,
     * so a notice and its markers commit together, and a concurrent run's notice fails whole.
     */
    toldWrite(level: LevelTold, context: { noticeId: string; runId: string; at: string }): Write {
      return {
        item: {
          Put: {
            TableName: db.tableName,
            Item: {
              ...keys.levelTold(level.kind, level.id, level.dueOn, level.level, level.unitCode),
              entity: "supervision-level",
              ...level,
              ...context,
            },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        onConditionFailed: new LevelAlreadyTold(),
      };
    },

    /**
     * Takes a clock out of the due index once it has nothing left to tell, unless its record
     * moved the deadline meanwhile (then the new deadline is watched again).
     */
    retire: (clock: SupervisionClock) =>
      unlessMoved(
        new UpdateCommand({
          TableName: db.tableName,
          Key: keys.supervisionClock(clock.kind, clock.id),
          UpdateExpression: "REMOVE gsi2pk, gsi2sk",
          ConditionExpression: "attribute_exists(pk) AND watchOn = :watchOn",
          ExpressionAttributeValues: { ":watchOn": clock.watchOn },
        }),
      ),

    /** Deletes a clock that owes nothing any more (every target acknowledged), unless it moved meanwhile. */
    settle: (clock: SupervisionClock) =>
      unlessMoved(
        new DeleteCommand({
          TableName: db.tableName,
          Key: keys.supervisionClock(clock.kind, clock.id),
          ConditionExpression: "watchOn = :watchOn",
          ExpressionAttributeValues: { ":watchOn": clock.watchOn },
        }),
      ),

    /**
     * Plants clocks no record write sets (a year's annual reports), once: each only if absent,
     * then a mark, so later runs spend one GetItem on it.
     */
    async plantAnnualReports(year: number, clocks: SupervisionClock[]): Promise<boolean> {
      const mark = keys.annualReportClocksPlanted(year);
      const { Item } = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: mark, ConsistentRead: true }),
      );
      if (Item) return false;
      for (const clock of clocks) {
        try {
          await db.doc.send(
            new PutCommand({
              TableName: db.tableName,
              Item: clockRecord(clock),
              ConditionExpression: "attribute_not_exists(pk)",
            }),
          );
        } catch (error) {
          // Planted by a run that died before its mark.
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }
      await db.doc.send(new PutCommand({ TableName: db.tableName, Item: { ...mark, entity: "planted" } }));
      return true;
    },

    /** Whether the clocks of records written before clocks existed have been written. */
    async backfilled(): Promise<boolean> {
      const { Item } = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: keys.clocksBackfilled, ConsistentRead: true }),
      );
      return Item !== undefined;
    },

    async markBackfilled(at: string): Promise<void> {
      await db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: { ...keys.clocksBackfilled, entity: "backfill", at },
        }),
      );
    },

    /**
     * The clock of a record written before clocks existed, as of the version read: written only
     * if that version is still current (a later write has set the clock itself) and no clock
     * is there yet. Either condition failing means there is nothing to do.
     */
    async backfill(clock: SupervisionClock, recordVersion: number): Promise<boolean> {
      const skip = new DomainError("conflict", "督办时钟无需补写");
      try {
        await commit(db, [
          {
            item: {
              ConditionCheck: {
                TableName: db.tableName,
                Key: keys.clockedRecord(clock.kind, clock.id),
                ConditionExpression: "version = :version",
                ExpressionAttributeValues: { ":version": recordVersion },
              },
            },
            onConditionFailed: skip,
          },
          {
            item: {
              Put: {
                TableName: db.tableName,
                Item: clockRecord(clock),
                ConditionExpression: "attribute_not_exists(pk)",
              },
            },
            onConditionFailed: skip,
          },
        ]);
        return true;
      } catch (error) {
        if (error === skip) return false;
        throw error;
      }
    },

    async putRun(run: SupervisionRun): Promise<void> {
      await db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: {
            ...keys.supervisionRun(run.id),
            ...keys.supervisionRunInList(run.startedAt, run.id),
            entity: "supervision-run",
            ...run,
          },
        }),
      );
    },

    /** Runs, newest first. */
    async runs(page: PageRequest): Promise<Page<SupervisionRun>> {
      const partition = keys.supervisionRunsPartition;
      const result = await db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          IndexName: "gsi2",
          KeyConditionExpression: "gsi2pk = :pk",
          ExpressionAttributeValues: { ":pk": partition },
          ScanIndexForward: false,
          Limit: page.limit,
          ExclusiveStartKey: decodeCursor(page.cursor, { attribute: "gsi2pk", value: partition }),
        }),
      );
      return {
        items: (result.Items ?? []).map((r) => withoutKeys<SupervisionRun>(r)),
        nextCursor: encodeCursor(result.LastEvaluatedKey),
      };
    },
  };
}
