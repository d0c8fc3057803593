import { type Column, findColumn } from "./column.ts";
import type { Item } from "./item.ts";
import { stripHtml } from "./search.ts";
import type { Unit } from "./unit.ts";

/**
 * Atom 1.0 (RFC 4287) feeds of published items, built as text: a feed is small (at most
 * `feedEntryLimit` entries) and its shape is fixed, so no XML library is needed, only
 * careful escaping.
 */

/** How many of the newest items a feed carries; readers poll, so older items are already theirs. */
export const feedEntryLimit = 50;

/**
 * `updated` of a feed with no entries. A fixed instant rather than "now": the feed has not
 * changed, and a clock-based date would make every poll look like news and defeat ETags.
 */
export const emptyFeedUpdated = "1970-01-01T00:00:00.000Z";

/** Summaries longer than this are cut: a feed reader shows a teaser, the link has the rest. */
export const feedSummaryLength = 200;

/**
 * Ids that never change with the host name or the URL layout (RFC 4287 §4.2.6: an entry's
 * id is permanent), so a reader never shows an item twice after a move.
 */
export const feedIds = {
  column: (columnId: string) => `urn:gov-disclosure:feed:column:${columnId}`,
  /** Every column's newest items: the portal home's 最新公开. */
  latest: "urn:gov-disclosure:feed:latest",
  unit: (unitCode: string) => `urn:gov-disclosure:feed:unit:${unitCode}`,
  item: (itemId: string) => `urn:gov-disclosure:item:${itemId}`,
};

export type AtomEntry = {
  id: string;
  title: string;
  /** RFC 3339: when the live edition was published. */
  updated: string;
  /** RFC 3339: first publication. */
  published: string;
  link: string;
  /** What `link` answers; items link to their JSON, letters and consultations to their pages. */
  linkType?: "application/json" | "text/html";
  summary: string;
  category: { term: string; label: string | null };
  author: string | null;
};

export type AtomFeed = {
  id: string;
  title: string;
  subtitle: string | null;
  selfUrl: string;
  /** The same list as JSON: there is no portal page address to point to. */
  alternateUrl: string;
  author: string;
  entries: AtomEntry[];
};

// XML 1.0 forbids most control characters even escaped; one pasted from a word processor
// into a title would make the whole feed unreadable, so they are dropped. With the u flag a
// lone surrogate is its own code point and falls outside the allowed ranges too.
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const xmlEntities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Text safe in XML element content and in double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(notXmlChar, "").replace(/[&<>"']/g, (c) => xmlEntities[c] ?? c);
}

/** An instant as RFC 3339 in UTC; stored instants may carry an offset, readers compare them as text. */
export function rfc3339(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new Error(`不是有效的时间：${instant}`);
  return date.toISOString();
}

/** At most `max` characters (code points, so no character is split), with … when cut. */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** The item's own summary when it has one, else the start of its body as plain text. */
export function itemSummary(item: Pick<Item, "summary" | "body">, max = feedSummaryLength): string {
  const text = item.summary?.trim() || stripHtml(item.body);
  return truncateText(text, max);
}

export function itemEntry(item: Item, link: string, author: string | null): AtomEntry {
  const updated = item.publishedAt ?? item.firstPublishedAt;
  const published = item.firstPublishedAt ?? item.publishedAt;
  if (!updated || !published) throw new Error(`信息${item.id}尚未发布，不能进入订阅源`);
  return {
    id: feedIds.item(item.id),
    title: item.title,
    updated: rfc3339(updated),
    published: rfc3339(published),
    link,
    summary: itemSummary(item),
    category: { term: item.columnId, label: findColumn(item.columnId)?.name ?? null },
    author,
  };
}

const element = (name: string, text: string, indent: string) =>
  `${indent}<${name}>${escapeXml(text)}</${name}>\n`;
const link = (rel: string, type: string, href: string, indent: string) =>
  `${indent}<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>\n`;
const author = (name: string, indent: string) =>
  `${indent}<author>\n${element("name", name, `${indent}  `)}${indent}</author>\n`;

/**
 * The feed's `updated` is its newest entry's: a revision of an older item counts, since the
 * entry changed. Compared as instants, not as text, in case precision differs.
 */
export function feedUpdated(entries: readonly AtomEntry[]): string {
  let newest = emptyFeedUpdated;
  for (const entry of entries) if (Date.parse(entry.updated) > Date.parse(newest)) newest = entry.updated;
  return newest;
}

export function atomXml(feed: AtomFeed): string {
  let xml = '<?xml version="1.0" encoding="utf-8"?>\n';
  xml += '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">\n';
  xml += element("id", feed.id, "  ");
  xml += element("title", feed.title, "  ");
  if (feed.subtitle) xml += element("subtitle", feed.subtitle, "  ");
  xml += element("updated", feedUpdated(feed.entries), "  ");
  xml += link("self", "application/atom+xml", feed.selfUrl, "  ");
  xml += link("alternate", "application/json", feed.alternateUrl, "  ");
  xml += author(feed.author, "  ");
  for (const entry of feed.entries) {
    xml += "  <entry>\n";
    xml += element("id", entry.id, "    ");
    xml += element("title", entry.title, "    ");
    xml += element("updated", entry.updated, "    ");
    xml += element("published", entry.published, "    ");
    xml += link("alternate", entry.linkType ?? "application/json", entry.link, "    ");
    xml += element("summary", entry.summary, "    ");
    const label = entry.category.label ? ` label="${escapeXml(entry.category.label)}"` : "";
    xml += `    <category term="${escapeXml(entry.category.term)}"${label}/>\n`;
    if (entry.author) xml += author(entry.author, "    ");
    xml += "  </entry>\n";
  }
  return `${xml}</feed>\n`;
}

export type FeedScope =
  | { kind: "column"; column: Column }
  | { kind: "unit"; unit: Unit }
  | { kind: "latest" };

/**
 * The feed of a column or a unit from its newest published items. Only published items
 * enter, whatever the caller passes: a feed is copied by readers and cannot be recalled.
 */
export function itemsFeed(input: {
  scope: FeedScope;
  items: readonly Item[];
  /** Unit names by code, for each entry's author. */
  unitNames: ReadonlyMap<string, string>;
  /** Who answers for a column feed as a whole (the city's disclosure office). */
  publisher: string;
  urls: { self: string; alternate: string; item: (id: string) => string };
}): string {
  const { scope, urls } = input;
  const entries = input.items
    .filter((item) => item.state === "published")
    .slice(0, feedEntryLimit)
    .map((item) => itemEntry(item, urls.item(item.id), input.unitNames.get(item.unitCode) ?? item.unitCode));
  const head =
    scope.kind === "column"
      ? {
          id: feedIds.column(scope.column.id),
          title: `${scope.column.name}｜政府信息公开`,
          subtitle: `“${scope.column.name}”栏目最新公开的${feedEntryLimit}条信息`,
          author: input.publisher,
        }
      : scope.kind === "unit"
        ? {
            id: feedIds.unit(scope.unit.code),
            title: `${scope.unit.name}｜政府信息公开`,
            subtitle: `${scope.unit.name}最新公开的${feedEntryLimit}条信息`,
            author: scope.unit.name,
          }
        : {
            id: feedIds.latest,
            title: "最新公开｜政府信息公开",
            subtitle: `各栏目最新公开的${feedEntryLimit}条信息`,
            author: input.publisher,
          };
  return atomXml({ ...head, selfUrl: urls.self, alternateUrl: urls.alternate, entries });
}
