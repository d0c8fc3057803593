import { z } from "zod";
import { findColumn } from "./column.ts";
import { IsoDate, shanghaiDate, yearOf } from "./date.ts";
import { DisclosureMethod, type Item, ItemId, ItemKind, Validity } from "./item.ts";
import { validityNames } from "./normative.ts";
import { UnitCode } from "./unit.ts";

/**
 * Open data: the metadata of published items as CSV and JSON, and a DCAT catalogue that
 * describes those files. Formatting only; the routes stream the rows page by page.
 */

/** One published item as the open-data files carry it: metadata only, never the body. */
export const ExportRecord = z.strictObject({
  id: ItemId,
  indexNumber: z.string().nullable(),
  title: z.string(),
  unitCode: UnitCode,
  unitName: z.string().nullable(),
  columnId: z.string(),
  columnName: z.string().nullable(),
  kind: ItemKind,
  category: z.string(),
  docNumber: z.string().nullable(),
  generatedOn: IsoDate,
  firstPublishedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  validity: Validity.nullable(),
  disclosureMethod: DisclosureMethod,
  timeLimit: z.string(),
  scope: z.string(),
  summary: z.string().nullable(),
  url: z.string(),
});
export type ExportRecord = z.infer<typeof ExportRecord>;

export function exportRecord(item: Item, unitName: string | null, url: string): ExportRecord {
  return {
    id: item.id,
    indexNumber: item.indexNumber,
    title: item.title,
    unitCode: item.unitCode,
    unitName,
    columnId: item.columnId,
    columnName: findColumn(item.columnId)?.name ?? null,
    kind: item.kind,
    category: item.category,
    docNumber: item.docNumber ?? null,
    generatedOn: item.generatedOn,
    firstPublishedAt: item.firstPublishedAt,
    publishedAt: item.publishedAt,
    validity: item.validity,
    disclosureMethod: item.disclosureMethod,
    timeLimit: item.timeLimit,
    scope: item.scope,
    summary: item.summary ?? null,
    url,
  };
}

// The names the publish API's documentation gives the kinds.
const kindNames: Record<ItemKind, string> = {
  general: "普通信息",
  normative: "规范性文件",
  interpretation: "政策解读",
  budget: "预决算",
  project: "重大建设项目",
  meeting: "政府会议",
  audit: "审计结果",
};

const disclosureMethodNames: Record<Item["disclosureMethod"], string> = {
  proactive: "主动公开",
  "on-request": "依申请公开",
};

/**
 * The CSV is for people opening it in a spreadsheet, so headers and coded values are in
 * Chinese; the JSON keeps the API's codes for programs.
 */
const csvColumns: readonly [header: string, value: (r: ExportRecord) => string | null][] = [
  ["标识", (r) => r.id],
  ["索引号", (r) => r.indexNumber],
  ["标题", (r) => r.title],
  ["单位代码", (r) => r.unitCode],
  ["发布单位", (r) => r.unitName],
  ["栏目标识", (r) => r.columnId],
  ["栏目", (r) => r.columnName],
  ["信息类型", (r) => kindNames[r.kind]],
  ["主题分类", (r) => r.category],
  ["文号", (r) => r.docNumber],
  ["成文日期", (r) => r.generatedOn],
  ["首次发布时间", (r) => r.firstPublishedAt],
  ["本版发布时间", (r) => r.publishedAt],
  ["有效性", (r) => (r.validity ? validityNames[r.validity] : null)],
  ["公开方式", (r) => disclosureMethodNames[r.disclosureMethod]],
  ["公开时限", (r) => r.timeLimit],
  ["公开范围", (r) => r.scope],
  ["摘要", (r) => r.summary],
  ["链接", (r) => r.url],
];

/** Excel reads a CSV without a byte-order mark in the system code page (GBK), garbling Chinese. */
export const csvBom = "\uFEFF";

/**
 * A cell a spreadsheet could run as a formula (one starting with = + - @, a tab or a carriage
 * return) is prefixed with a single quote and quoted, as OWASP's CSV-injection guidance says: a
 * reviewed title can still start with "=" and the file is opened by people (ADR 0040).
 * Programs read the JSON, which keeps every value as published.
 */
