import { publicConsultations, publishedLetters } from "@gov/core";
import {
  consultationsFeed,
  type FeedScope,
  fail,
  feedEntryLimit,
  findColumn,
  itemsFeed,
  publishedLettersFeed,
} from "@gov/domain";
import {
  type AppEnv,
  columnIdSegment,
  newRouter,
  problemResponse,
  suffixedParam,
  unitCodeSegment,
} from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { apiBase, itemUrl, selfUrl, unitDirectory } from "./addresses.ts";

const atomType = "application/atom+xml; charset=utf-8";

const example = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>urn:gov-disclosure:feed:column:decision</id>
  <title>决策公开｜政府信息公开</title>
  <updated>2026-03-02T02:00:00.000Z</updated>
  <link rel="self" type="application/atom+xml" href="https://example.gov.cn/public/v1/feeds/decision.atom"/>
  <link rel="alternate" type="application/json" href="https://example.gov.cn/public/v1/items?column=decision"/>
  <author><name>共青城市人民政府办公室</name></author>
  <entry>
    <id>urn:gov-disclosure:item:itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T</id>
    <title>关于做好2026年政务公开工作的通知</title>
    <updated>2026-03-02T02:00:00.000Z</updated>
    <published>2026-03-02T02:00:00.000Z</published>
    <link rel="alternate" type="application/json" href="https://example.gov.cn/public/v1/items/itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T"/>
    <summary>各乡镇（街道），市政府各部门：……</summary>
    <category term="decision" label="决策公开"/>
    <author><name>共青城市人民政府办公室</name></author>
  </entry>
</feed>
`;

const atomResponse = {
  description: `Atom 1.0 订阅源（最新${feedEntryLimit}条）`,
  content: { "application/atom+xml": { schema: z.string(), example } },
};

const columnFeed = suffixedParam("columnId", columnIdSegment, ".atom", {
  description: "栏目标识",
  example: "decision",
});
const unitFeed = suffixedParam("unitCode", unitCodeSegment, ".atom", {
  description: "单位代码",
  example: "000014349",
});

async function feedResponse(
  c: Context<AppEnv>,
  scope: FeedScope,
  filter: { column?: string; unit?: string },
) {
  const { store } = c.var.deps;
  const [page, units] = await Promise.all([
    store.items.listPublished(filter, { limit: feedEntryLimit }),
    store.units.list(),
  ]);
  const base = apiBase(c.req.url);
  const directory = unitDirectory(units);
  const query = filter.column ? `?column=${filter.column}` : filter.unit ? `?unit=${filter.unit}` : "";
  const xml = itemsFeed({
    scope,
    items: page.items,
    unitNames: directory.names,
    publisher: directory.publisher,
    urls: { self: selfUrl(c.req.url), alternate: `${base}/items${query}`, item: (id) => itemUrl(base, id) },
  });
  return c.body(xml, 200, { "content-type": atomType });
}

/** The portal's pages sit beside the API: `<base>/v1` → `<base>`. */
const pagesBase = (c: Context<AppEnv>) => apiBase(c.req.url).slice(0, -"/v1".length);

// The fixed feeds come first: `/feeds/{columnId}.atom` would otherwise take their names for columns.
export const feedRoutes = newRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/feeds/latest.atom",
      summary: "最新公开订阅源（Atom，各栏目最新公开的50条）",
      description: "门户首页“最新公开”的订阅源：条目按首次发布时间倒序，只含已发布的信息。",
      responses: { 200: atomResponse },
    }),
    (c) => feedResponse(c, { kind: "latest" }, {}),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/feeds/letters.atom",
      summary: "市长信箱公开答复订阅源（Atom，最新答复的50件）",
      description:
        "只含写信人同意公开且已答复的来信，答复日期新者在前；条目链接到门户的答复页面，不含写信人信息。",
      responses: { 200: atomResponse },
    }),
    async (c) => {
      const [found, units] = await Promise.all([
        publishedLetters(c.var.deps, {}, { limit: feedEntryLimit }),
        c.var.deps.store.units.list(),
      ]);
      const xml = publishedLettersFeed({
        letters: found.items,
        publisher: unitDirectory(units).publisher,
        urls: {
          self: selfUrl(c.req.url),
          alternate: `${apiBase(c.req.url)}/letters`,
          page: (id) => `${pagesBase(c)}/mailbox/replies/${id}`,
        },
      });
      return c.body(xml, 200, { "content-type": atomType });
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/feeds/consultations.atom",
      summary: "征求意见订阅源（Atom，最新的50项）",
      description:
        "意见征集按开始日期新者在前；采纳情况公布后，条目的更新时间为公布时间。条目链接到门户的征求意见页面。",
      responses: { 200: atomResponse },
    }),
    async (c) => {
      const [found, units] = await Promise.all([
        publicConsultations(c.var.deps, { limit: feedEntryLimit }),
        c.var.deps.store.units.list(),
      ]);
      const directory = unitDirectory(units);
      const xml = consultationsFeed({
        consultations: found.items,
        unitNames: directory.names,
        publisher: directory.publisher,
        urls: {
          self: selfUrl(c.req.url),
          alternate: `${apiBase(c.req.url)}/consultations`,
          page: (id) => `${pagesBase(c)}/consultations/${id}`,
        },
      });
      return c.body(xml, 200, { "content-type": atomType });
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/feeds/{columnId}.atom",
      summary: "栏目订阅源（Atom，最新公开的50条）",
      description: "条目按首次发布时间倒序；更新时间为现行版本的发布时间。只含已发布的信息。",
      parameters: [columnFeed.parameter],
      responses: {
        200: atomResponse,
        400: problemResponse("栏目标识格式不正确"),
        404: problemResponse("栏目不存在"),
      },
    }),
    async (c) => {
      const column = findColumn(columnFeed.read(c));
      if (!column) return fail("not-found", "栏目不存在");
      return feedResponse(c, { kind: "column", column }, { column: column.id });
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/feeds/units/{unitCode}.atom",
      summary: "单位订阅源（Atom，该单位最新公开的50条）",
      description: "条目按首次发布时间倒序；只含已发布的信息。",
      parameters: [unitFeed.parameter],
      responses: {
        200: atomResponse,
        400: problemResponse("单位代码格式不正确"),
        404: problemResponse("单位不存在"),
      },
    }),
    async (c) => {
      const unit = await c.var.deps.store.units.get(unitFeed.read(c));
      if (!unit) return fail("not-found", "单位不存在");
      return feedResponse(c, { kind: "unit", unit }, { unit: unit.code });
    },
  );
