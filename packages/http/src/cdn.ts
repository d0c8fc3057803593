import type { PublicChangeListener } from "@gov/core";
import { AwsClient } from "aws4fetch";

export type CdnInvalidationConfig = {
  distributionId: string;
  /** The function's own credentials (Lambda puts them in its environment). */
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Give up after this long: the short Cache-Control windows are the guarantee, this is a courtesy. */
  timeoutMs?: number;
};

/**
 * Every public answer a change can reach (the item by id and by 索引号, its lists, feeds,
 * search, exports, statistics and the items linked to it), as one wildcard path: one path
 * of CloudFront's 1,000 free a month, and one of the 15 wildcard invalidations it runs at
 * once (ADR 0041).
 */
export const invalidatedPaths = ["/public/v1/*"];

const endpoint = "https://cloudfront.amazonaws.com/2020-05-31/distribution";

const batch = (callerReference: string) =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<InvalidationBatch xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">',
    `<CallerReference>${callerReference}</CallerReference>`,
    `<Paths><Quantity>${invalidatedPaths.length}</Quantity><Items>`,
    ...invalidatedPaths.map((path) => `<Path>${path}</Path>`),
    "</Items></Paths>",
    "</InvalidationBatch>",
  ].join("");

/**
 * Asks CloudFront to drop its copies of public answers once a public change is committed
 * (CreateInvalidation, signed with SigV4). Best effort: a failure or a slow answer is logged
 * and the change stands; the CDN's 30-second window still ends it within the minute.
 */
export function cdnInvalidation(config: CdnInvalidationConfig): PublicChangeListener {
  const aws = new AwsClient({
    ...config.credentials,
    service: "cloudfront",
    region: "us-east-1",
    retries: 1,
  });
  return async (change) => {
    const callerReference = `${change.action}-${change.itemId}-${crypto.randomUUID()}`;
    const res = await aws.fetch(`${endpoint}/${encodeURIComponent(config.distributionId)}/invalidation`, {
      method: "POST",
      headers: { "content-type": "application/xml" },
      body: batch(callerReference),
      signal: AbortSignal.timeout(config.timeoutMs ?? 3000),
    });
    if (res.status !== 201) {
      throw new Error(
        `CloudFront CreateInvalidation answered ${res.status}: ${(await res.text()).slice(0, 300)}`,
      );
    }
  };
}
