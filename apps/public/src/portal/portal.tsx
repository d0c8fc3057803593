/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { publicAnnualReport } from "@gov/core";
import {
  annualReportHtml,
  columns,
  countedColumnTree,
  fail,
  findColumn,
  type Item,
  looksLikeIndexNumber,
  normativeCatalogue,
  normativeRegister,
  publicItemDetail,
  shanghaiDate,
  tombstone,
  Validity,
  yearOf,
} from "@gov/domain";
import { type AppEnv, displayStylesheetRoute, pagesCss, stylesheetRoute, switchReadingMode } from "@gov/http";
import type { PostingCache } from "@gov/store";
import { Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import { unitDirectory } from "../addresses.ts";
import { ListFilter } from "../items.ts";
import { SearchParams } from "../search.ts";
import { AnnualReportIndex, AnnualReportPage } from "./annual-report-page.tsx";
import { citizenPages } from "./citizen-routes.tsx";
import { DocumentsPage } from "./documents-page.tsx";
import { feeds } from "./feed-link.tsx";
import { Home } from "./home.tsx";
import { ItemListPage } from "./item-list.tsx";
import { ItemPage, TombstonePage } from "./item-page.tsx";
import { itemPath, portalBase } from "./paths.ts";
import { publishedReplyPages } from "./published-replies.tsx";
import { type C, errorPage, givenQuery, page, parsed } from "./render.tsx";
import { SearchPage } from "./search-page.tsx";
import { siteMapRoutes } from "./site-map.ts";
import { statisticsPages } from "./statistics-pages.tsx";
import { subscribeLink } from "./subscribe-page.tsx";

/**
 * The pages the instance cache keeps (ADR 0041): those that are the same for everyone. Pages
 * about one visitor (a receipt, a status, a thanks) and the reading-mode stylesheet are not
 * here, nor is a path no page serves.
 */
const sharedPage = new RegExp(
  [
    `^(${portalBase})?/?$`,
    "(^|/)(items(/[^/]+)?|search|documents|reports/annual(/\\d{4})?|apply|mailbox|consultations(/[^/]+)?)$",
    "(^|/)(mailbox/replies(/[^/]+)?|statistics/(applications|letters))$",
    "(^|/)(robots\\.txt|sitemap\\.xml|sitemaps/\\d+\\.xml|portal\\.css)$",
  ].join("|"),
);

/** The parameters a page reads; others change nothing in it, so they are no part of its cache key (ADR 0041). */
const pageParameters = ["column", "unit", "year", "category", "kind", "validity", "q", "limit", "cursor"];

/** A page's key in the instance cache: its path and, sorted, the parameters pages read; none for a page not shared. */
export function pageCacheKey(url: URL): string | undefined {
  if (url.pathname.includes("/v1/") || !sharedPage.test(url.pathname)) return undefined;
  const query = new URLSearchParams();
  for (const name of pageParameters)
    for (const value of url.searchParams.getAll(name)) query.append(name, value);
  const search = query.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}

/** The Regulations on Open Government Information took effect on 2008-05-01: the first year with a report. */
const firstReportYear = 2008;

const ReportYear = z.coerce.number().int().min(firstReportYear).max(2100);

const DocumentsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  validity: Validity.optional(),
});

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
export function portalRoutes(options: {
  /** The guard of citizen submissions (ADR 0025). */
  intake: MiddlewareHandler<AppEnv>[];
  sitemapUrls: number;
  /** Terms' postings kept for the cache window, shared with the search API (ADR 0056). */
  postings?: PostingCache | undefined;
}) {
  const { intake, sitemapUrls, postings } = options;
  const portal = new Hono<AppEnv>();
  portal.onError((error, c) => errorPage(c, error));

  portal.get("/portal.css", stylesheetRoute(pagesCss));
  portal.get("/display.css", displayStylesheetRoute);
  portal.post("/display", (c) => switchReadingMode(c, portalBase));

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
        canonicalPath: portalBase,
        description: "政府信息公开目录、最新公开信息与公开单位。",
        feeds: [{ title: "最新公开（Atom）", href: feeds.latest }],
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
    // The list's own feed: its column's, its unit's, or every column's newest items.
    const feed = column ? feeds.column(column.id) : unit ? feeds.unit(unit.code) : feeds.latest;
    return page(
      c,
      {
        title: heading,
        canonicalPath: `${portalBase}/items${canonicalQuery(query, ["column", "unit", "year", "category", "kind", "validity"])}`,
        description: `${heading}：已公开的政府信息，最新在前。`,
        feeds: [{ title: `${heading}（Atom）`, href: feed }],
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
        subscribe={
          column
            ? subscribeLink("columnId", column.id)
            : unit
              ? subscribeLink("unitCode", unit.code)
              : undefined
        }
      />,
      { status: valid ? 200 : 400 },
    );
  });

  portal.get("/items/:key", async (c) => {
    const key = c.req.param("key");
    const { items } = c.var.deps.store;
    // One read either way, as the JSON detail reads it (ADR 0057).
    const found = looksLikeIndexNumber(key)
      ? await items.getWithLinksByIndexNumber(key)
      : /^[\w-]{1,64}$/.test(key)
        ? await items.getWithLinks(key)
        : undefined;
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

  portal.get("/search", async (c) => {
    const query = givenQuery(c);
    const { units, names } = await unitsOf(c);
    const asked = query.q !== undefined;
    const search = parsed(SearchParams, query);
    const errors = asked && !search.ok ? search.errors : {};
    const column = query.column ? findColumn(query.column) : undefined;
    if (query.column && !column) errors.column = "栏目不存在";
    let result: Parameters<typeof SearchPage>[0]["result"];
    let next: string | null = null;
    if (search.ok && Object.keys(errors).length === 0) {
      const { q, limit, cursor, ...filter } = search.value;
      const found = await c.var.deps.store.search.find({ q, filter, limit, cursor }, postings);
      result = { query: found.query, items: found.hits.map((h) => h.item), total: found.total };
      next = withCursor(c, found.nextCursor);
    }
    const filter = search.ok ? search.value : query;
    return page(
      c,
      {
        title: query.q ? `检索：${query.q}` : "信息检索",
        canonicalPath: `${portalBase}/search${canonicalQuery(query, ["q", "column", "unit", "year", "category", "kind", "validity"])}`,
        description: "检索已公开的政府信息：标题、正文、文号。",
      },
      <SearchPage
        q={query.q ?? ""}
        filter={filter}
        units={units}
        unitNames={names}
        errors={errors}
        result={result}
        next={next}
      />,
      { status: Object.keys(errors).length > 0 ? 400 : 200 },
    );
  });

  portal.get("/documents", async (c) => {
    const query = givenQuery(c);
    const asked = parsed(DocumentsQuery, query);
    if (!asked.ok) fail("validation", "参数有误", asked.issues);
    const { year, validity } = asked.ok ? asked.value : {};
    const [all, { names }] = await Promise.all([c.var.deps.store.items.normativeDocuments(), unitsOf(c)]);
    const thisYear = yearOf(shanghaiDate(c.var.deps.clock()));
    const catalogueYear = year ?? thisYear;
    const years = [...new Set([thisYear, catalogueYear, ...all.map((d) => yearOf(d.generatedOn))])].sort(
      (a, b) => b - a,
    );
    return page(
      c,
      {
        title: `规范性文件（${catalogueYear}年度）`,
        canonicalPath: `${portalBase}/documents${canonicalQuery(query, ["year", "validity"])}`,
        description: `${catalogueYear}年度规范性文件目录：制发、废止与现行有效件数。`,
        feeds: [{ title: "规范性文件（Atom）", href: `${portalBase}/v1/feeds/normative-documents.atom` }],
      },
      <DocumentsPage
        catalogue={normativeCatalogue(all, catalogueYear)}
        register={normativeRegister(all, { year: catalogueYear, validity })}
        years={years}
        validity={validity}
        unitNames={names}
      />,
    );
  });

  portal.get("/reports/annual", (c) => {
    const thisYear = yearOf(shanghaiDate(c.var.deps.clock()));
    const years = Array.from({ length: thisYear - firstReportYear + 1 }, (_, i) => thisYear - i);
    return page(
      c,
      {
        title: "政府信息公开工作年度报告",
        canonicalPath: `${portalBase}/reports/annual`,
        description: "各年度政府信息公开工作年度报告。",
      },
      <AnnualReportIndex years={years} />,
    );
  });

  portal.get("/reports/annual/:year", async (c) => {
    const year = parsed(ReportYear, c.req.param("year"));
    if (!year.ok) return fail("not-found", "年度不存在");
    const report = await publicAnnualReport(c.var.deps, { year: year.value });
    return page(
      c,
      {
        title: report.title,
        canonicalPath: `${portalBase}/reports/annual/${year.value}`,
        description: report.title,
        ogType: "article",
      },
      <AnnualReportPage fragment={annualReportHtml(report)} year={year.value} />,
    );
  });

  citizenPages(portal, intake);
  publishedReplyPages(portal);
  statisticsPages(portal);
  siteMapRoutes(portal, sitemapUrls);
  return portal;
}
