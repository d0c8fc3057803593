import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export type StoreConfig = {
  tableName: string;
  /** Set for DynamoDB Local; unset in Lambda, where the SDK finds the region and credentials. */
  endpoint?: string;
  region?: string;
};

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
  const client = new DynamoDBClient({
    region: config.region ?? "cn-north-1",
    ...(config.endpoint
      ? { endpoint: config.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
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
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { doc, tableName: config.tableName, calls, destroy: () => client.destroy() };
}