const formulaStart = /^[=+\-@\t\r]/;

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break, or is guarded; quotes doubled. */
export function csvField(value: string | null): string {
  if (value === null) return "";
  if (formulaStart.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 ends every record, the last included, with CRLF. */
export function csvLine(values: readonly (string | null)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

export const csvHeader = (): string => csvLine(csvColumns.map(([header]) => header));

export const csvRecord = (record: ExportRecord): string =>
  csvLine(csvColumns.map(([, value]) => value(record)));

/**
 * A JSON array written element by element: the opening bracket, then each element with
 * the separator before all but the first, then the closing bracket. Valid JSON once closed.
 */
export const jsonArrayStream = {
  open: "[",
  element: (value: unknown, index: number) => `${index === 0 ? "\n" : ",\n"}${JSON.stringify(value)}`,
  close: (count: number) => (count === 0 ? "]\n" : "\n]\n"),
};

// --- the DCAT catalogue ---------------------------------------------------------------------

/** What the catalogue says of one year's items (by year of first publication, Asia/Shanghai). */
export type ExportYear = { year: number; count: number; issued: string; modified: string };

/** Year of first publication, Asia/Shanghai: the year the export's `year` filter selects on. */
export function publicationYear(item: Pick<Item, "firstPublishedAt" | "publishedAt">): number | null {
  const at = item.firstPublishedAt ?? item.publishedAt;
  return at ? yearOf(shanghaiDate(new Date(at))) : null;
}

/**
 * Adds published items to per-year figures: `issued` the year's first publication,
 * `modified` its latest, a corrected edition included. Call once per page with the same
 * tally, so the whole set never has to be in memory.
 */
export function tallyExportYears(
  items: Iterable<Item>,
  tally: Map<number, ExportYear> = new Map(),
): Map<number, ExportYear> {
  for (const item of items) {
    const year = publicationYear(item);
    const first = item.firstPublishedAt ?? item.publishedAt;
    const last = item.publishedAt ?? first;
    if (item.state !== "published" || year === null || !first || !last) continue;
    const seen = tally.get(year);
    if (!seen) {
      tally.set(year, { year, count: 1, issued: first, modified: last });
      continue;
    }
    seen.count += 1;
    if (Date.parse(first) < Date.parse(seen.issued)) seen.issued = first;
    if (Date.parse(last) > Date.parse(seen.modified)) seen.modified = last;
  }
  return tally;
}

export const exportMediaTypes = {
  csv: "text/csv",
  json: "application/json",
} as const;
export type ExportFormat = keyof typeof exportMediaTypes;

const formatNames: Record<ExportFormat, string> = { csv: "CSV", json: "JSON" };

/** dct:issued and dct:modified, each given only when there is a date to give. */
const Dated = { "dct:issued": z.string().optional(), "dct:modified": z.string().optional() };

const Publisher = z.object({ "@type": z.literal("foaf:Organization"), "foaf:name": z.string() });

const Distribution = z.object({
  "@id": z.string(),
  "@type": z.literal("dcat:Distribution"),
  "dct:title": z.string(),
  "dct:format": z.string(),
  "dcat:mediaType": z.string(),
  "dcat:downloadURL": z.string(),
  "dcat:accessURL": z.string(),
  ...Dated,
});

const Dataset = z.object({
  "@id": z.string(),
  "@type": z.literal("dcat:Dataset"),
  "dct:identifier": z.string(),
  "dct:title": z.string(),
  "dct:description": z.string(),
  "dct:publisher": Publisher,
  "dct:temporal": z.object({
    "@type": z.literal("dct:PeriodOfTime"),
    "dcat:startDate": IsoDate,
    "dcat:endDate": IsoDate,
  }),
  "dcat:keyword": z.array(z.string()),
  ...Dated,
  "dcat:distribution": z.array(Distribution),
});

export const DcatCatalog = z.object({
  /** The vocabularies' prefixes, and the terms whose values are typed (dates, addresses). */
  "@context": z.record(z.string(), z.union([z.string(), z.object({ "@type": z.string() })])),
  "@id": z.string(),
  "@type": z.literal("dcat:Catalog"),
  "dct:title": z.string(),
  "dct:description": z.string(),
  "dct:publisher": Publisher,
  "dct:language": z.string(),
  ...Dated,
  "dcat:dataset": z.array(Dataset),
});
export type DcatCatalog = z.infer<typeof DcatCatalog>;

/**
 * A DCAT catalogue in JSON-LD (W3C DCAT 2, DCMI terms): one dataset per year, each with a
 * CSV and a JSON distribution, so harvesters such as a provincial open-data platform can
 * list and fetch the files without reading our API documentation.
 */
export function dcatCatalog(input: {
  catalogUrl: string;
  publisher: string;
  years: Iterable<ExportYear>;
  downloadUrl: (format: ExportFormat, year: number) => string;
}): DcatCatalog {
  // Newest year first, as the portal lists years.
  const years = [...input.years].sort((a, b) => b.year - a.year);
  const instants = (pick: (y: ExportYear) => string) =>
    years.map(pick).sort((a, b) => Date.parse(a) - Date.parse(b));
  const issued = instants((y) => y.issued)[0] ?? null;
  const modified = instants((y) => y.modified).at(-1) ?? null;
  const dates = (from: string | null, to: string | null) => ({
    ...(from ? { "dct:issued": from } : {}),
    ...(to ? { "dct:modified": to } : {}),
  });
  const publisher: z.infer<typeof Publisher> = { "@type": "foaf:Organization", "foaf:name": input.publisher };
  return {
    "@context": {
      dcat: "http://www.w3.org/ns/dcat#",
      dct: "http://purl.org/dc/terms/",
      foaf: "http://xmlns.com/foaf/0.1/",
      xsd: "http://www.w3.org/2001/XMLSchema#",
      "dct:issued": { "@type": "xsd:dateTime" },
      "dct:modified": { "@type": "xsd:dateTime" },
      "dcat:startDate": { "@type": "xsd:date" },
      "dcat:endDate": { "@type": "xsd:date" },
      "dcat:downloadURL": { "@type": "@id" },
      "dcat:accessURL": { "@type": "@id" },
      "dcat:mediaType": { "@type": "@id" },
      "dct:language": { "@type": "@id" },
    },
    "@id": input.catalogUrl,
    "@type": "dcat:Catalog",
    "dct:title": "政府信息公开开放数据目录",
    "dct:description":
      "已主动公开的政府信息元数据（不含正文），按首次发布年份分为数据集，提供CSV与JSON两种格式。",
    "dct:publisher": publisher,
    "dct:language": "http://id.loc.gov/vocabulary/iso639-1/zh",
    ...dates(issued, modified),
    "dcat:dataset": years.map((y) => ({
      "@id": `${input.catalogUrl}#items-${y.year}`,
      "@type": "dcat:Dataset",
      "dct:identifier": `items-${y.year}`,
      "dct:title": `${y.year}年政府信息公开目录`,
      "dct:description": `${y.year}年首次发布的${y.count}条政府信息的元数据：索引号、标题、发布单位、栏目、文号、成文与发布日期、有效性等。`,
      "dct:publisher": publisher,
      "dct:temporal": {
        "@type": "dct:PeriodOfTime",
        "dcat:startDate": `${y.year}-01-01`,
        "dcat:endDate": `${y.year}-12-31`,
      },
      "dcat:keyword": ["政府信息公开", "政务公开"],
      ...dates(y.issued, y.modified),
      "dcat:distribution": (Object.keys(exportMediaTypes) as ExportFormat[]).map((format) => ({
        "@id": `${input.catalogUrl}#items-${y.year}-${format}`,
        "@type": "dcat:Distribution",
        "dct:title": `${y.year}年政府信息公开目录（${formatNames[format]}）`,
        "dct:format": formatNames[format],
        "dcat:mediaType": `https://www.iana.org/assignments/media-types/${exportMediaTypes[format]}`,
        "dcat:downloadURL": input.downloadUrl(format, y.year),
        "dcat:accessURL": input.downloadUrl(format, y.year),
        ...dates(y.issued, y.modified),
      })),
    })),
  };
}
