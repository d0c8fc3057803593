import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { unavailableIfFault } from "./fault.ts";

export type StoreConfig = {
  tableName: string;
  /** Set for DynamoDB Local; unset in Lambda, where the SDK finds the region and credentials. */
  endpoint?: string;
  region?: string;
};

/**
 * How long one DynamoDB call may take before the caller hears 503: the figures and why are in
 * the README ("Timeouts and retries") and ADR 0042. Three attempts of at most 1.5 s each, with
 * the SDK's backoff between them, end within 5 s, well inside Lambda's and API Gateway's limits.
 */
export const callLimits = {
  /** TCP connect; DynamoDB in the same region answers in milliseconds. */
  connectionTimeout: 1_000,
  /** From sending until the answer's first byte, and the longest silence while reading it. */
  requestTimeout: 1_500,
  /** The first try and two retries. */
  maxAttempts: 3,
  retryMode: "standard",
} as const;

/**
 * Counts DynamoDB calls by command, so benchmarks and tests can show what a request costs.
 * Read-only: only the client's own middleware counts.
 */
export type CallCounter = { readonly total: number; readonly byCommand: Readonly<Record<string, number>> };

export type Db = {
  doc: DynamoDBDocumentClient;
  tableName: string;
  calls: CallCounter;
  destroy(): void;
};

export function connect(config: StoreConfig): Db {
  const { connectionTimeout, requestTimeout, maxAttempts, retryMode } = callLimits;
  const client = new DynamoDBClient({
    region: config.region ?? "cn-north-1",
    ...(config.endpoint
      ? { endpoint: config.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
    maxAttempts,
    retryMode,
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
  const calls = { total: 0, byCommand: {} as Record<string, number> };
  client.middlewareStack.add(
    (next, context) => (args) => {
      const name = context.commandName ?? "unknown";
      calls.total += 1;

      calls.byCommand[name] = (calls.byCommand[name] ?? 0) + 1;
      return next(args);
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
