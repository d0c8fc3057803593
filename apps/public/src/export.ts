import {
  csvBom,
  csvHeader,
  csvRecord,
  DcatCatalog,
  dcatCatalog,
  type ExportFormat,
  ExportRecord,
  exportMediaTypes,
  exportRecord,
  type Item,
  jsonArrayStream,
  tallyExportYears,
} from "@gov/domain";
import { type AppEnv, logError, named, newRouter, problemResponse } from "@gov/http";
import type { Page } from "@gov/store";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { stream } from "hono/streaming";
import { apiBase, itemUrl, selfUrl, unitDirectory } from "./addresses.ts";

/** Items per read: the store's page maximum, so a large export costs as few reads as possible. */
const pageSize = 100;

const YearQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .openapi({ example: 2026, description: "首次发布年份（北京时间）；不填为全部年份" }),
});

const exampleRecord: ExportRecord = {
  id: "itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
  indexNumber: "000014349/2026-0000001",
  title: "关于做好2026年政务公开工作的通知",
  unitCode: "000014349",
  unitName: "共青城市人民政府办公室",
  columnId: "decision",
  columnName: "决策公开",
  kind: "general",
  category: "综合政务",
  docNumber: null,
  generatedOn: "2026-02-27",
  firstPublishedAt: "2026-03-02T02:00:00.000Z",
  publishedAt: "2026-03-02T02:00:00.000Z",
  validity: null,
  disclosureMethod: "proactive",
  timeLimit: "常年公开",
  scope: "面向全社会",
  summary: null,
  url: "https://example.gov.cn/public/v1/items/itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
};

const contentTypes: Record<ExportFormat, string> = {
  csv: `${exportMediaTypes.csv}; charset=utf-8; header=present`,
  json: `${exportMediaTypes.json}; charset=utf-8`,
};

/**
 * Streams every published item (of a year, or of all years) page by page, so memory stays
 * one page whatever the size of the export. The first page is read before the response
 * starts: a database failure then is an ordinary 500 problem. A failure later can no longer
 * change the status, so the stream is aborted instead of closed: the client sees a broken
 * download rather than a file that looks complete.
 */
async function exportResponse(c: Context<AppEnv>, format: ExportFormat, year: number | undefined) {
  const { store } = c.var.deps;
  const read = (cursor?: string): Promise<Page<Item>> =>
    store.items.listPublished({ year }, { limit: pageSize, cursor });
  const [first, units] = await Promise.all([read(), store.units.list()]);
  const names = unitDirectory(units).names;
  const base = apiBase(c.req.url);
  const lines = (items: Item[], written: number) =>
    items
      .filter((item) => item.state === "published")
      .map((item, i) => {
        const record = exportRecord(item, names.get(item.unitCode) ?? null, itemUrl(base, item.id));
        return format === "csv" ? csvRecord(record) : jsonArrayStream.element(record, written + i);
      });

  c.header("content-type", contentTypes[format]);
  c.header("content-disposition", `attachment; filename="gov-disclosure-items-${year ?? "all"}.${format}"`);
  return stream(
    c,
    async (out) => {
      let written = 0;
      let page = first;
      await out.write(format === "csv" ? csvBom + csvHeader() : jsonArrayStream.open);
      for (;;) {
        const chunk = lines(page.items, written);
        written += chunk.length;
        if (chunk.length > 0) await out.write(chunk.join(""));
        if (!page.nextCursor || out.aborted) break;
        page = await read(page.nextCursor);
      }
      if (format === "json") await out.write(jsonArrayStream.close(written));
    },
    async (error, out) => {
      logError(c, error);
      // The helper closes the stream after this returns, which would end the download as if
      // complete; erroring its writer first makes the body fail instead. `writer` is private
      // in Hono's types, so export.test.ts checks this still happens after an upgrade.
      const { writer } = out as unknown as { writer: WritableStreamDefaultWriter };
      await writer.abort(error).catch(() => {});
    },
  );
}

const download = (format: ExportFormat, example: unknown, description: string) =>
  createRoute({
    method: "get",
    path: `/export/items.${format}`,
    summary:
      format === "csv"
        ? "开放数据：已公开信息元数据（CSV，UTF-8带BOM，中文表头）"
        : "开放数据：已公开信息元数据（JSON数组）",
    description,
    request: { query: YearQuery },
    responses: {
      200: {
        description: "附件下载（流式输出，不含正文）",
        content: {
          [exportMediaTypes[format]]: {
            schema: format === "csv" ? z.string() : z.array(named(ExportRecord, "ExportRecord")),
            example,
          },
        },
      },
      400: problemResponse("参数有误"),
    },
  });

export const exportRoutes = newRouter()
  .openapi(
    download(
      "csv",
      "\uFEFF标识,索引号,标题,单位代码,发布单位,栏目标识,栏目,信息类型,主题分类,文号,成文日期,首次发布时间,本版发布时间,有效性,公开方式,公开时限,公开范围,摘要,链接\r\n" +
        "itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T,000014349/2026-0000001,关于做好2026年政务公开工作的通知,000014349,共青城市人民政府办公室,decision,决策公开,普通信息,综合政务,,2026-02-27,2026-03-02T02:00:00.000Z,2026-03-02T02:00:00.000Z,,主动公开,常年公开,面向全社会,,https://example.gov.cn/public/v1/items/itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T\r\n",
      "RFC 4180格式，含逗号、引号或换行的字段加引号；按首次发布时间倒序。",
    ),
    async (c) => exportResponse(c, "csv", c.req.valid("query").year),
  )
  .openapi(
    download(
      "json",
      [exampleRecord],
      "字段名与接口一致，编码值（类型、有效性、公开方式）为代码；按首次发布时间倒序。",
    ),
    async (c) => exportResponse(c, "json", c.req.valid("query").year),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/export/catalog.jsonld",
      summary: "开放数据目录（DCAT，JSON-LD）：每年一个数据集，含CSV与JSON下载地址",
      responses: {
        200: {
          description: "DCAT目录",
          content: {
            "application/ld+json": {
              schema: named(DcatCatalog, "DcatCatalog"),
              example: {
                "@type": "dcat:Catalog",
                "dct:title": "政府信息公开开放数据目录",
                "dcat:dataset": [{ "@type": "dcat:Dataset", "dct:title": "2026年政府信息公开目录" }],
              },
            },
          },
        },
      },
    }),
    async (c) => {
      const { store } = c.var.deps;
      // Every published item is read once, a page at a time, to date each year from the data.
      const tally = tallyExportYears([]);
      let cursor: string | undefined;
      do {
        const page = await store.items.listPublished({}, { limit: pageSize, cursor });
        tallyExportYears(page.items, tally);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const base = apiBase(c.req.url);
      const catalog = dcatCatalog({
        catalogUrl: selfUrl(c.req.url),
        publisher: unitDirectory(await store.units.list()).publisher,
        years: tally.values(),
        downloadUrl: (format, year) => `${base}/export/items.${format}?year=${year}`,
      });
      return c.json(catalog, 200, { "Content-Type": "application/ld+json; charset=utf-8" });
    },
  );
