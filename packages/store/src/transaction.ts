import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { DomainError } from "@gov/domain";
import type { Db } from "./client.ts";

type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/** One write of a transaction and the error to raise when its condition fails. */
export type Write = { item: TransactItem; onConditionFailed: DomainError };

/**
 * Another transaction held one of the records: nothing was written, so the same writes may be
 * tried again (a writer that must succeed, like the public change feed's, does).
 */
export class TransactionConflict extends DomainError {
  constructor() {
    super("conflict", "该记录正被同时修改，请稍后重试");
  }
}

/**
 * Writes that must hold together (a change, its audit entry, its idempotency record) go in
 * one TransactWriteItems: all or nothing.
 */
export async function commit(db: Db, all: Write[]): Promise<void> {
  const writes = withoutRepeats(all);
  // DynamoDB's limit for one transaction; beyond it the change cannot be all-or-nothing.
  if (writes.length > 100)
    throw new DomainError("unprocessable", "一次修改涉及的关联记录过多，请减少关联信息");
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: writes.map((w) => w.item) }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    const failed = reasons.findIndex((r) => r.Code === "ConditionalCheckFailed");
    const write = writes[failed];
    if (write) throw write.onConditionFailed;
    if (reasons.some((r) => r.Code === "TransactionConflict")) {
      throw new TransactionConflict();
    }
    throw error;
  }
}

const keyOf = (write: Write) => {
  const op = write.item.Put ?? write.item.Update ?? write.item.Delete ?? write.item.ConditionCheck;
  const key = (write.item.Put?.Item ?? (op as { Key?: Record<string, unknown> } | undefined)?.Key) as
    | Record<string, unknown>
    | undefined;
  return `${op?.TableName}|${key?.pk}|${key?.sk}`;
};

/** DynamoDB refuses two operations on one record in a transaction; the later write wins. */
function withoutRepeats(writes: Write[]): Write[] {
  const byKey = new Map<string, Write>();
  for (const write of writes) {
    const key = keyOf(write);
    byKey.delete(key);
    byKey.set(key, write);
  }
  return [...byKey.values()];
}
