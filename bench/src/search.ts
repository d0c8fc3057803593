import type { Item } from "@gov/domain";
import type { Store } from "@gov/store";

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
