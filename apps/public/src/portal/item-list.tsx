/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { type Column, columns, type Item, ItemKind, type Unit, Validity, validityNames } from "@gov/domain";
import { FeedLink } from "./feed-link.tsx";
import { dayOf, kindNames } from "./labels.ts";
import { itemPath, portalBase } from "./paths.ts";
import { SubscribeLink } from "./subscribe-page.tsx";

/** The list filters as the form and the query carry them. */
export type ListFilterValues = {
  column?: string | undefined;
  unit?: string | undefined;
  year?: number | undefined;
  category?: string | undefined;
  kind?: ItemKind | undefined;
  validity?: Validity | undefined;
};

/** Field problems of a filter, by field name, as the form shows them next to the field. */
export type FieldErrors = Record<string, string>;

function FieldError(props: { id: string; message: string | undefined }) {
  return props.message ? (
    <p class="field-error" id={`${props.id}-error`}>
      {props.message}
    </p>
  ) : null;
}

/** One select of the filter form; the first option means "any". */
function Choice(props: {
  name: string;
  label: string;
  value: string | undefined;
  options: [value: string, label: string][];
  errors: FieldErrors;
}) {
  const id = `filter-${props.name}`;
  const error = props.errors[props.name];
  return (
    <div>
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">全部</option>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
      <FieldError id={id} message={error} />
    </div>
  );
}

/** The filter form of lists and search: unit, year, category, kind, validity (and column for lists). */
export function FilterFields(props: {
  filter: ListFilterValues;
  units: Unit[];
  errors: FieldErrors;
  withColumn: boolean;
}) {
  const { filter, errors } = props;
  const columnOptions = columns.map((c: Column): [string, string] => [c.id, c.name]);
  return (
    <>
      {props.withColumn && (
        <Choice name="column" label="栏目" value={filter.column} options={columnOptions} errors={errors} />
      )}
      <Choice
        name="unit"
        label="发布机构"
        value={filter.unit}
        options={props.units.map((u): [string, string] => [u.code, u.name])}
        errors={errors}
      />
      <div>
        <label for="filter-year">年份</label>
        <input
          id="filter-year"
          name="year"
          inputmode="numeric"
          size={6}
          value={filter.year === undefined ? "" : String(filter.year)}
          aria-describedby={errors.year ? "filter-year-error" : undefined}
        />
        <FieldError id="filter-year" message={errors.year} />
      </div>
      <div>
        <label for="filter-category">信息类别</label>
        <input id="filter-category" name="category" size={12} value={filter.category ?? ""} />
        <FieldError id="filter-category" message={errors.category} />
      </div>
      <Choice
        name="kind"
        label="类型"
        value={filter.kind}
        options={ItemKind.options.map((k): [string, string] => [k, kindNames[k]])}
        errors={errors}
      />
      <Choice
        name="validity"
        label="有效性"
        value={filter.validity}
        options={Validity.options.map((v): [string, string] => [v, validityNames[v]])}
        errors={errors}
      />
    </>
  );
}

/** A list of items with their publisher, day and 文号. */
export function ItemEntries(props: { items: Item[]; unitNames: Map<string, string> }) {
  if (props.items.length === 0) return <p>没有符合条件的信息。</p>;
  return (
    <ul class="item-list">
      {props.items.map((item) => (
        <li>
          <a href={itemPath(item)}>{item.title}</a>
          <div class="meta">
            {props.unitNames.get(item.unitCode) ?? item.unitCode} · {dayOf(item.firstPublishedAt)}
            {item.docNumber ? ` · ${item.docNumber}` : ""}
            {item.validity ? ` · ${validityNames[item.validity]}` : ""}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The list page: filters (a GET form), the entries, and the next page by cursor. */
export function ItemListPage(props: {
  heading: string;
  filter: ListFilterValues;
  units: Unit[];
  unitNames: Map<string, string>;
  items: Item[];
  next: string | null;
  errors: FieldErrors;
  feed: string;
  /** The page offering this list's column or unit by email; none for a list of everything. */
  subscribe: string | undefined;
}) {
  return (
    <>
      <h1>{props.heading}</h1>
      <form class="filters" method="get" action={`${portalBase}/items`} aria-label="筛选">
        <FilterFields filter={props.filter} units={props.units} errors={props.errors} withColumn={true} />
        <button type="submit">筛选</button>
      </form>
      <FeedLink href={props.feed} label="本列表" />
      {props.subscribe && <SubscribeLink href={props.subscribe} />}
      <ItemEntries items={props.items} unitNames={props.unitNames} />
      {props.next && (
        <nav class="pager" aria-label="分页">
          <a href={props.next} rel="next">
            下一页
          </a>
        </nav>
      )}
    </>
  );
}
