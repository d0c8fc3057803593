import type { Unit } from "@gov/domain";

/**
 * The API's own address as the client called it, up to and including `/v1`, so links in
 * feeds and exports work under any mount prefix (`/public` locally, a custom domain's base
 * path when deployed). Only the stable parts (ids) are derived from data, never the host.
 */
export function apiBase(requestUrl: string): string {
  const url = new URL(requestUrl);
  const at = url.pathname.indexOf("/v1/");
  return `${url.origin}${at < 0 ? "" : url.pathname.slice(0, at)}/v1`;
}

/** The address of the resource itself, without its query: a feed's rel="self". */
export function selfUrl(requestUrl: string): string {
  const url = new URL(requestUrl);
  return `${url.origin}${url.pathname}`;
}

export const itemUrl = (base: string, id: string) => `${base}/items/${encodeURIComponent(id)}`;

/**
 * Unit names by code, and who answers for the city's disclosure as a whole: the office
 * unit (政务公开办) when one is registered.
 */
export function unitDirectory(units: readonly Unit[]) {
  return {
    names: new Map(units.map((u) => [u.code, u.name])),
    publisher: units.find((u) => u.kind === "office")?.name ?? "政府信息公开平台",
  };
}
