import { describe, expect, it } from "vitest";
import { CreateItemInput, type Item, newItem } from "./item.ts";
import {
  csvBom,
  csvField,
  csvHeader,
  csvLine,
  csvRecord,
  DcatCatalog,
  dcatCatalog,
  ExportRecord,
  exportRecord,
  jsonArrayStream,
  publicationYear,
  tallyExportYears,
} from "./open-data.ts";
import { parseCsv } from "./testing/index.ts";

let serial = 0;

function published(over: Partial<Item> = {}, kind: "general" | "normative" = "general"): Item {
  const input = CreateItemInput.parse(
    kind === "general"
      ? {
          kind,
          title: "关于做好政务公开工作的通知",
          columnId: "decision",
          body: "<p>正文</p>",
          generatedOn: "2026-02-27",
        }
      : {
          kind,
          title: "共青城市农村生活垃圾治理办法",
          columnId: "normative-documents",
          body: "<p>正文</p>",
          generatedOn: "2026-02-26",
          docNumber: "共府办发〔2026〕11号",
          issuingOrgan: "共青城市人民政府办公室",
          effectiveOn: "2026-03-01",
        },
  );
  const id = `itm_01JD6Q3Z5K8X9V2M4N7P0R${String(serial++).padStart(4, "0")}`;
  return {
    ...newItem(input, "000000301", id, "2026-03-01T01:00:00.000Z"),
    state: "published",
    indexNumber: `000000301/2026-${String(serial).padStart(7, "0")}`,
    edition: 1,
    firstPublishedAt: "2026-03-02T02:00:00.000Z",
    publishedAt: "2026-03-02T02:00:00.000Z",
    ...over,
  };
}

