import { general, type Json, publishHarness } from "@gov/publish/testing";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublicApp } from "../app.ts";

let h: Awaited<ReturnType<typeof publishHarness>>;
type Published = Json & { indexNumber: string };
let published: Published[];
let withdrawn: Published;

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  const dept = await h.unit("000000603");
  published = [];
  for (let n = 1; n <= 3; n++) published.push((await dept.publish(general(`第${n}号通知`))) as Published);
  withdrawn = (await dept.publish(general("已撤回的通知"))) as Published;
  await h.call("POST", `/items/${withdrawn.id}/withdraw`, dept.reviewer, { reason: "发布有误" });
});

const xml = new XMLParser();
const read = async (app: ReturnType<typeof createPublicApp>, path: string) => {
  const res = await app.request(`http://portal.example${path}`);
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
};
const locations = (text: string): string[] => {
  const doc = xml.parse(text);
  const entries = doc.urlset?.url ?? doc.sitemapindex?.sitemap;
  return [entries].flat().map((e: { loc: string }) => e.loc);
};
const itemUrl = (item: { indexNumber: string }) =>
  `http://portal.example/public/items/${encodeURIComponent(item.indexNumber)}`;

describe("robots.txt and the site map (issue 16)", () => {
  it("robots.txt keeps crawlers out of the personal pages and names the site map", async () => {
    const res = await read(createPublicApp(h.deps), "/robots.txt");
    for (const path of [
      "/public/apply/",
      "/public/mailbox/status",
      "/public/mailbox/receipt",
      "/public/v1/applications",
    ]) {
      expect(res.text).toContain(`Disallow: ${path}\n`);
    }
    expect(res.text).not.toMatch(/Disallow: \/public\/items/);
    expect(res.text).toContain("Sitemap: http://portal.example/public/sitemap.xml");
  });

  it("sitemap.xml lists every published item by its 索引号 address, and not a withdrawn one", async () => {
    const res = await read(createPublicApp(h.deps), "/sitemap.xml");
    expect(res.type).toBe("application/xml; charset=utf-8");
    const urls = locations(res.text);
    for (const item of published) expect(urls).toContain(itemUrl(item));
    expect(urls).not.toContain(itemUrl(withdrawn));
  });

  it("past the per-file limit (50,000 by the protocol; 4 here) sitemap.xml is an index of files that together list every page and item, none over the limit", async () => {
    const perFile = 4;
    const app = createPublicApp(h.deps, { sitemapUrls: perFile });
    const whole = locations((await read(createPublicApp(h.deps), "/sitemap.xml")).text);
    const files = locations((await read(app, "/sitemap.xml")).text);
    expect(files.length).toBe(Math.ceil(whole.length / perFile));
    expect(files[0]).toBe("http://portal.example/public/sitemaps/1.xml");
    const listed = [];
    for (const file of files) {
      const urls = locations((await read(app, new URL(file).pathname.replace("/public", ""))).text);
      expect(urls.length, file).toBeLessThanOrEqual(perFile);
      listed.push(...urls);
    }
    expect(listed).toEqual(whole);
    for (const item of published) expect(listed).toContain(itemUrl(item));
    expect(listed).toContain("http://portal.example/public/mailbox/replies");
    expect((await read(app, `/sitemaps/${files.length + 1}.xml`)).status).toBe(404);
  });
});
