import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
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
import { commit, type Write } from "./transaction.ts";

/**
 * The public change feed (ADR 0059). A change reserves the next numbers (an atomic ADD on one
 * counter, no condition, so concurrent changes never retry each other) and puts its entries
 * under them in its own transaction, each only if the number is still free. A number whose
 * change failed is closed at once with a `skip` record; one whose writer died is closed by a
 * reader once a later entry is older than any change can take (`gapGraceMs`). Every number thus
 * ends as exactly one record, entry or skip, written once; a reader passes a number only when
 * it holds that record, so it never skips an entry and never reads one twice.
 */

/** A reader closed the number while its change was still on the way: take new numbers. */
class NumberClosed extends DomainError {
  constructor() {
    super("conflict", "公开变更序号已关闭");
  }
}

/** A backfilled item changed after it was read: its entry is made again from the item as it is. */
class ItemMoved extends DomainError {
  constructor(readonly itemId: string) {
    super("conflict", "信息已被修改");
  }
}

/**
 * How long after a later entry a missing number is taken as a change that will never come.
 * Past any one change's life: a Lambda's 20 s timeout, or the local server's tries of 5 s each
 * (ADR 0042). A change slower still is refused its number and takes new ones, so waiting is
 * only about latency, never about correctness.
 */
export const gapGraceMs = 30_000;

/** The same change retried with new numbers at most this often after readers closed its own. */
const maxTries = 3;

/** Reserves `count` numbers; returns the first. */
export async function reserve(db: Db, count: number): Promise<number> {
  const { Attributes } = await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: keys.publicChangeSequence,
      UpdateExpression: "ADD #value :count SET entity = :entity",
      ExpressionAttributeNames: { "#value": "value" },
      ExpressionAttributeValues: { ":count": count, ":entity": "sequence" },
      ReturnValues: "UPDATED_NEW",
    }),
  );
  return Number(Attributes?.value) - count + 1;
}

/** The last number reserved (0 before the first change), read consistently. */
async function lastReserved(db: Db): Promise<number> {
  const { Item } = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.publicChangeSequence, ConsistentRead: true }),
  );
  return Number(Item?.value ?? 0);
}

const entryWrite = (db: Db, seq: number, record: PublicChangeRecord): Write => ({
  item: {
    Put: {
      TableName: db.tableName,
      // writtenAt is the server's own time: it only tells readers how old a gap before it is.
      Item: { ...keys.publicChange(seq), entity: "public-change", seq, writtenAt: Date.now(), ...record },
      ConditionExpression: "attribute_not_exists(pk)",
    },
  },
  onConditionFailed: new NumberClosed(),
});

/** Closes a number with no entry; false if its entry got there first. */
async function close(db: Db, seq: number): Promise<boolean> {
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...keys.publicChange(seq), entity: "public-change", seq, skip: true, writtenAt: Date.now() },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/**
 * Commits `writes` with the feed entries of the change they make. If the transaction is refused
 * its numbers are closed at once, so readers need not wait for them; if it was refused because a
 * reader had closed them already, it is tried again with new numbers.
 */
export async function commitWithChanges(
  db: Db,
  writes: Write[],
  records: PublicChangeRecord[],
): Promise<void> {
  for (let tries = 1; ; tries++) {
    const first = await reserve(db, records.length);
    const numbers = records.map((_, i) => first + i);
    try {
      await commit(db, [...writes, ...records.map((record, i) => entryWrite(db, first + i, record))]);
      return;
    } catch (error) {
      // Refused (a condition, a rule): closed now, so no reader waits. Not while the database
      // is failing: the 503 must not wait for more calls (ADR 0042); readers close it later.
      const refused = error instanceof DomainError && error.kind !== "unavailable";
      if (refused) await Promise.all(numbers.map((seq) => close(db, seq))).catch(() => undefined);
      if (!(error instanceof NumberClosed) || tries >= maxTries) throw error;
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
  const { pk: _pk, sk: _sk, entity: _entity, writtenAt: _writtenAt, ...entry } = record;
  return entry as PublicChangeEntry;
};

export function publicChangeRepository(db: Db) {
  return {
    /**
     * Up to `limit` numbers after the cursor's, oldest first, read consistently: their entries,
     * without the closed ones. A missing number stops the page (its change may still commit)
     * unless a later entry is older than `gapGraceMs`; then it is closed and passed. `nextCursor`
     * is where to resume, never null (the same position when nothing is new); `full` says every
     * number of the page was settled, so the page never changes. A cursor past the last number
     * reserved is refused.
     */
    async since(
      cursor: string | undefined,
      limit: number,
    ): Promise<{ items: PublicChangeEntry[]; nextCursor: string; full: boolean }> {
      const after = decodeChangeCursor(cursor);
      const { Items = [] } = await db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
          ExpressionAttributeValues: {
            ":pk": keys.publicChangesPartition,
            ":from": keys.publicChange(after + 1).sk,
            ":to": keys.publicChange(after + limit).sk,
          },
          ConsistentRead: true,
        }),
      );
      const items: PublicChangeEntry[] = [];
      let next = after + 1;
      let settled = true;
      for (const record of Items) {
        const seq = Number(record.seq);
        // Numbers before this record with nothing written yet: wait, unless long enough after it.
        const stale = Date.now() - Number(record.writtenAt ?? 0) > gapGraceMs;
        while (next < seq && stale && (await close(db, next))) next++;
        if (next < seq) {
          settled = false;
          break;
        }
        if (record.skip !== true) items.push(entryOf(record));
        next = seq + 1;
      }
      const last = next - 1;
      if (Items.length === 0 && after > 0 && after > (await lastReserved(db))) badCursor();
      return { items, nextCursor: encodeChangeCursor(last), full: settled && last === after + limit };
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
