import { fail } from "@gov/domain";

type Key = Record<string, string>;

/** Opaque paging cursor: base64url of DynamoDB's LastEvaluatedKey. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString("base64url") : null;
}

/**
 * Decodes a cursor and checks it belongs to the partition being read, so a forged or
 * mismatched cursor is a 400, never a DynamoDB error.
 */
export function decodeCursor(
  cursor: string | undefined,
  partition: { attribute: string; value: string },
): Key | undefined {
  if (!cursor) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    key = undefined;
  }
  const valid =
    typeof key === "object" &&
    key !== null &&
    Object.values(key).every((v) => typeof v === "string") &&
    (key as Key)[partition.attribute] === partition.value;
  if (!valid) fail("validation", "分页游标无效", [{ path: "cursor", message: "分页游标无效或已过期" }]);
  return key as Key;
}
