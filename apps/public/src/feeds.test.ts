import { general, publishHarness } from "@gov/publish/testing";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublicApp } from "./app.ts";

let h: Awaited<ReturnType<typeof publishHarness>>;
let dept: Awaited<ReturnType<typeof h.unit>>;
/** Mounted under /public as the local server and the deployment do, so links carry the prefix. */
let publicApp: Hono;

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  publicApp = new Hono().route("/public", createPublicApp(h.deps));
  dept = await h.unit("000000601");
});

type Link = { "@_rel"?: string; "@_href": string; "@_type"?: string };
type Entry = Record<string, unknown> & {
  id: string;
  title: string;
  link: Link[];
  author?: { name: string }[];
};
type Feed = Record<string, unknown> & {
  id: string;
  link: Link[];
  author?: { name: string }[];
  entry?: Entry[];
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Text stays text: an id or title made only of digits must not turn into a number.
  parseTagValue: false,
  isArray: (name) => ["entry", "link", "category", "author"].includes(name),
});

async function fetchFeed(path: string) {
  const url = `http://portal.test/public/v1${path}`;
  const res = await publicApp.request(url);
  const text = await res.text();
  return { res, text, url };
}

async function readFeed(path: string): Promise<{ feed: Feed; text: string; url: string }> {
  const { res, text, url } = await fetchFeed(path);
  expect(res.status, text).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = parser.parse(text) as { feed: Feed & { "@_xmlns": string } };
  expect(doc.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
  return { feed: doc.feed, text, url };
}

// RFC 3339 date-time (§5.6): full date, "T", time with optional fraction, Z or an offset.
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The RFC 4287 rules a reader relies on, checked on a parsed document. */
function expectValidAtom(feed: Feed, selfUrl: string) {
  for (const name of ["id", "title", "updated"]) expect(feed[name], `feed/${name}`).toBeTruthy();
  expect(String(feed.id)).toMatch(/^(urn|tag):/);
  expect(String(feed.updated)).toMatch(rfc3339);
  const self = feed.link.filter((l) => l["@_rel"] === "self");
  expect(self).toHaveLength(1);
  expect(self[0]?.["@_href"]).toBe(selfUrl);
  expect(feed.link.some((l) => l["@_rel"] === "alternate")).toBe(true);
  const entries = feed.entry ?? [];
  // §4.1.1: an author on the feed, or on every entry.
  const authored = (feed.author?.[0]?.name ?? "") !== "" || entries.every((e) => e.author?.[0]?.name);
  expect(authored).toBe(true);
  for (const entry of entries) {
    for (const name of ["id", "title", "updated", "published", "summary"]) {
      expect(entry[name], `entry/${name}`).toBeTruthy();
    }
    expect(String(entry.updated)).toMatch(rfc3339);
    expect(String(entry.published)).toMatch(rfc3339);
    // §4.1.2: without content, an entry must have an alternate link.
    expect(entry.link.some((l) => (l["@_rel"] ?? "alternate") === "alternate")).toBe(true);
  }
  const ids = entries.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
  // §4.2.15: the feed is updated no earlier than any of its entries.
  for (const entry of entries) {
    expect(Date.parse(String(feed.updated))).toBeGreaterThanOrEqual(Date.parse(String(entry.updated)));
  }
}

const itemIdOf = (entry: Entry) => entry.id.replace("urn:gov-disclosure:item:", "");

describe("column feeds", () => {
  it("are valid Atom 1.0 with only published items: no draft, submitted or withdrawn item", async () => {
    const draft = await dept.draft({ ...general("订阅草稿"), columnId: "responses" });
    const waiting = await dept.draft({ ...general("订阅待审"), columnId: "responses" });
    await dept.submit(waiting.id);
    const withdrawn = await dept.publish({ ...general("订阅已撤回"), columnId: "responses" });
    await h.call("POST", `/items/${withdrawn.id}/withdraw`, dept.reviewer, { reason: "内容有误" });
    const first = await dept.publish({ ...general("订阅先发布"), columnId: "responses" });
    h.setNow(new Date("2026-03-03T02:00:00.000Z"));
    const second = await dept.publish({ ...general("订阅后发布"), columnId: "responses" });

    const { feed, url } = await readFeed("/feeds/responses.atom");
    expectValidAtom(feed, url);
    const ids = (feed.entry ?? []).map(itemIdOf);
    expect(ids).toEqual([second.id, first.id]);
    for (const hidden of [draft, waiting, withdrawn]) expect(ids).not.toContain(hidden.id);
    expect(feed.updated).toBe("2026-03-03T02:00:00.000Z");
  });

  it("each entry links to the public detail, which answers with that item", async () => {
    const item = await dept.publish({ ...general("订阅详情链接"), columnId: "execution" });
    const { feed } = await readFeed("/feeds/execution.atom");
    const entry = feed.entry?.find((e) => itemIdOf(e) === item.id);
    const href = entry?.link[0]?.["@_href"] ?? "";
    expect(href).toBe(`http://portal.test/public/v1/items/${item.id}`);
    const detail = await publicApp.request(href);
    expect(detail.status).toBe(200);
    expect(((await detail.json()) as { id: string }).id).toBe(item.id);
    expect(entry?.category).toEqual([{ "@_term": "execution", "@_label": "执行公开" }]);
  });

  it("a revised item is updated at its new edition and keeps its first publication", async () => {
    h.setNow(new Date("2026-03-04T02:00:00.000Z"));
    const item = await dept.publish({ ...general("订阅修订前"), columnId: "supervision" });
    h.setNow(new Date("2026-03-06T02:00:00.000Z"));
    const revising = await h.call("POST", `/items/${item.id}/revise`, dept.editor);
    await h.call(
      "PATCH",
      `/items/${item.id}`,
      dept.editor,
      { title: "订阅修订后" },
      {
        "if-match": `"${revising.body.version}"`,
      },
    );
    await dept.submit(item.id);
    await dept.approve(item.id);
    const { feed } = await readFeed("/feeds/supervision.atom");
    expect(feed.entry?.[0]).toMatchObject({
      title: "订阅修订后",
      published: "2026-03-04T02:00:00.000Z",
      updated: "2026-03-06T02:00:00.000Z",
    });
  });

  it("titles and summaries with markup characters come back unchanged after parsing", async () => {
    const title = `关于<b>"A&B"</b>'试点'的通知`;
    await dept.publish({ ...general(title), columnId: "reform", summary: "1 < 2 && 3 > 2" });
    const { feed, text } = await readFeed("/feeds/reform.atom");
    const entry = feed.entry?.find((e) => e.title.includes("试点"));
    const decoded = new XMLParser({
      processEntities: true,
      parseTagValue: false,
      isArray: (n) => n === "entry",
    });
    const again = decoded.parse(text) as { feed: { entry: { title: string; summary: string }[] } };
    expect(entry).toBeDefined();
    expect(again.feed.entry[0]?.title).toBe(title);
    expect(again.feed.entry[0]?.summary).toBe("1 < 2 && 3 > 2");
    expect(text).not.toContain("<b>");
  });

  it("an empty column's feed is valid and updated at the fixed epoch, not at the time of reading", async () => {
    const { feed, url } = await readFeed("/feeds/disclosure-rules.atom");
    expectValidAtom(feed, url);
    expect(feed.entry).toBeUndefined();
    expect(feed.updated).toBe("1970-01-01T00:00:00.000Z");
  });

  it("an unknown column, or a path without .atom, is a 404 problem", async () => {
    for (const path of ["/feeds/nowhere.atom", "/feeds/decision", "/feeds/decision.rss"]) {
      const { res, text } = await fetchFeed(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toContain("application/problem+json");
      expect(JSON.parse(text)).toMatchObject({ status: 404 });
    }
  });
});

describe("unit feeds", () => {
  it("are valid Atom named after the unit, with that unit's published items only", async () => {
    const other = await h.unit("000000602");
    const mine = await dept.publish({ ...general("本单位订阅"), columnId: "health" });
    const theirs = await other.publish({ ...general("他单位订阅"), columnId: "health" });
    const { feed, url } = await readFeed("/feeds/units/000000601.atom");
    expectValidAtom(feed, url);
    expect(String(feed.title)).toContain("测试单位000000601");
    expect(feed.author?.[0]?.name).toBe("测试单位000000601");
    const ids = (feed.entry ?? []).map(itemIdOf);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
  });

  it("an unknown unit code, or a path without .atom, is a 404 problem; a malformed one a 400 naming it (ADR 0040)", async () => {
    for (const path of ["/feeds/units/999999999.atom", "/feeds/units/000000601"]) {
      const { res } = await fetchFeed(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toContain("application/problem+json");
    }
    const { res, text } = await fetchFeed("/feeds/units/a%2Fb.atom");
    expect(res.status).toBe(400);
    expect(JSON.parse(text).errors[0].path).toBe("param.unitCode");
  });
});
