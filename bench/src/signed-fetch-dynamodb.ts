import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { AwsClient } from "aws4fetch";

/**
 * The lean DynamoDB client ADR 0062 measured and did not adopt: the store's command names and
 * `.input`, marshalled with util-dynamodb, signed with aws4fetch, one POST per call. bench/
 * builds the public frame with this in place of @aws-sdk/lib-dynamodb, client-dynamodb and
 * @smithy/node-http-handler, for its size and cold import only (checked by hand against
 * DynamoDB Local, not by the store's suites). Enough of a client that its bytes are a fair count: marshalling both ways, the
 * signature, errors by name with the transaction's reasons, retries with backoff on
 * throttling, per-attempt timeouts, credentials from the Lambda environment.
 */

type Input = Record<string, unknown>;

abstract class Command {
  abstract readonly operation: string;
  constructor(readonly input: Input) {}
}

/** Key, Item, ExpressionAttributeValues and the like, marshalled wherever they are nested. */
const marshalled = new Set(["Key", "Item", "ExpressionAttributeValues", "ExclusiveStartKey"]);
function toWire(value: unknown, key = ""): unknown {
  if (marshalled.has(key) && value && typeof value === "object")
    return marshall(value as Input, { removeUndefinedValues: true, convertClassInstanceToMap: false });
  // BatchGetItem's keys: an array of keys.
  if (key === "Keys" && Array.isArray(value)) return value.map((k) => toWire(k, "Key"));
  if (Array.isArray(value)) return value.map((v) => toWire(v));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v, k)]));
  return value;
}
const unmarshalledOut = new Set(["Item", "Attributes", "LastEvaluatedKey"]);
function fromWire(value: unknown, key = ""): unknown {
  if (unmarshalledOut.has(key) && value && typeof value === "object") return unmarshall(value as never);
  if (key === "Items" && Array.isArray(value)) return value.map((item) => unmarshall(item));
  // BatchGetItem's answers and what it left: items by table, keys by table.
  if (key === "Responses" && value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([table, items]) => [table, fromWire(items, "Items")]),
    );
  if (key === "Keys" && Array.isArray(value)) return value.map((k) => unmarshall(k));
  if (Array.isArray(value)) return value.map((v) => fromWire(v));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromWire(v, k)]));
  return value;
}

const command = (operation: string) =>
  class extends Command {
    readonly operation = operation;
  };
export const GetCommand = command("GetItem");
export const PutCommand = command("PutItem");
export const UpdateCommand = command("UpdateItem");
export const DeleteCommand = command("DeleteItem");
export const QueryCommand = command("Query");
export const ScanCommand = command("Scan");
export const BatchGetCommand = command("BatchGetItem");
export const BatchWriteCommand = command("BatchWriteItem");
export const TransactWriteCommand = command("TransactWriteItems");
export const DescribeTableCommand = command("DescribeTable");
export const CreateTableCommand = command("CreateTable");
export const UpdateTableCommand = command("UpdateTable");
export const UpdateTimeToLiveCommand = command("UpdateTimeToLive");

/** DynamoDB's error, named as the SDK names it, so the store's checks read the same. */
export class DynamoDBError extends Error {
  constructor(
    override readonly name: string,
    message: string,
    readonly $metadata: { httpStatusCode: number },
    readonly CancellationReasons?: { Code?: string }[],
  ) {
    super(message);
  }
}
const named = (name: string) =>
  class extends DynamoDBError {
    static override [Symbol.hasInstance](error: unknown) {
      return error instanceof DynamoDBError && error.name === name;
    }
  };
export const ConditionalCheckFailedException = named("ConditionalCheckFailedException");
export const TransactionCanceledException = named("TransactionCanceledException");
export const ResourceNotFoundException = named("ResourceNotFoundException");
export const ResourceInUseException = named("ResourceInUseException");

const retried = new Set([
  "ThrottlingException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
]);

export type SignedFetchConfig = {
  region?: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  maxAttempts?: number;
  requestTimeout?: number;
};

export class DynamoDBClient {
  readonly middlewareStack = { add: () => {} };
  private readonly aws: AwsClient;
  private readonly url: string;
  constructor(private readonly config: SignedFetchConfig = {}) {
    const region = config.region ?? process.env.AWS_REGION ?? "cn-north-1";
    const { AWS_ACCESS_KEY_ID = "", AWS_SECRET_ACCESS_KEY = "", AWS_SESSION_TOKEN } = process.env;
    const credentials = config.credentials ?? {
      accessKeyId: AWS_ACCESS_KEY_ID,
      secretAccessKey: AWS_SECRET_ACCESS_KEY,
      ...(AWS_SESSION_TOKEN ? { sessionToken: AWS_SESSION_TOKEN } : {}),
    };
    this.aws = new AwsClient({ ...credentials, region, service: "dynamodb", retries: 0 });
    this.url =
      config.endpoint ?? `https://dynamodb.${region}.amazonaws.com${region.startsWith("cn-") ? ".cn" : ""}`;
  }

  async send(call: Command): Promise<Record<string, unknown>> {
    const body = JSON.stringify(toWire(call.input));
    const attempts = this.config.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      const response = await this.aws.fetch(this.url, {
        method: "POST",
        headers: {
          "content-type": "application/x-amz-json-1.0",
          "x-amz-target": `DynamoDB_20120810.${call.operation}`,
        },
        body,
        signal: AbortSignal.timeout(this.config.requestTimeout ?? 1_500),
      });
      const answer = (await response.json()) as Record<string, unknown>;
      if (response.ok) return fromWire(answer) as Record<string, unknown>;
      const name =
        String(answer.__type ?? "")
          .split("#")
          .pop() ?? "UnknownError";
      if ((retried.has(name) || response.status >= 500) && attempt < attempts) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 ** attempt * 50));
        continue;
      }
      throw new DynamoDBError(
        name,
        String(answer.message ?? answer.Message ?? name),
        { httpStatusCode: response.status },
        answer.CancellationReasons as { Code?: string }[] | undefined,
      );
    }
  }

  destroy() {}
}

export const DynamoDBDocumentClient = { from: (client: DynamoDBClient) => client };

/** The store passes a request handler for the SDK; this client times each attempt itself. */
export class NodeHttpHandler {
  constructor(readonly options: unknown) {}
}
