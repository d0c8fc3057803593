import { describe, expect, it } from "vitest";
import { findColumn } from "./column.ts";
import {
  atomXml,
  emptyFeedUpdated,
  escapeXml,
  feedEntryLimit,
  feedIds,
  feedUpdated,
  itemEntry,
  itemSummary,
  itemsFeed,
  rfc3339,
  truncateText,
} from "./feed.ts";
import { CreateItemInput, type Item, newItem } from "./item.ts";

const unitCode = "000000301";
let serial = 0;

function published(over: Partial<Item> = {}): Item {
  const input = CreateItemInput.parse({
    kind: "general",
    title: "关于做好2026年政务公开工作的通知",
    columnId: "decision",
    body: "<p>各乡镇（街道），市政府各部门：</p><p>现将有关事项通知如下。</p>",
    generatedOn: "2026-02-27",
  });
  const id = `itm_01JD6Q3Z5K8X9V2M4N7P0R${String(serial++).padStart(4, "0")}`;
  return {
    ...newItem(input, unitCode, id, "2026-03-01T01:00:00.000Z"),
    state: "published",
    indexNumber: `${unitCode}/2026-${String(serial).padStart(7, "0")}`,
    edition: 1,
    firstPublishedAt: "2026-03-02T02:00:00.000Z",
    publishedAt: "2026-03-02T02:00:00.000Z",
    ...over,
  };
}

const urls = {
  self: "https://example.gov.cn/public/v1/feeds/decision.atom",
  alternate: "https://example.gov.cn/public/v1/items?column=decision",
  item: (id: string) => `https://example.gov.cn/public/v1/items/${id}`,
};
const decision = findColumn("decision");
if (!decision) throw new Error("the seed catalogue has a decision column");

const feedOf = (items: Item[]) =>
  itemsFeed({
    scope: { kind: "column", column: decision },
    items,
    unitNames: new Map([[unitCode, "共青城市教育局"]]),
    publisher: "共青城市人民政府办公室",
    urls,
  });
const entries = (xml: string) => xml.split("<entry>").slice(1);

describe("XML escaping", () => {
  it("markup characters in text become entities, so a title cannot open an element", () => {
    expect(escapeXml(`<b>"甲"&'乙'</b>`)).toBe("&lt;b&gt;&quot;甲&quot;&amp;&apos;乙&apos;&lt;/b&gt;");
  });

  it("characters XML 1.0 forbids are dropped, tabs, line breaks and astral characters kept", () => {
    expect(escapeXml("甲\u0001\u0008乙\uFFFE\uD800丙\t\n𠀀")).toBe("甲乙丙\t\n𠀀");
  });

  it("an entity-like text is escaped again, not passed through", () => {
    expect(escapeXml("&amp;")).toBe("&amp;amp;");
  });
});

describe("entry fields", () => {
  it("dates are RFC 3339 in UTC whatever offset they were stored with", () => {
    expect(rfc3339("2026-03-02T10:00:00+08:00")).toBe("2026-03-02T02:00:00.000Z");
    expect(() => rfc3339("昨天")).toThrow();
  });

  it("the summary is the item's own, else the body as plain text, cut with an ellipsis", () => {
    expect(itemSummary({ summary: "摘要文字", body: "<p>正文</p>" })).toBe("摘要文字");
    expect(itemSummary({ body: "<p>各部门：</p><p>现&amp;通知</p>" })).toBe("各部门： 现&通知");
    const long = itemSummary({ body: `<p>${"政".repeat(500)}</p>` }, 10);
    expect(long).toBe(`${"政".repeat(9)}…`);
  });

  it("truncation counts characters, never splitting one outside the basic plane", () => {
    expect(truncateText("𠀀𠀁𠀂𠀃", 3)).toBe("𠀀𠀁…");
    expect(truncateText("𠀀𠀁𠀂", 3)).toBe("𠀀𠀁𠀂");
  });

  it("an entry is updated by its live edition and published at its first publication", () => {
    const revised = published({
      firstPublishedAt: "2026-03-02T02:00:00.000Z",
      publishedAt: "2026-03-09T02:00:00.000Z",
      edition: 2,
    });
    const entry = itemEntry(revised, urls.item(revised.id), "共青城市教育局");
    expect(entry).toMatchObject({
      id: `urn:gov-disclosure:item:${revised.id}`,
      updated: "2026-03-09T02:00:00.000Z",
      published: "2026-03-02T02:00:00.000Z",
      category: { term: "decision", label: "决策公开" },
    });
  });

  it("an entry id does not depend on the host the feed was read from", () => {
    const item = published();
    expect(itemEntry(item, "https://a.example/x", null).id).toBe(
      itemEntry(item, "https://b.example/y", null).id,
    );
    expect(feedIds.item(item.id)).toMatch(/^urn:gov-disclosure:item:itm_/);
  });
});

