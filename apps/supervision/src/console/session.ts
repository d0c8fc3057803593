import { Role, UnitCode } from "@gov/domain";
import type { Principal } from "@gov/store";
import { z } from "zod";

/**
 * The console's session (ADR 0054): who signed in, carried in a cookie signed with
 * HMAC-SHA256 (Web Crypto, so it runs unchanged in Lambda), expiring after `sessionHours`.
 * It holds the key's id, unit and roles, never the key: a stolen cookie ends with its expiry
 * and cannot be turned into API access.
 */
export const sessionHours = 8;

const Payload = z.strictObject({
  keyId: z.string().min(1).max(64),
  unitCode: UnitCode,
  roles: z.array(Role).min(1),
  /** Seconds since the epoch after which the session is refused. */
  expiresAt: z.number().int(),
});

export type Session = Principal & { expiresAt: number };

/** The signing key: base64 of at least 32 random bytes (`openssl rand -base64 32`). */
export const SessionKey = z
  .string()
  .trim()
  .refine((value) => Buffer.from(value, "base64").length >= 32, "须为至少32字节随机数的base64编码");

const encoder = new TextEncoder();
const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

export type Signer = {
  sign(text: string): Promise<string>;
  verify(text: string, signature: string): Promise<boolean>;
};

/** HMAC-SHA256 under the configured key; verification is Web Crypto's own, in constant time. */
export async function hmacSigner(key: string): Promise<Signer> {
  const secret = await crypto.subtle.importKey(
    "raw",
    Buffer.from(SessionKey.parse(key), "base64"),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
  return {
    async sign(text) {
      return base64url(new Uint8Array(await crypto.subtle.sign("HMAC", secret, encoder.encode(text))));
    },
    async verify(text, signature) {
      const bytes = Buffer.from(signature, "base64url");
      // A signature of the wrong length is refused without asking (base64url decoding is lenient).
      if (bytes.length !== 32 || base64url(bytes) !== signature) return false;
      return crypto.subtle.verify("HMAC", secret, bytes, encoder.encode(text));
    },
  };
}

/** The cookie's value for a principal signed in at `now`: `<payload>.<signature>`, both base64url. */
export async function sealSession(signer: Signer, principal: Principal, now: Date): Promise<string> {
  const payload = Payload.parse({
    keyId: principal.keyId,
    unitCode: principal.unitCode,
    roles: principal.roles,
    expiresAt: Math.floor(now.getTime() / 1000) + sessionHours * 3600,
  });
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  // The purpose is signed with the payload, so a CSRF token can never pass for a session.
  return `${body}.${await signer.sign(`session.${body}`)}`;
}

/** The session a cookie carries, if its signature holds and it has not expired at `now`; else none. */
export async function openSession(
  signer: Signer,
  cookie: string | undefined,
  now: Date,
): Promise<Session | undefined> {
  const [body, signature, ...rest] = (cookie ?? "").split(".");
  if (!body || !signature || rest.length > 0) return undefined;
  if (!(await signer.verify(`session.${body}`, signature))) return undefined;
  let parsed: z.ZodSafeParseResult<z.infer<typeof Payload>>;
  try {
    parsed = Payload.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
  } catch {
    return undefined;
  }
  if (!parsed.success || parsed.data.expiresAt * 1000 <= now.getTime()) return undefined;
  return parsed.data;
}
