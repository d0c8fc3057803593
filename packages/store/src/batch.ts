import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "./client.ts";
import type { Write } from "./transaction.ts";

export type WriteRequest =
  | { PutRequest: { Item: Record<string, unknown> } }
  | { DeleteRequest: { Key: Record<string, unknown> } };

/** BatchWriteItem in chunks of 25, a few at a time, retrying what DynamoDB sends back unprocessed. */
export async function batchWrite(db: Db, requests: WriteRequest[]): Promise<void> {
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
  const send = async (chunk: WriteRequest[]) => {
    let pending: WriteRequest[] = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const result = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: pending } }));
      pending = (result.UnprocessedItems?.[db.tableName] ?? []) as WriteRequest[];
    }
  };
  for (let i = 0; i < chunks.length; i += 4) await Promise.all(chunks.slice(i, i + 4).map(send));
}

/**
 * The puts of transaction writes as batch requests: for loading records already decided
 * (an import), where the conditions that guard a live change have nothing to guard.
 */
export function putRequests(writes: Write[]): WriteRequest[] {
  return writes.flatMap((w) => {
    const item = w.item.Put?.Item;
    return item ? [{ PutRequest: { Item: item } }] : [];
  });
}
