import { fail } from "@gov/domain";

/**
 * Optimistic locking as a use case sees it: the version the caller last read (If-Match over
 * HTTP), compared before writing so a stale change fails fast with nothing written; the
 * store's conditional write catches a race after this check.
 */
export function checkVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && current !== expected)
    fail("precondition-failed", `信息已被修改（当前版本${current}），请刷新后重试`);
}