describe("CSV (RFC 4180)", () => {
  it("quotes a field with a comma, a quote or a line break, and doubles its quotes", () => {
    expect(csvField("普通文字")).toBe("普通文字");
    expect(csvField("甲,乙")).toBe('"甲,乙"');
    expect(csvField('称"办法"')).toBe('"称""办法"""');
    expect(csvField("第一行\n第二行")).toBe('"第一行\n第二行"');
    expect(csvField("回车\r")).toBe('"回车\r"');
    expect(csvField(null)).toBe("");
  });

  it("a cell a spreadsheet could run as a formula is quoted behind a single quote (OWASP); others are not", () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const start of ["+", "-", "@", "\t", "\r"]) expect(csvField(`${start}1`)).toBe(`"'${start}1"`);
    expect(csvField("关于=号的说明")).toBe("关于=号的说明");
    expect(csvField("２０２６－１")).toBe("２０２６－１");
  });

  it("ends every record with CRLF", () => {
    expect(csvLine(["a", "b"])).toBe("a,b\r\n");
  });

  it("reads back field for field, however awkward the values", () => {
    const values = ['甲,"乙"', "多\r\n行", "", "普通"];
    expect(parseCsv(csvLine(values))).toEqual([values]);
  });

  it("the header row is Chinese and has one column per record field", () => {
    const [header] = parseCsv(csvHeader());
    expect(header?.slice(0, 3)).toEqual(["标识", "索引号", "标题"]);
    expect(header).toContain("发布单位");
    const item = published({ title: '关于“放管服”改革, 以及"双随机"的通知' });
    const [row] = parseCsv(csvRecord(exportRecord(item, "共青城市教育局", "https://e/x")));
    expect(row).toHaveLength(header?.length ?? -1);
    expect(row?.[2]).toBe(item.title);
  });

  it("coded values appear under their Chinese names", () => {
    const doc = published({ validity: "repealed" }, "normative");
    const [header = [], row = []] = parseCsv(
      csvHeader() + csvRecord(exportRecord(doc, "共青城市人民政府办公室", "https://e/x")),
    );
    const at = (name: string) => row[header.indexOf(name)];
    expect(at("信息类型")).toBe("规范性文件");
    expect(at("有效性")).toBe("已废止");
    expect(at("公开方式")).toBe("主动公开");
    expect(at("文号")).toBe("共府办发〔2026〕11号");
  });

  it("the byte-order mark is U+FEFF, which UTF-8 writes as EF BB BF", () => {
    expect([...new TextEncoder().encode(csvBom)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe("export record", () => {
  it("carries metadata and the public link, never the body", () => {
    const item = published({ body: "<p>正文机密</p>", summary: "摘要" });
    const record = exportRecord(item, "共青城市教育局", "https://e/public/v1/items/x");
    expect(record).toMatchObject({
      id: item.id,
      indexNumber: item.indexNumber,
      unitName: "共青城市教育局",
      columnName: "决策公开",
      summary: "摘要",
      url: "https://e/public/v1/items/x",
    });
    expect(JSON.stringify(record)).not.toContain("正文机密");
    expect(ExportRecord.parse(record)).toEqual(record);
  });
});

describe("JSON array written in pieces", () => {
  it("is valid JSON for none, one and several elements", () => {
    for (const values of [[], [{ a: 1 }], [{ a: 1 }, { b: "二" }, null]]) {
      const text =
        jsonArrayStream.open +
        values.map(jsonArrayStream.element).join("") +
        jsonArrayStream.close(values.length);
      expect(JSON.parse(text)).toEqual(values);
    }
  });
});

describe("per-year figures for the catalogue", () => {
  it("the year is the Asia/Shanghai year of first publication", () => {
    expect(publicationYear({ firstPublishedAt: "2025-12-31T16:30:00.000Z", publishedAt: null })).toBe(2026);
    expect(publicationYear({ firstPublishedAt: "2025-12-31T15:30:00.000Z", publishedAt: null })).toBe(2025);
  });

  it("counts each year's items, issued at its first publication and modified at its latest edition", () => {
    const tally = tallyExportYears([
      published({ firstPublishedAt: "2026-03-02T02:00:00.000Z", publishedAt: "2026-05-01T02:00:00.000Z" }),
      published({ firstPublishedAt: "2026-01-05T02:00:00.000Z", publishedAt: "2026-01-05T02:00:00.000Z" }),
    ]);
    tallyExportYears(
      [
        published({ firstPublishedAt: "2025-06-01T02:00:00.000Z", publishedAt: "2025-06-01T02:00:00.000Z" }),
        published({ state: "withdrawn", firstPublishedAt: "2024-06-01T02:00:00.000Z" }),
      ],
      tally,
    );
    expect(tally.get(2026)).toEqual({
      year: 2026,
      count: 2,
      issued: "2026-01-05T02:00:00.000Z",
      modified: "2026-05-01T02:00:00.000Z",
    });
    expect(tally.get(2025)?.count).toBe(1);
    expect(tally.has(2024)).toBe(false);
  });
});

describe("DCAT catalogue", () => {
  const years = [
    { year: 2025, count: 3, issued: "2025-01-03T02:00:00.000Z", modified: "2025-12-01T02:00:00.000Z" },
    { year: 2026, count: 1, issued: "2026-02-01T02:00:00.000Z", modified: "2026-03-01T02:00:00.000Z" },
  ];
  const catalog = dcatCatalog({
    catalogUrl: "https://e/public/v1/export/catalog.jsonld",
    publisher: "共青城市人民政府办公室",
    years,
    downloadUrl: (format, year) => `https://e/public/v1/export/items.${format}?year=${year}`,
  });

  it("is a dcat:Catalog with the dcat and dct vocabularies in its context", () => {
    expect(DcatCatalog.parse(catalog)).toEqual(catalog);
    expect(catalog["@type"]).toBe("dcat:Catalog");
    expect(catalog["@context"]).toMatchObject({
      dcat: "http://www.w3.org/ns/dcat#",
      dct: "http://purl.org/dc/terms/",
    });
    expect(catalog["dct:title"]).toMatch(/[\u4e00-\u9fa5]/);
    expect(catalog["dct:publisher"]).toMatchObject({ "foaf:name": "共青城市人民政府办公室" });
  });

  it("has one dataset per year, newest first, with CSV and JSON distributions to download", () => {
    const datasets = catalog["dcat:dataset"];
    expect(datasets.map((d) => d["dct:identifier"])).toEqual(["items-2026", "items-2025"]);
    const distributions = datasets[1]?.["dcat:distribution"] ?? [];
    expect(distributions.map((d) => [d["dcat:mediaType"], d["dcat:downloadURL"]])).toEqual([
      [
        "https://www.iana.org/assignments/media-types/text/csv",
        "https://e/public/v1/export/items.csv?year=2025",
      ],
      [
        "https://www.iana.org/assignments/media-types/application/json",
        "https://e/public/v1/export/items.json?year=2025",
      ],
    ]);
  });

  it("dates come from the data: each dataset's own, and the catalogue's earliest issue and latest change", () => {
    expect(catalog["dcat:dataset"][0]).toMatchObject({
      "dct:issued": "2026-02-01T02:00:00.000Z",
      "dct:modified": "2026-03-01T02:00:00.000Z",
    });
    expect(catalog).toMatchObject({
      "dct:issued": "2025-01-03T02:00:00.000Z",
      "dct:modified": "2026-03-01T02:00:00.000Z",
    });
  });

  it("an empty catalogue has no datasets and claims no dates", () => {
    const empty = dcatCatalog({
      catalogUrl: "https://e/c",
      publisher: "p",
      years: [],
      downloadUrl: () => "",
    });
    expect(empty["dcat:dataset"]).toEqual([]);
    expect("dct:issued" in empty).toBe(false);
    expect("dct:modified" in empty).toBe(false);
  });
});
