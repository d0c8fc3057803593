import type { Item } from "@gov/domain";
import type { Store } from "@gov/store";
import type { Scenario } from "./scenarios.ts";

/** Indexes a loaded item for search exactly as a publication does after its commit. */
export type SearchIndexer = (item: Item) => Promise<void>;

export function searchIndexer(store: Store): SearchIndexer {
  return (item) => store.search.index(item.id);
}

/** Realistic portal searches: a service, a policy area, a document type, a place, a 文号. */
export const searchQueries = [
  "社会救助",
  "就业创业补贴",
  "政府采购 中标结果",
  "空气质量",
  "停车管理办法",
  "甘露镇",
  "共府办发[2019]82号",
];

/** True when the public API answers search (any status but 404 means the route exists). */
export async function searchAvailable(baseUrl: string): Promise<boolean> {
  const res = await fetch(
    `${baseUrl}/public/v1/search?q=${encodeURIComponent(searchQueries[0] ?? "社会救助")}`,
  );
  await res.arrayBuffer();
  return res.status !== 404;
}

/**
 * The same queries through the cached app, each request a different answer (another page
 * size, another unit), so the answer cache misses every time and only the per-term posting
 * cache (ADR 0056) can help: what a portal's varied searches cost once their terms are warm.
 */
export function postingCacheScenario(cachedUrl: string, unitCodes: string[]): Scenario {
  const paths: string[] = [];
  for (const unit of ["", ...unitCodes])
    for (let limit = 1; limit <= 100; limit++)
      for (const q of searchQueries)
        paths.push(
          `/public/v1/search?q=${encodeURIComponent(q)}&limit=${limit}${unit ? `&unit=${unit}` : ""}`,
        );
  return {
    name: "search, posting cache",
    description: `the same queries through the cached app, ${paths.length} distinct answers (answer cache misses, term postings cached)`,
    baseUrl: cachedUrl,
    paths,
  };
}