describe("the feed", () => {
  it("an empty feed is updated at the fixed epoch, not at the time it was read", () => {
    expect(feedUpdated([])).toBe(emptyFeedUpdated);
    const xml = feedOf([]);
    expect(xml).toContain(`<updated>${emptyFeedUpdated}</updated>`);
    expect(xml).not.toContain("<entry>");
  });

  it("the feed is updated at its newest entry's update, a revised older item included", () => {
    const older = published({
      firstPublishedAt: "2026-03-01T02:00:00.000Z",
      publishedAt: "2026-03-20T02:00:00.000Z",
    });
    const newer = published({
      firstPublishedAt: "2026-03-05T02:00:00.000Z",
      publishedAt: "2026-03-05T02:00:00.000Z",
    });
    const xml = feedOf([newer, older]);
    expect(xml.split("<entry>")[0]).toContain("<updated>2026-03-20T02:00:00.000Z</updated>");
  });

  it("has the required feed elements: id, title, updated, self and alternate links, author", () => {
    const xml = feedOf([published()]);
    const head = xml.split("<entry>")[0] ?? "";
    expect(
      xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"'),
    ).toBe(true);
    expect(head).toContain("<id>urn:gov-disclosure:feed:column:decision</id>");
    expect(head).toContain("<title>决策公开｜政府信息公开</title>");
    expect(head).toContain(`<link rel="self" type="application/atom+xml" href="${urls.self}"/>`);
    expect(head).toContain('<link rel="alternate" type="application/json"');
    expect(head).toMatch(/<author>\s*<name>共青城市人民政府办公室<\/name>\s*<\/author>/);
  });

  it("a unit feed is named after and authored by the unit", () => {
    const xml = itemsFeed({
      scope: { kind: "unit", unit: { code: unitCode, name: "共青城市教育局", kind: "department" } },
      items: [],
      unitNames: new Map(),
      publisher: "共青城市人民政府办公室",
      urls,
    });
    expect(xml).toContain(`<id>urn:gov-disclosure:feed:unit:${unitCode}</id>`);
    expect(xml).toContain("<title>共青城市教育局｜政府信息公开</title>");
    expect(xml).toMatch(/<author>\s*<name>共青城市教育局<\/name>/);
  });

  it("a title with markup and an ampersand in a link are escaped in the document", () => {
    const item = published({ title: `关于<script>"A&B"</script>的通知` });
    const xml = itemsFeed({
      scope: { kind: "column", column: decision },
      items: [item],
      unitNames: new Map(),
      publisher: "办公室",
      urls: { ...urls, item: (id) => `https://example.gov.cn/x?id=${id}&v=1` },
    });
    expect(xml).toContain("<title>关于&lt;script&gt;&quot;A&amp;B&quot;&lt;/script&gt;的通知</title>");
    expect(xml).toContain(`href="https://example.gov.cn/x?id=${item.id}&amp;v=1"`);
    expect(xml).not.toContain("<script>");
  });

  it(`carries at most ${feedEntryLimit} entries`, () => {
    const many = Array.from({ length: feedEntryLimit + 5 }, () => published());
    expect(entries(feedOf(many))).toHaveLength(feedEntryLimit);
  });

  it("leaves out anything not published, whatever the caller passes", () => {
    const live = published({ title: "已发布" });
    const others = (["draft", "submitted", "withdrawn"] as const).map((state) =>
      published({ state, title: `状态${state}` }),
    );
    const xml = feedOf([live, ...others]);
    expect(entries(xml)).toHaveLength(1);
    for (const other of others) expect(xml).not.toContain(other.id);
  });

  it("each entry has id, title, updated, published, alternate link, summary, category and author", () => {
    const [entry] = entries(feedOf([published({ summary: "简要说明" })]));
    for (const part of [
      /<id>urn:gov-disclosure:item:itm_\w+<\/id>/,
      /<title>关于做好2026年政务公开工作的通知<\/title>/,
      /<updated>2026-03-02T02:00:00.000Z<\/updated>/,
      /<published>2026-03-02T02:00:00.000Z<\/published>/,
      /<link rel="alternate" type="application\/json" href="https:\/\/example.gov.cn\/public\/v1\/items\/itm_\w+"\/>/,
      /<summary>简要说明<\/summary>/,
      /<category term="decision" label="决策公开"\/>/,
      /<author>\s*<name>共青城市教育局<\/name>/,
    ]) {
      expect(entry).toMatch(part);
    }
  });

  it("atomXml writes entries in the order given (newest first from the store)", () => {
    const xml = atomXml({
      id: "urn:x",
      title: "t",
      subtitle: null,
      selfUrl: "https://e/self",
      alternateUrl: "https://e/alt",
      author: "a",
      entries: ["b", "a"].map((id) => ({
        id,
        title: id,
        updated: "2026-01-01T00:00:00.000Z",
        published: "2026-01-01T00:00:00.000Z",
        link: "https://e/",
        summary: "",
        category: { term: "decision", label: null },
        author: null,
      })),
    });
    expect(xml.indexOf("<id>b</id>")).toBeLessThan(xml.indexOf("<id>a</id>"));
    expect(xml).toContain('<category term="decision"/>');
  });
});
