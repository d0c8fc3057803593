import { connectedFrom } from "@gov/http";
import { publishHarness } from "@gov/publish/testing";
import { createPublicApp } from "./app.ts";
import type { PublicHttpOptionsInput } from "./http-behaviour.ts";

/**
 * A publish app and a public app on one fresh table, for tests that follow a citizen's
 * submission through its handling. Each submission comes from its own client address (the
 * connection's, as Node's server reports it) unless one is given, so rate limits and
 * duplicate recognition act only where a test means them.
 */
export async function citizenHarness(options: PublicHttpOptionsInput = {}, start?: Date) {
  const h = await publishHarness(start);
  const publicApp = createPublicApp(h.deps, {
    corsOrigins: [],
    rateLimit: { requests: 10_000, windowSeconds: 60 },
    cacheSeconds: 0,
    ...options,
  });
  let clients = 0;
  async function post(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
    client = `198.51.100.${++clients % 250}`,
  ) {
    const res = await publicApp.request(
      `/v1${path}`,
      {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      },
      connectedFrom(client),
    );
    return {
      status: res.status,
      headers: res.headers,
      body: (await res.json()) as Record<string, unknown> & { id: string },
    };
  }
  async function get(path: string) {
    const res = await publicApp.request(`/v1${path}`);
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      text,
      body: JSON.parse(text) as Record<string, unknown> & { items: Record<string, unknown>[] },
    };
  }
  return { ...h, publicApp, post, get };
}

export const letterBody = (subject = "关于城区公共停车位不足的建议") => ({
  subject,
  body: "市长您好：建议在老城区增设公共停车位，并公开收费标准。",
  writer: { name: "王先生", phone: "13800000000" },
  consentToPublish: true,
});
