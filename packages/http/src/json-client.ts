/** Anything that answers a request: a Hono app's `request`, or `fetch` with a base URL. */
export type Send = (path: string, init: RequestInit) => Response | Promise<Response>;

/**
 * The one small JSON client the tests, the end-to-end tests and the demo seeding call the API
 * through: a bearer key, a JSON body (a string is sent as it is, to test malformed bodies),
 * and the answer parsed when it is JSON.
 */
export function jsonClient<Body = unknown>(send: Send) {
  return async (
    method: string,
    path: string,
    key?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await send(path, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    const json =
      res.headers.get("content-type")?.includes("json") && text ? JSON.parse(text) : text || undefined;
    return {
      status: res.status,
      headers: res.headers,
      etag: res.headers.get("etag") ?? "",
      body: json as Body,
    };
  };
}
