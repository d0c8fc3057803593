import { GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import {
  DomainError,
  fail,
  type Item,
  type PublicChangeEntry,
  type PublicChangeRecord,
  publicChangeOf,
} from "@gov/domain";
import type { Db } from "./client.ts";
import { itemFromRecord } from "./item.ts";
import { keys } from "./keys.ts";
import { scanAll } from "./query.ts";
import { commit, TransactionConflict, type Write } from "./transaction.ts";

/**
 * The public change feed (ADR 0059). Every public change's transaction also moves the
 * sequence counter from the value it read to that value plus its entries, and puts its entries
 * under those numbers. The condition on the counter makes the numbers a total order in which
 * entry n commits only after entry n − 1 has: a reader never meets a number whose predecessor
 * is still to come, and a number is never taken twice or left unused.
 */

/** Another change took the number this transaction expected: read the counter again and retry. */
class SequenceMoved extends DomainError {
  constructor() {
    super("conflict", "公开变更序号已被占用");
  }
}

/** A backfilled item changed after it was read: its entry is made again from the item as it is. */
class ItemMoved extends DomainError {
  constructor(readonly itemId: string) {
    super("conflict", "信息已被修改");
  }
}

/**
 * Tries before a change gives up (503, nothing written). Each try loses only to a change that
 * committed, so a burst of n concurrent changes needs at most n tries of the slowest; a city
 * publishes a few a minute, a burst of 30 at once is far beyond it.
 */
const maxTries = 30;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The last number given (0 before the first change), read consistently. */
async function lastSequence(db: Db): Promise<number> {
  const { Item } = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.publicChangeSequence, ConsistentRead: true }),
  );
  return Number(Item?.value ?? 0);
}

function sequencedWrites(db: Db, last: number, records: PublicChangeRecord[]): Write[] {
  const counter: Write = {
    item: {
      Update: {
        TableName: db.tableName,
        Key: keys.publicChangeSequence,
        UpdateExpression: "SET #value = :next, entity = :entity",
        ConditionExpression: last === 0 ? "attribute_not_exists(pk)" : "#value = :last",
        ExpressionAttributeNames: { "#value": "value" },
        ExpressionAttributeValues: {
          ":next": last + records.length,
          ":entity": "sequence",
          ...(last === 0 ? {} : { ":last": last }),
        },
      },
    },
    onConditionFailed: new SequenceMoved(),
  };
  const entries = records.map(
    (record, i): Write => ({
      item: {
        Put: {
          TableName: db.tableName,
          Item: { ...keys.publicChange(last + 1 + i), entity: "public-change", seq: last + 1 + i, ...record },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      },
      onConditionFailed: new SequenceMoved(),
    }),
  );
  return [counter, ...entries];
}

/**
 * Commits `writes` with the feed entries of the change they make, numbered next. Retried only
 * when the counter moved or another transaction held a record (nothing was written then); any
 * other failed condition (a stale version) is the caller's answer.
 */
export async function commitWithChanges(
  db: Db,
  writes: Write[],
  records: PublicChangeRecord[],
): Promise<void> {
  for (let tries = 1; ; tries++) {
    const last = await lastSequence(db);
    try {
      await commit(db, [...writes, ...sequencedWrites(db, last, records)]);
      return;
    } catch (error) {
      if (!(error instanceof SequenceMoved || error instanceof TransactionConflict)) throw error;
      if (tries >= maxTries) fail("unavailable", "公开变更正在排队写入，请稍后重试");
      // Full jitter, so the changes that lost one round do not meet again in the next.
      await pause(Math.random() * Math.min(200, 5 * 2 ** tries));
    }
  }
}

/** The cursor a reader resumes from: the number of the last entry it has (0: from the start). */
function encodeChangeCursor(after: number): string {
  return Buffer.from(JSON.stringify({ after })).toString("base64url");
}

const badCursor = () => fail("validation", "变更游标无效", [{ path: "since", message: "变更游标无效" }]);

function decodeChangeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return badCursor();
  }
  const after = (decoded as { after?: unknown } | null)?.after;
  return Number.isSafeInteger(after) && (after as number) >= 0 ? (after as number) : badCursor();
}

