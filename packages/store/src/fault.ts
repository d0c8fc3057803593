import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { DomainError } from "@gov/domain";

/**
 * A database fault is the database not serving now, through no fault of the request: it was
 * busy (throttled), slow (timed out), unreachable or failing (5xx). The SDK has already retried
 * each of these (`callLimits`); what is left is one answer for the caller, 503 with
 * Retry-After (ADR 0042). Every other error keeps its meaning (a failed condition, a bad request).
 */
const busy = new Set([
  "ThrottlingException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  // A retried transaction whose first try the database is still applying.
  "TransactionInProgressException",
]);
const timedOut = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException"]);
const unreachable = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
/** What a cancelled transaction names for a write the database was too busy to do. */
const busyReasons = new Set(["ThrottlingError", "ProvisionedThroughputExceeded"]);

type SdkError = { name?: string; code?: string; cause?: unknown; $metadata?: { httpStatusCode?: number } };

function isDatabaseFault(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 3) return false;
  if (error instanceof TransactionCanceledException) return cancelledForBusy(error);
  const { name = "", code = "", cause, $metadata } = error as SdkError;
  return (
    busy.has(name) ||
    timedOut.has(name) ||
    unreachable.has(code) ||
    ($metadata?.httpStatusCode ?? 0) >= 500 ||
    isDatabaseFault(cause, depth + 1)
  );
}

/** Only when every write that failed failed for load: a failed condition keeps its meaning. */
function cancelledForBusy(error: TransactionCanceledException): boolean {
  const failed = (error.CancellationReasons ?? []).filter((r) => r.Code && r.Code !== "None");
  return failed.length > 0 && failed.every((r) => busyReasons.has(r.Code as string));
}

/** The error a repository raises: a fault becomes "unavailable", keeping the SDK's error as its cause. */
export function unavailableIfFault(error: unknown): unknown {
  if (!isDatabaseFault(error)) return error;
  const unavailable = new DomainError("unavailable", "数据库暂时无法访问，请稍后重试");
  unavailable.cause = error;
  return unavailable;
}
