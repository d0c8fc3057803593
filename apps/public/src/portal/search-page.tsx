/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Item, SearchQuery, Unit } from "@gov/domain";
import { searchHighlights } from "@gov/domain";
import { raw } from "hono/html";
import { type FieldErrors, FilterFields, type ListFilterValues } from "./item-list.tsx";
import { dayOf } from "./labels.ts";
import { itemPath, portalBase } from "./paths.ts";
import { SubscribeLink, subscribeLink } from "./subscribe-page.tsx";

/**
 * Search: the query and the list filters in one GET form, results ranked with the matched
 * terms highlighted (the domain escapes the text; the only markup is its <em>). A 文号 in any
 * bracket style finds its document, as the JSON search does (ADR 0013).
 */
export function SearchPage(props: {
  q: string;
  filter: ListFilterValues;
  units: Unit[];
  unitNames: Map<string, string>;
  errors: FieldErrors;
  result: { query: SearchQuery; items: Item[]; total: number } | undefined;
  next: string | null;
}) {
  const error = props.errors.q;
  return (
    <>
      <h1>信息检索</h1>
      <form class="filters" method="get" action={`${portalBase}/search`} aria-label="检索条件">
        <div>
          <label for="search-q">检索词（标题、正文或文号）</label>
          <input
            id="search-q"
            name="q"
            type="search"
            maxlength={100}
            value={props.q}
            aria-describedby={error ? "search-q-error" : undefined}
          />
          {error && (
            <p class="field-error" id="search-q-error">
              {error}
            </p>
          )}
        </div>
        <FilterFields filter={props.filter} units={props.units} errors={props.errors} withColumn={true} />
        <button type="submit">检索</button>
      </form>
      {props.result && (
        <section class="search-results" aria-labelledby="results-heading">
          <h2 id="results-heading">共找到{props.result.total}条结果</h2>
          <SubscribeLink href={subscribeLink("q", props.q)} />
          <ol class="item-list">
            {props.result.items.map((item) => {
              const lit = searchHighlights(item, (props.result as { query: SearchQuery }).query);
              return (
                <li>
                  <a href={itemPath(item)}>{raw(lit.title)}</a>
                  <div class="meta">
                    {props.unitNames.get(item.unitCode) ?? item.unitCode} · {dayOf(item.firstPublishedAt)}
                    {lit.docNumber && <> · {raw(lit.docNumber)}</>}
                  </div>
                  <p>{raw(lit.body)}</p>
                </li>
              );
            })}
          </ol>
          {props.next && (
            <nav class="pager" aria-label="分页">
              <a href={props.next} rel="next">
                下一页
              </a>
            </nav>
          )}
        </section>
      )}
    </>
  );
}
