import type { ZodError } from "zod";
import { forbiddenCharacter } from "./text.ts";

/**
 * One error type per failure kind. Apps map each kind to one HTTP status in one place;
 * the message is user-facing and therefore Chinese.
 */
export type FailureKind =
  | "validation" // 400: the request does not match its schema
  | "unprocessable" // 422: well-formed, but breaks a rule (unknown column, wrong kind for a column)
  | "unauthenticated" // 401
  | "forbidden" // 403: the role does not allow it
  | "not-found" // 404: missing, or another unit's (we do not reveal which)
  | "conflict" // 409: the state does not allow it now
  | "gone" // 410
  | "precondition-failed" // 412: stale version
  | "precondition-required" // 428: If-Match missing
  | "too-many-requests" // 429: a client over its rate limit
  | "unavailable"; // 503: a dependency (the database) is not answering

export type FieldIssue = { path: string; message: string };

export class DomainError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const fail = (kind: FailureKind, message: string, issues: FieldIssue[] = []): never => {
  throw new DomainError(kind, message, issues);
};

/**
 * zod issues as `{ path, message }`: a dotted path (`review.stateSecret`, `keywords.3`),
 * with keys that would be ambiguous or empty written in brackets (`[""]`, `["a.b"]`), so
 * every issue names a field.
 */
export function fieldIssues(error: ZodError, prefix = ""): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const base = fieldPath(issue.path, prefix);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: join(base, key), message: "不允许的字段" }));
    }
    return [{ path: base || "(body)", message: issue.message }];
  });
}

/** A field path as every issue writes it: `applicant.name`, `keywords.3`, `a["b.c"]`. */
export const fieldPath = (segments: readonly PropertyKey[], prefix = ""): string =>
  segments.reduce<string>(join, prefix);

const everyForbidden = new RegExp(forbiddenCharacter.source, "gu");

// A key that is not plain is written as a JSON string with the characters the text rule
// refuses escaped, so a path never carries a control or bidi character back to the sender.
function join(base: string, segment: PropertyKey): string {
  const name = String(segment);
  if (name !== "" && !/[.[\]"\s]/.test(name) && !forbiddenCharacter.test(name)) {
    return base ? `${base}.${name}` : name;
  }
  const quoted = JSON.stringify(name).replace(everyForbidden, (c) =>
    c
      .split("")
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`)
      .join(""),
  );
  return `${base}[${quoted}]`;
}
