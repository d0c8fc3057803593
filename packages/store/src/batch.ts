import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "./client.ts";
import type { Write } from "./transaction.ts";

export type WriteRequest =
  | { PutRequest: { Item: Record<string, unknown> } }
  | { DeleteRequest: { Key: Record<string, unknown> } };

/**
 * BatchWriteItem in chunks of 25, a few at a time (`inFlight`, 4 unless a bulk load asks for
 * more), retrying what DynamoDB sends back unprocessed with a growing pause.
 */
export async function batchWrite(db: Db, requests: WriteRequest[], inFlight = 4): Promise<void> {
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
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) await send(chunks[next++] as WriteRequest[]);
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, chunks.length) }, worker));
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
