import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { type TrackingKind, trackingCodeAlphabet, trackingCodeLength } from "@gov/domain";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * A tracking code the citizen can read out on the phone (no 0/O, 1/I) and a secret that only
 * the citizen ever sees: the table keeps its SHA-256 (ADR 0018).
 */
export function issueTrackingCredentials(kind: TrackingKind, year: number) {
  const random = randomBytes(trackingCodeLength);
  const code = [...random].map((b) => trackingCodeAlphabet[b % trackingCodeAlphabet.length]).join("");
  const secret = randomBytes(24).toString("base64url");
  return { trackingCode: `${kind}${year}-${code}`, secret, secretHash: sha256(secret) };
}

export function secretMatches(secret: string, secretHash: string): boolean {
  const given = Buffer.from(sha256(secret), "hex");
  const stored = Buffer.from(secretHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}
