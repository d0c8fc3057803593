import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { DomainError } from "@gov/domain";
import type { Db } from "./client.ts";

type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/** One write of a transaction and the error to raise when its condition fails. */
export type Write = { item: TransactItem; onConditionFailed: DomainError };

/**
 * Writes that must hold together (a change, its audit entry, its idempotency record) go in
 * one TransactWriteItems: all or nothing.
 */
export async function commit(db: Db, writes: Write[]): Promise<void> {
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: writes.map((w) => w.item) }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    const failed = reasons.findIndex((r) => r.Code === "ConditionalCheckFailed");
    const write = writes[failed];
    if (write) throw write.onConditionFailed;
    if (reasons.some((r) => r.Code === "TransactionConflict")) {
      throw new DomainError("conflict", "该记录正被同时修改，请稍后重试");
    }
    throw error;
  }
}
