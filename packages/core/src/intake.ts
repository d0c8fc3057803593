import { DomainError, fail } from "@gov/domain";
import { type Principal, secretMatches, type Tracked } from "@gov/store";
import type { Deps } from "./deps.ts";

/** What a citizen's status check presents: the tracking code and the secret given once with it. */
export type Credentials = { trackingCode: string; secret: string | undefined };

/**
 * A citizen has no key: the audit log names the portal. An application's entry names the unit
 * applied to, as it always has.
 */
export const citizen = (unitCode = "public"): Principal => ({ unitCode, keyId: "public", roles: [] });

/**
 * After this many wrong secrets within the window that began with the first, the tracking code
 * answers nothing, to anyone, until the window ends (ADR 0041). A secret is 192 random bits,
 * so this is a brake on automated guessing, not the protection itself; 5 leaves room for typing.
 */
const secretLockout = { failures: 5, windowSeconds: 15 * 60 } as const;

/** A tracking code locked by wrong secrets: 429, with the seconds until the window ends. */
export class TrackingCodeLocked extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      "too-many-requests",
      `该查询码的查询密钥错误次数过多，已暂停查询，请${Math.ceil(retryAfterSeconds / 60)}分钟后再试`,
    );
  }
}

/**
 * The record behind a tracking code, only for its secret: unknown code and wrong secret answer
 * alike, so neither can be probed, and both count toward the code's lockout.
 */
export async function byCredentials<Found extends { secretHash: string }>(
  deps: Deps,
  credentials: Credentials,
  find: (trackingCode: string) => Promise<Tracked<Found>>,
): Promise<Found> {
  const { trackingCode, secret } = credentials;
  if (!secret) return fail("not-found", "查询码或查询密钥不正确");
  const { found, failures } = await find(trackingCode);
  const now = deps.clock().getTime();
  if (failures && failures.count >= secretLockout.failures && failures.windowEndsAt > now) {
    throw new TrackingCodeLocked(Math.ceil((failures.windowEndsAt - now) / 1000));
  }
  if (!found || !secretMatches(secret, found.secretHash)) {
    await deps.store.secretFailures.record(trackingCode, now, secretLockout.windowSeconds);
    return fail("not-found", "查询码或查询密钥不正确");
  }
  return found;
}
