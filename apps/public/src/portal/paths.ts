/**
 * Where the portal's pages live: beside the JSON API under the public app's base path, as the
 * local server and API Gateway mount it. Links in pages are absolute paths from here.
 */
export const portalBase = "/public";

/** The page of an item: by its 索引号 when it has one (the address people cite), else by id. */
export const itemPath = (item: { id: string; indexNumber: string | null }) =>
  `${portalBase}/items/${encodeURIComponent(item.indexNumber ?? item.id)}`;

/** A list, as the list page filters it (column, unit, …). */
export const listPath = (filter: Record<string, string>) =>
  `${portalBase}/items?${new URLSearchParams(filter)}`;

/** An absolute address on the host the visitor asked, for canonical links, Open Graph and the site map. */
export const absolute = (requestUrl: string, path: string) => `${new URL(requestUrl).origin}${path}`;
