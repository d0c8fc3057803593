import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { DomainError } from "@gov/domain";
import type { Db } from "./client.ts";
import type { Write } from "./transaction.ts";

export type WriteRequest =
  | { PutRequest: { Item: Record<string, unknown> } }
  | { DeleteRequest: { Key: Record<string, unknown> } };

export type BatchOptions = {
  /** Calls in flight (4 by default). */
  inFlight?: number;
  /** Bytes per call at most (besides the 25 requests): large packed records make slow calls. */
  maxBytes?: number;
  /** Whole calls retried after a fault (a timeout): puts and deletes may be sent twice. */
  faultRetries?: number;
};

const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));

/**
 * BatchWriteItem in chunks of 25 (and of `maxBytes`), a few at a time, retrying what DynamoDB
 * sends back unprocessed with a growing pause; a bulk load also retries a call that failed.
 */
export async function batchWrite(
  db: Db,
  requests: WriteRequest[],
  options: BatchOptions = {},
): Promise<void> {
  const { inFlight = 4, maxBytes = Number.POSITIVE_INFINITY, faultRetries = 0 } = options;
  const chunks: WriteRequest[][] = [];
  let chunk: WriteRequest[] = [];
  let bytes = 0;
  for (const request of requests) {
    const size = maxBytes === Number.POSITIVE_INFINITY ? 0 : Buffer.byteLength(JSON.stringify(request));
    if (chunk.length === 25 || (chunk.length > 0 && bytes + size > maxBytes)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(request);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  const send = async (chunk: WriteRequest[]) => {
    let pending: WriteRequest[] = chunk;
    for (let attempt = 0, faults = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await pause(attempt);
      try {
        const result = await db.doc.send(
          new BatchWriteCommand({ RequestItems: { [db.tableName]: pending } }),
        );
        pending = (result.UnprocessedItems?.[db.tableName] ?? []) as WriteRequest[];
      } catch (error) {
        if (++faults > faultRetries || !(error instanceof DomainError) || error.kind !== "unavailable")
          throw error;
      }
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
