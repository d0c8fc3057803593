/** A route as the app's OpenAPI registry holds it: what the cache key needs of it. */
type RouteDefinition = {
  type: string;
  route?: { method: string; path: string; request?: { query?: unknown } };
};

type KeyedRoute = { pattern: RegExp; parameters: string[] };

const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");

/** "/v1/feeds/{columnId}.atom" → a pattern for the request path, under whatever base the app is mounted at. */
const patternOf = (path: string) =>
  new RegExp(`^(?:/[^/]+)*${escapeRegExp(path).replace(/\{[^}]+\}/g, "[^/]+")}$`);

function keyedRoutes(definitions: RouteDefinition[]): KeyedRoute[] {
  return definitions.flatMap((definition) => {
    const route = definition.type === "route" ? definition.route : undefined;
    if (route?.method !== "get") return [];
    const shape = (route.request?.query as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
    return [{ pattern: patternOf(route.path), parameters: Object.keys(shape).sort() }];
  });
}

/**
 * The key of a public answer: its path and, sorted, only the query parameters its route
 * declares. A parameter the route does not know changes nothing in the answer (the route's
 * schema drops it), so `?v=1`, `?v=2`, … are one entry, not one each (ADR 0041). A path no
 * GET route serves has no key: its 404 is cheap and is not kept.
 */
export function cacheKeys(definitions: () => RouteDefinition[]) {
  let routes: KeyedRoute[] | undefined;
  return (url: URL): string | undefined => {
    // Read on first use: the routes are mounted after the cache that needs them.
    routes ??= keyedRoutes(definitions());
    const route = routes.find((r) => r.pattern.test(url.pathname));
    if (!route) return undefined;
    const query = new URLSearchParams();
    for (const name of route.parameters) {
      for (const value of url.searchParams.getAll(name)) query.append(name, value);
    }
    const search = query.toString();
    return search ? `${url.pathname}?${search}` : url.pathname;
  };
}
export type CacheKeys = ReturnType<typeof cacheKeys>;
