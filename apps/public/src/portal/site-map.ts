import { escapeXml, type Item } from "@gov/domain";
import type { AppEnv } from "@gov/http";
import type { Hono } from "hono";
import { publicCacheControl } from "../http-behaviour.ts";
import { absolute, itemPath, portalBase } from "./paths.ts";
import type { C } from "./render.tsx";

/**
 * What crawlers ask for at the site's root, not under the portal's base: whatever fronts the
 * apps (apps/local, the cloud's CDN router) answers these with the portal's own.
 */
export const siteRootFiles = ["/robots.txt", "/sitemap.xml"] as const;

/** The sitemaps protocol's limit of URLs in one file; past it, sitemap.xml becomes an index. */
export const sitemapUrlLimit = 50_000;

/**
 * The pages about one person (receipts, status lookups, a comment's thanks) and the
 * reading-mode form: crawlers keep out. The personal JSON routes likewise.
 */
export const privatePaths = [
  `${portalBase}/apply/`,
  `${portalBase}/mailbox/receipt`,
  `${portalBase}/mailbox/status`,
  `${portalBase}/consultations/*/commented`,
  `${portalBase}/display`,
  `${portalBase}/v1/applications`,
  `${portalBase}/v1/letters/`,
];

const xml = { "content-type": "application/xml; charset=utf-8", "cache-control": publicCacheControl };

/** Every published item, newest first, read page by page (the item index has no ceiling). */
async function publishedItems(c: C): Promise<Item[]> {
  const all: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await c.var.deps.store.items.listPublished({}, { limit: 1000, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** The pages that are the same for everyone and list what the items do not: crawlers start here. */
const sitePages = [
  portalBase,
  `${portalBase}/documents`,
  `${portalBase}/consultations`,
  `${portalBase}/mailbox/replies`,
  `${portalBase}/statistics/applications`,
  `${portalBase}/statistics/letters`,
  `${portalBase}/reports/annual`,
];

type SiteUrl = { path: string; lastmod: string | null };

/** Every address the site map lists, the fixed pages first: they count toward a file's limit too. */
async function siteUrls(c: C): Promise<SiteUrl[]> {
  const items = await publishedItems(c);
  return [
    ...sitePages.map((path) => ({ path, lastmod: null })),
    ...items.map((item) => ({ path: itemPath(item), lastmod: item.publishedAt })),
  ];
}

function urlset(c: C, urls: SiteUrl[]): string {
  const entries = urls.map(
    ({ path, lastmod }) =>
      `<url><loc>${escapeXml(absolute(c.req.url, path))}</loc>${lastmod ? `<lastmod>${lastmod.slice(0, 10)}</lastmod>` : ""}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}

/**
 * robots.txt and the site map, so search engines find every published item (issue 16). Up to
 * `perFile` addresses sitemap.xml is the list itself; past it, an index of /sitemaps/<n>.xml files.
 */
export function siteMapRoutes(portal: Hono<AppEnv>, perFile = sitemapUrlLimit) {
  portal.get("/robots.txt", (c) =>
    c.text(
      [
        "User-agent: *",
        ...privatePaths.map((path) => `Disallow: ${path}`),
        `Sitemap: ${absolute(c.req.url, `${portalBase}/sitemap.xml`)}`,
        "",
      ].join("\n"),
      200,
      { "cache-control": publicCacheControl },
    ),
  );

  portal.get("/sitemap.xml", async (c) => {
    const urls = await siteUrls(c);
    if (urls.length <= perFile) return c.body(urlset(c, urls), 200, xml);
    const files = Math.ceil(urls.length / perFile);
    const entries = Array.from(
      { length: files },
      (_, n) =>
        `<sitemap><loc>${escapeXml(absolute(c.req.url, `${portalBase}/sitemaps/${n + 1}.xml`))}</loc></sitemap>`,
    );
    return c.body(
      `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</sitemapindex>\n`,
      200,
      xml,
    );
  });

  portal.get("/sitemaps/:file{[1-9][0-9]{0,5}\\.xml}", async (c) => {
    const n = Number.parseInt(c.req.param("file"), 10);
    const urls = (await siteUrls(c)).slice((n - 1) * perFile, n * perFile);
    if (urls.length === 0) return c.body("", 404);
    return c.body(urlset(c, urls), 200, xml);
  });
}
