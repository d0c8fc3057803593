import { AwsClient } from "aws4fetch";

export type DispatchInvocationConfig = {
  /** The dispatcher function's name or ARN (infra sets NOTICE_DISPATCH_FUNCTION). */
  functionName: string;
  region: string;
  /** The calling function's own credentials (Lambda puts them in its environment). */
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  timeoutMs?: number;
};

/**
 * Wakes the notice dispatcher right after a notice is issued (issue 13): Lambda Invoke with
 * `X-Amz-Invocation-Type: Event`, so the caller does not wait for the sending, signed with
 * SigV4 like the CDN invalidation. Best effort: the deliveries are already committed and the
 * dispatcher's one-minute schedule sends them if this call fails (ADR 0048).
 */
export function dispatchInvocation(config: DispatchInvocationConfig): () => Promise<void> {
  const aws = new AwsClient({ ...config.credentials, service: "lambda", region: config.region, retries: 1 });
  const url = `https://lambda.${config.region}.amazonaws.com/2015-03-31/functions/${encodeURIComponent(config.functionName)}/invocations`;
  return async () => {
    const res = await aws.fetch(url, {
      method: "POST",
      headers: { "x-amz-invocation-type": "Event", "content-type": "application/json" },
      body: JSON.stringify({ source: "notice-issued" }),
      signal: AbortSignal.timeout(config.timeoutMs ?? 3000),
    });
    if (res.status !== 202) {
      throw new Error(`Lambda Invoke answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    }
  };
}
