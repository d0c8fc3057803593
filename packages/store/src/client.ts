import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { unavailableIfFault } from "./fault.ts";

export type StoreConfig = {
  tableName: string;
  /** Set for DynamoDB Local; unset in Lambda, where the SDK finds the region and credentials. */
  endpoint?: string;
  region?: string;
  /** Timeouts and attempts; by default `callLimits.local` with an endpoint, else `callLimits.cloud`. */
  limits?: CallLimits;
};

/** How long one DynamoDB call may take before its caller hears 503 (ADR 0042). */
export type CallLimits = {
  /** TCP connect of one attempt. */
  connectionTimeout: number;
  /** One attempt, from sending until the answer's first byte; also the longest silence in the answer. */
  requestTimeout: number;
  /** The first try included; the SDK's standard mode backs off between them. */
  maxAttempts: number;
};

/**
 * The figures and their reasons are in the README ("Timeouts and retries"). In the cloud a
 * call takes milliseconds: three tries of 1.5 s end within 5 s, far inside Lambda's 20 s and
 * API Gateway's 30 s. DynamoDB Local shares a developer's CPU with the apps and was measured
 * at up to 2.8 s a call while seeding: a shorter try there would fail writes that succeed.
 */
export const callLimits = {
  cloud: { connectionTimeout: 1_000, requestTimeout: 1_500, maxAttempts: 3 },
  local: { connectionTimeout: 5_000, requestTimeout: 5_000, maxAttempts: 3 },
} as const satisfies Record<string, CallLimits>;

/**
 * Counts DynamoDB calls by command, so benchmarks and tests can show what a request costs.
 * Read-only: only the client's own middleware counts.
 */
export type CallCounter = {
  readonly total: number;
  readonly byCommand: Readonly<Record<string, number>>;
  /** Read capacity units DynamoDB reports for reads (ReturnConsumedCapacity), e.g. the 督办 bench's. */
  readonly readUnits: number;
  /** Write capacity units DynamoDB reports for writes, so a bench can show what a publication costs. */
  readonly writeUnits: number;
};

const writes = new Set([
  "PutItemCommand",
  "UpdateItemCommand",
  "DeleteItemCommand",
  "BatchWriteItemCommand",
  "TransactWriteItemsCommand",
]);

/** The reads whose capacity is counted: every way the store reads the table. */
const reads = new Set([
  "GetItemCommand",
  "QueryCommand",
  "ScanCommand",
  "BatchGetItemCommand",
  "TransactGetItemsCommand",
]);

type Consumed = { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;
const unitsOf = (consumed: Consumed): number =>
  (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce(
    (sum, c) => sum + (c.CapacityUnits ?? 0),
    0,
  );

export type Db = {
  doc: DynamoDBDocumentClient;
  tableName: string;
  calls: CallCounter;
  destroy(): void;
};

export function connect(config: StoreConfig): Db {
  const { connectionTimeout, requestTimeout, maxAttempts } =
    config.limits ?? (config.endpoint ? callLimits.local : callLimits.cloud);
  const client = new DynamoDBClient({
    region: config.region ?? "cn-north-1",
    ...(config.endpoint
      ? { endpoint: config.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
    maxAttempts,
    // Adaptive mode may hold a call back to pace the client, which no bound above would cover.
    retryMode: "standard",
    requestHandler: new NodeHttpHandler({
      connectionTimeout,
      requestTimeout,
      // Without this the SDK only logs a warning when requestTimeout passes, and keeps waiting.
      throwOnRequestTimeout: true,
      socketTimeout: requestTimeout,
      // Reused connections spare each call a TCP (and, in the cloud, TLS) handshake.
      httpAgent: { keepAlive: true, maxSockets: 50 },
      httpsAgent: { keepAlive: true, maxSockets: 50 },
    }),
  });
  const calls = { total: 0, byCommand: {} as Record<string, number>, readUnits: 0, writeUnits: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? "unknown";
      calls.total += 1;
      calls.byCommand[name] = (calls.byCommand[name] ?? 0) + 1;
      const read = reads.has(name);
      if (!read && !writes.has(name)) return next(args);
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = "TOTAL";
      const result = await next(args);
      const units = unitsOf((result.output as { ConsumedCapacity?: Consumed }).ConsumedCapacity);
      if (read) calls.readUnits += units;
      else calls.writeUnits += units;
      return result;
    },
    { step: "initialize", name: "countCalls" },
  );
  // Outside the SDK's retries: it sees only the failure that is left once they are spent.
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        throw unavailableIfFault(error);
      }
    },
    { step: "initialize", name: "unavailableOnFault", priority: "high" },
  );
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { doc, tableName: config.tableName, calls, destroy: () => client.destroy() };
}
