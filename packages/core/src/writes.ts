import type { Write } from "@gov/store";

/**
 * Writes a caller adds to a create's own transaction, made from what was created: the HTTP
 * frame stores its Idempotency-Key answer and the intake its submission fingerprint this way,
 * so they commit with the record or not at all.
 */
export type CreateOptions<T> = { alsoWrite?: (created: T) => Write[] };

export const alsoWritten = <T>(options: CreateOptions<T>, created: T): Write[] =>
  options.alsoWrite?.(created) ?? [];
