import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import {
  type AuditEntry,
  clockOfTask,
  openStates,
  type RectificationTask,
  type TaskState,
} from "@gov/domain";
import { batchWrite, putRequests } from "./batch.ts";
import type { Db } from "./client.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { keys } from "./keys.ts";
import type { Page, PageRequest } from "./paged.ts";
import { queryAll } from "./query.ts";
import { clockWrites } from "./supervision-clock.ts";
import { commit, type Write } from "./transaction.ts";
import { createWrites, updateWrites, withoutKeys } from "./versioned.ts";

const toRecord = (task: RectificationTask) => ({
  ...keys.rectificationTask(task.id),
  ...keys.taskOfUnit(task.unitCode, task.deadline, task.id),
  ...keys.taskInList(task.deadline, task.id),
  ...(task.year === null ? {} : keys.taskOfYear(task.year, task.unitCode, task.id)),
  entity: "rectification-task",
  ...task,
});

export type TaskFilter = {
  unit?: string | undefined;
  state?: TaskState | undefined;
  /** Only tasks past their deadline and still with the unit, as of `today`. */
  overdue?: boolean | undefined;
  today: string;
};

/** The task's supervision clock moves with the task, in its transaction (ADR 0049). */
const clockOf = (db: Db, task: RectificationTask, created = false) =>
  clockWrites(db, { kind: "rectification-task", id: task.id }, clockOfTask(task), { created });

/** Each list request reads at most this many pages while filling one page of results. */
const maxReads = 5;

export function rectificationTaskRepository(db: Db) {
  return {
    async create(task: RectificationTask, audit: AuditEntry, extra: Write[] = []): Promise<void> {
      await commit(db, [
        ...createWrites(db, toRecord(task), audit, "整改任务已存在"),
        ...clockOf(db, task, true),
        ...extra,
      ]);
    },

    /** Tasks, their audit entries and whatever must hold with them (the assessment's baseline): one transaction. */
    async createMany(
      tasks: { task: RectificationTask; audit: AuditEntry }[],
      extra: Write[] = [],
    ): Promise<void> {
      await commit(db, [
        ...tasks.flatMap((t) => [
          ...createWrites(db, toRecord(t.task), t.audit, "整改任务已存在"),
          ...clockOf(db, t.task, true),
        ]),
        ...extra,
      ]);
    },

    /**
     * Loads tasks already decided (a benchmark's table, an import), 25 records per
     * BatchWriteItem: the records `createMany` writes (task, audit entry, clock) without its
     * transactions. Existing records are overwritten.
     */
    async load(tasks: { task: RectificationTask; audit: AuditEntry }[]): Promise<void> {
      await batchWrite(
        db,
        putRequests(
          tasks.flatMap((t) => [
            ...createWrites(db, toRecord(t.task), t.audit, "整改任务已存在"),
            ...clockOf(db, t.task, true),
          ]),
        ),
      );
    },

    async get(id: string): Promise<RectificationTask | undefined> {
      const { Item } = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: keys.rectificationTask(id), ConsistentRead: true }),
      );
      return Item ? withoutKeys<RectificationTask>(Item) : undefined;
    },

    async update(next: RectificationTask, before: RectificationTask, audit: AuditEntry): Promise<void> {
      await commit(db, [...updateWrites(db, toRecord(next), before.version, audit), ...clockOf(db, next)]);
    },

    /**
     * Tasks by deadline, earliest first: a unit's (gsi1) or everyone's (gsi2). Overdue is a
     * key condition (deadline before today) plus the open states; state is a filter. The
     * cursor resumes after the last record read, so paging never skips or repeats.
     */
    async list(filter: TaskFilter, page: PageRequest): Promise<Page<RectificationTask>> {
      const [index, partition] = filter.unit
        ? (["gsi1", keys.unitTasksPartition(filter.unit)] as const)
        : (["gsi2", keys.tasksPartition] as const);
      const values: Record<string, unknown> = { ":pk": partition };
      let condition = `${index}pk = :pk`;
      if (filter.overdue) {
        values[":today"] = filter.today;
        condition += ` AND ${index}sk < :today`;
      }
      const states = filter.state ? [filter.state] : filter.overdue ? openStates : [];
      // A submitted or verified task is never overdue.
      if (filter.overdue && states.some((s) => !openStates.includes(s)))
        return { items: [], nextCursor: null };
      states.forEach((s, i) => {
        values[`:s${i}`] = s;
      });
      const stateFilter = states.length
        ? {
            FilterExpression: `#state IN (${states.map((_, i) => `:s${i}`).join(", ")})`,
            ExpressionAttributeNames: { "#state": "state" },
          }
        : {};

      const items: Record<string, unknown>[] = [];
      let start = decodeCursor(page.cursor, { attribute: `${index}pk`, value: partition });
      for (let reads = 0; reads < maxReads && items.length < page.limit; reads++) {
        const result = await db.doc.send(
          new QueryCommand({
            TableName: db.tableName,
            IndexName: index,
            KeyConditionExpression: condition,
            ExpressionAttributeValues: values,
            ...stateFilter,
            // Limit counts records read before the filter, so one read never returns too many.
            Limit: page.limit - items.length,
            ExclusiveStartKey: start,
          }),
        );
        items.push(...(result.Items ?? []));
        start = result.LastEvaluatedKey as typeof start;
        if (!start) break;
      }
      return { items: items.map((r) => withoutKeys<RectificationTask>(r)), nextCursor: encodeCursor(start) };
    },

    /** Every task issued from a year's assessments (gsi3): what rankings and circulars count. */
    async ofYear(year: number): Promise<RectificationTask[]> {
      const records = await queryAll(db, {
        IndexName: "gsi3",
        KeyConditionExpression: "gsi3pk = :pk",
        ExpressionAttributeValues: { ":pk": keys.yearTasksPartition(year) },
      });
      return records.map((r) => withoutKeys<RectificationTask>(r));
    },
  };
}