const entryOf = (record: Record<string, unknown>): PublicChangeEntry => {
  const { pk: _pk, sk: _sk, entity: _entity, ...entry } = record;
  return entry as PublicChangeEntry;
};

export function publicChangeRepository(db: Db) {
  return {
    /**
     * Up to `limit` entries after the cursor's, oldest first, read consistently and cut at the
     * first missing number: the numbers commit in order, so a gap can only be a change still
     * committing, which the next read returns. `nextCursor` is where to resume, never null (the
     * same position when nothing is new); a cursor past the last number is refused.
     */
    async since(
      cursor: string | undefined,
      limit: number,
    ): Promise<{ items: PublicChangeEntry[]; nextCursor: string }> {
      const after = decodeChangeCursor(cursor);
      const { Items = [] } = await db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
          ExpressionAttributeValues: {
            ":pk": keys.publicChangesPartition,
            ":from": keys.publicChange(after + 1).sk,
            ":to": keys.publicChange(999_999_999_999).sk,
          },
          ConsistentRead: true,
          Limit: limit,
        }),
      );
      const entries: PublicChangeEntry[] = [];
      for (const record of Items) {
        const entry = entryOf(record);
        if (entry.seq !== after + entries.length + 1) break;
        entries.push(entry);
      }
      if (entries.length === 0 && after > 0 && after > (await lastSequence(db))) badCursor();
      return { items: entries, nextCursor: encodeChangeCursor(entries.at(-1)?.seq ?? after) };
    },

    /**
     * Once per table (ADR 0059): a table older than the feed gets an entry for every item public
     * now, published or withdrawn, in the order they became so, then a marker. Each entry commits
     * with a check of its item's version, so one changed meanwhile gets its entry from what it is
     * now, after any entry its change wrote. Returns the entries written.
     */
    async backfillOnce(): Promise<number> {
      const { Item: done } = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: keys.publicChangesBackfilled, ConsistentRead: true }),
      );
      if (done) return 0;
      const records = await scanAll(db, {
        FilterExpression: "entity = :item AND #state IN (:published, :withdrawn)",
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: { ":item": "item", ":published": "published", ":withdrawn": "withdrawn" },
      });
      const items = records.map(itemFromRecord).sort((a, b) => publicSince(a).localeCompare(publicSince(b)));
      for (let i = 0; i < items.length; i += 40) await backfillChunk(db, items.slice(i, i + 40));
      await db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: { ...keys.publicChangesBackfilled, entity: "backfill" },
        }),
      );
      return items.length;
    },
  };
}

const publicSince = (item: Item) => item.withdrawal?.at ?? item.publishedAt ?? item.updatedAt;

async function backfillChunk(db: Db, chunk: Item[]): Promise<void> {
  let items = chunk;
  for (;;) {
    const checks = items.map(
      (item): Write => ({
        item: {
          ConditionCheck: {
            TableName: db.tableName,
            Key: keys.item(item.id),
            ConditionExpression: "version = :version",
            ExpressionAttributeValues: { ":version": item.version },
          },
        },
        onConditionFailed: new ItemMoved(item.id),
      }),
    );
    try {
      await commitWithChanges(
        db,
        checks,
        items.map((item) => publicChangeOf(null, item, publicSince(item))),
      );
      return;
    } catch (error) {
      if (!(error instanceof ItemMoved)) throw error;
      const { Item: now } = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: keys.item(error.itemId), ConsistentRead: true }),
      );
      const moved = itemFromRecord(now as Record<string, unknown>);
      items = items.map((item) => (item.id === moved.id ? moved : item));
    }
  }
}

export type PublicChangeRepository = ReturnType<typeof publicChangeRepository>;
