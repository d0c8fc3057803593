import { fail } from "@gov/domain";
import { type Principal, secretMatches } from "@gov/store";

/** What a citizen's status check presents: the tracking code and the secret given once with it. */
export type Credentials = { trackingCode: string; secret: string | undefined };

/**
 * A citizen has no key: the audit log names the portal. An application's entry names the unit
 * applied to, as it always has.
 */
export const citizen = (unitCode = "public"): Principal => ({ unitCode, keyId: "public", roles: [] });

/** The record behind a tracking code, only for its secret: unknown code and wrong secret answer alike, so neither can be probed. */
export async function byCredentials<Found extends { secretHash: string }>(
  credentials: Credentials,
  find: (trackingCode: string) => Promise<Found | undefined>,
): Promise<Found> {
  const { trackingCode, secret } = credentials;
  const found = secret ? await find(trackingCode) : undefined;
  if (!found || !secret || !secretMatches(secret, found.secretHash)) {
    return fail("not-found", "查询码或查询密钥不正确");
  }
  return found;
}
