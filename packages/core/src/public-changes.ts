/**
 * A change the public sees: an item went live, was corrected (a revision approved), was
 * withdrawn or changed validity. Its detail by id and by 索引号, its column lists, feeds,
 * search, exports, statistics and the details of the items linked to it all change with it.
 */
export type PublicChange = { itemId: string; action: "approve" | "withdraw" | "validity" };

export type PublicChangeListener = (change: PublicChange) => void | Promise<void>;

/**
 * The one way a committed public change reaches what keeps copies of public answers: the
 * instance cache of a public app in the same process, and a CDN in front of the public API.
 * Listeners are awaited, so a Lambda is not frozen half-way through telling a CDN; a listener
 * that fails is logged and never undoes the change, which is already committed (ADR 0041).
 */
export function publicChanges() {
  const listeners = new Set<PublicChangeListener>();
  return {
    subscribe(listener: PublicChangeListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async emit(change: PublicChange): Promise<void> {
      const results = await Promise.allSettled([...listeners].map(async (listener) => listener(change)));
      for (const result of results) {
        if (result.status === "rejected") {
          console.error(
            JSON.stringify({
              level: "warn",
              event: "public-change-listener-failed",
              itemId: change.itemId,
              error: String(result.reason),
            }),
          );
        }
      }
    },
  };
}
export type PublicChanges = ReturnType<typeof publicChanges>;
