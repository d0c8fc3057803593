/** A public answer as the instance keeps it: its bytes and every header the frame set. */
export type CachedAnswer = {
  status: number;
  etag: string | null;
  headers: Record<string, string>;
  body: Uint8Array;
  storedAt: number;
  expires: number;
};

type Entry = CachedAnswer & { bytes: number };

/** What an entry costs beyond its body: the key, the headers and the map's own bookkeeping. */
const overheadBytes = 256;

/** One answer may take at most half the cache, so one large answer cannot flush all the others. */
const largestShare = 1 / 2;

/**
 * The instance's public answers, bounded by bytes (not by count: one 400 KB item weighs as
 * much as a thousand small lists). The map's order is recency: a read moves an entry to the
 * end, and room is made from the front, the least recently used. Expired entries are
 * dropped when read, and by a sweep at most once a second, so they never outlive their window
 * while the instance is serving (ADR 0041).
 */
export function answerCache(maxBytes: number) {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let sweptAt = Number.NEGATIVE_INFINITY;

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  };

  const sweep = (now: number) => {
    if (now - sweptAt < 1000) return;
    sweptAt = now;
    for (const [key, entry] of entries) if (entry.expires <= now) remove(key);
  };

  return {
    get(key: string, now: number): CachedAnswer | undefined {
      sweep(now);
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= now) {
        remove(key);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, entry);
      return entry;
    },

    set(key: string, answer: CachedAnswer, now: number): void {
      sweep(now);
      let size = overheadBytes + key.length + answer.body.byteLength;
      for (const [name, value] of Object.entries(answer.headers)) size += name.length + value.length;
      remove(key);
      if (size > maxBytes * largestShare) return;
      for (const oldest of entries.keys()) {
        if (bytes + size <= maxBytes) break;
        remove(oldest);
      }
      entries.set(key, { ...answer, bytes: size });
      bytes += size;
    },

    /** A public change: every kept answer may show it (the item, its lists, feeds, search, linked items). */
    clear(): void {
      entries.clear();
      bytes = 0;
    },

    /** What it holds now, for tests and logs. */
    usage: () => ({ entries: entries.size, bytes }),
  };
}
export type AnswerCache = ReturnType<typeof answerCache>;
