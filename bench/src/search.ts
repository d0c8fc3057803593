import type { Item } from "@gov/domain";
import * as storeModule from "@gov/store";
import { commit, type Store, type Write } from "@gov/store";

/**
 * Search arrives in a separate issue. The benchmark looks for it at run time, so it neither
 * fails to compile before search exists nor needs editing once it lands:
 * - indexing: `applySearchIndex` exported by @gov/store, called after each item is written;
 * - querying: `GET /public/v1/search?q=` answering anything but 404.
 * The call below assumes `applySearchIndex(db, item)` (or `(db, before, item)` for a
 * three-parameter function) that either writes the index itself or returns the writes to
 * commit. If the real signature differs, this is the one place to adjust.
 */
export type SearchIndexer = (item: Item) => Promise<void>;

type Apply = (...args: unknown[]) => unknown;

export function searchIndexer(store: Store): SearchIndexer | undefined {
  const apply = (storeModule as Record<string, unknown>).applySearchIndex;
  if (typeof apply !== "function") return undefined;
  const call = apply as Apply;
  return async (item) => {
    const result = await (call.length >= 3 ? call(store.db, undefined, item) : call(store.db, item));
    if (!Array.isArray(result)) return;
    const writes = result as Write[];
    // A transaction holds at most 100 writes; a long body may index into more.
    for (let i = 0; i < writes.length; i += 100) await commit(store.db, writes.slice(i, i + 100));
  };
}

/** Realistic portal searches: a service, a policy area, a document type, a place. */
export const searchQueries = [
  "社会救助",
  "就业创业补贴",
  "政府采购 中标结果",
  "空气质量",
  "停车管理办法",
  "甘露镇",
];

/** True when the public API answers search (any status but 404 means the route exists). */
export async function searchAvailable(baseUrl: string): Promise<boolean> {
  const res = await fetch(
    `${baseUrl}/public/v1/search?q=${encodeURIComponent(searchQueries[0] ?? "社会救助")}`,
  );
  await res.arrayBuffer();
  return res.status !== 404;
}
