import {
  columns,
  countedColumnTree,
  findColumn,
  type Item,
  looksLikeIndexNumber,
  publicItemDetail,
  tombstone,
} from "@gov/domain";
import type { AppEnv } from "@gov/http";
import { Hono } from "hono";
import { unitDirectory } from "../addresses.ts";
import { ListFilter } from "../items.ts";
import { displayOf, safeBack, toggleDisplay } from "./display.ts";
import { Home } from "./home.tsx";
import { ItemListPage } from "./item-list.tsx";
import { ItemPage, TombstonePage } from "./item-page.tsx";
import { itemPath, portalBase } from "./paths.ts";
import { type C, errorPage, givenQuery, page, parsed } from "./render.tsx";
import { displayCss, portalCss } from "./stylesheet.ts";

/** The stylesheet changes with a deploy only: its ETag is its length and a hash-free version stamp. */
const cssEtag = `"portal-css-${portalCss.length}"`;

async function unitsOf(c: C) {
  const units = await c.var.deps.store.units.list();
  return { units, names: unitDirectory(units).names };
}

/** The path and query of the same page with another cursor: the next page of a list. */
function withCursor(c: C, cursor: string | null): string | null {
  if (!cursor) return null;
  const url = new URL(c.req.url);
  url.searchParams.set("cursor", cursor);
  return `${url.pathname}?${url.searchParams}`;
}

/** The query a list's canonical address keeps: the filters, not the cursor. */
const canonicalQuery = (query: Record<string, string>, names: string[]) => {
  const kept = new URLSearchParams();
  for (const name of names) if (query[name]) kept.set(name, query[name]);
  const text = kept.toString();
  return text ? `?${text}` : "";
};

/**
 * The public portal's pages, beside the JSON API (issue 16): server-rendered with Hono's JSX,
 * reading through the same store reads and core use cases as the JSON routes (never HTTP to
 * itself), under the pages' CSP, working without JavaScript (ADR 0051).
 */
export function portalRoutes() {
  const portal = new Hono<AppEnv>();
  portal.onError((error, c) => errorPage(c, error));

  portal.get("/portal.css", (c) => {
    if (c.req.header("if-none-match") === cssEtag) return c.body(null, 304);
    return c.body(portalCss, 200, {
      "content-type": "text/css; charset=utf-8",
      "cache-control": "public, max-age=3600",
      etag: cssEtag,
    });
  });
  // The reading mode is the visitor's own: a private answer, asked again on each page (it is tiny).
  portal.get("/display.css", (c) =>
    c.body(displayCss(displayOf(c)), 200, {
      "content-type": "text/css; charset=utf-8",
      "cache-control": "private, no-cache",
      vary: "Cookie",
    }),
  );
  portal.post("/display", async (c) => {
    const form = await c.req.parseBody();
    toggleDisplay(c, typeof form.setting === "string" ? form.setting : undefined);
    return c.redirect(safeBack(typeof form.back === "string" ? form.back : undefined, portalBase), 303);
  });

  portal.get("/", async (c) => {
    const { store } = c.var.deps;
    const [counts, latest, { units, names }] = await Promise.all([
      store.items.countPublishedByColumn(columns.map((col) => col.id)),
      store.items.listPublished({}, { limit: 10 }),
      unitsOf(c),
    ]);
    return page(
      c,
      {
        title: "首页",
        canonicalPath: `${portalBase}/`,
        description: "政府信息公开目录、最新公开信息与公开单位。",
      },
      <Home tree={countedColumnTree(counts)} latest={latest.items} units={units} unitNames={names} />,
    );
  });

  portal.get("/items", async (c) => {
    const query = givenQuery(c);
    const filter = parsed(ListFilter, query);
    const { units, names } = await unitsOf(c);
    const column = query.column ? findColumn(query.column) : undefined;
    const errors = filter.ok ? {} : filter.errors;
    if (query.column && !column) errors.column = "栏目不存在";
    const valid = filter.ok && (!query.column || column);
    const { limit, cursor, ...values } = filter.ok ? filter.value : { limit: 20, cursor: undefined };
    const found = valid
      ? await c.var.deps.store.items.listPublished(values, { limit, cursor })
      : { items: [] as Item[], nextCursor: null };
    const unit = values.unit ? units.find((u) => u.code === values.unit) : undefined;
    const heading = column?.name ?? unit?.name ?? "信息列表";
    const feed = column
      ? `${portalBase}/v1/feeds/${column.id}.atom`
      : unit
        ? `${portalBase}/v1/feeds/units/${unit.code}.atom`
        : undefined;
    return page(
      c,
      {
        title: heading,
        canonicalPath: `${portalBase}/items${canonicalQuery(query, ["column", "unit", "year", "category", "kind", "validity"])}`,
        description: `${heading}：已公开的政府信息，最新在前。`,
        ...(feed ? { feeds: [{ title: `${heading}（Atom）`, href: feed }] } : {}),
      },
      <ItemListPage
        heading={heading}
        filter={filter.ok ? values : query}
        units={units}
        unitNames={names}
        items={found.items}
        next={withCursor(c, found.nextCursor)}
        errors={errors}
        feed={feed}
      />,
      { status: valid ? 200 : 400 },
    );
  });

  portal.get("/items/:key", async (c) => {
    const key = c.req.param("key");
    const { items } = c.var.deps.store;
    const id = looksLikeIndexNumber(key) ? (await items.getByIndexNumber(key))?.id : key;
    const found = id && /^[\w-]{1,64}$/.test(id) ? await items.getWithLinks(id) : undefined;
    const item = found?.item;
    if (item?.state === "withdrawn") {
      const grave = tombstone(item);
      return page(
        c,
        {
          title: `${grave.title}（已撤回）`,
          canonicalPath: itemPath(item),
          description: `已撤回：${grave.reason}`,
        },
        <TombstonePage tombstone={grave} />,
        { status: 410 },
      );
    }
    if (item?.state !== "published" || !found) {
      return page(
        c,
        {
          title: "信息不存在",
          canonicalPath: new URL(c.req.url).pathname,
          description: "信息不存在或尚未公开",
        },
        <h1>信息不存在或尚未公开</h1>,
        { status: 404 },
      );
    }
    const unit = await c.var.deps.store.units.get(item.unitCode);
    const detail = publicItemDetail(item, found.links);
    return page(
      c,
      {
        title: item.title,
        canonicalPath: itemPath(item),
        description: item.summary ?? `${unit?.name ?? item.unitCode}发布：${item.title}`,
        ogType: "article",
      },
      <ItemPage item={detail} unitName={unit?.name ?? item.unitCode} />,
    );
  });

  return portal;
}
