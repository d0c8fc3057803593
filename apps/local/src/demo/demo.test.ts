import { CreateItemInput, findColumn, ItemKind, Unit } from "@gov/domain";
import { describe, expect, it } from "vitest";
import { demoItems } from "./items.ts";
import { demoUnitCodes, demoUnits, officeUnitCode } from "./units.ts";

const unitCodes = demoUnits.map((u) => u.code);
const label = (item: { title: string }) => item.title;

describe("demo units", () => {
  it("every demo unit is a valid Unit with a nine-digit code in the seed's style", () => {
    for (const unit of demoUnits) {
      expect(Unit.safeParse(unit).error, unit.name).toBeUndefined();
      expect(unit.code, unit.name).toMatch(/^\d{9}$/);
    }
  });

  it("unit codes and names are unique", () => {
    expect(new Set(unitCodes).size).toBe(unitCodes.length);
    expect(new Set(demoUnits.map((u) => u.name)).size).toBe(demoUnits.length);
  });

  it("there is exactly one office, and it carries the seed's 索引号 unit code", () => {
    const offices = demoUnits.filter((u) => u.kind === "office");
    expect(offices.map((u) => u.code)).toEqual([officeUnitCode]);
    expect(officeUnitCode).toBe("000014349");
  });

  it("the city has at least a dozen departments and its 5 乡镇 and 1 街道", () => {
    expect(demoUnits.filter((u) => u.kind === "department").length).toBeGreaterThanOrEqual(12);
    expect(demoUnits.filter((u) => u.kind === "township").length).toBe(5);
    expect(demoUnits.filter((u) => u.kind === "street").length).toBe(1);
  });

  it("every short name used by the items names a demo unit", () => {
    for (const [name, code] of Object.entries(demoUnitCodes)) expect(unitCodes, name).toContain(code);
  });
});

describe("demo items", () => {
  it("there are at least 40, with distinct titles", () => {
    expect(demoItems.length).toBeGreaterThanOrEqual(40);
    expect(new Set(demoItems.map(label)).size).toBe(demoItems.length);
  });

  it("every demo item, without its unit code, parses as CreateItemInput", () => {
    for (const { unitCode: _unitCode, ...input } of demoItems) {
      expect(CreateItemInput.safeParse(input).error, input.title).toBeUndefined();
    }
  });

  it("every demo item goes in an existing column that takes its kind", () => {
    for (const item of demoItems) {
      const column = findColumn(item.columnId);
      expect(column, `${item.title}: ${item.columnId}`).toBeDefined();
      expect(column?.kinds, item.title).toContain(item.kind);
    }
  });

  it("every demo item is published by a demo unit", () => {
    for (const item of demoItems) expect(unitCodes, item.title).toContain(item.unitCode);
  });

  it("ids are allocated at seed time, so no demo item links to another", () => {
    for (const item of demoItems) {
      expect(item.interprets, item.title).toBeUndefined();
      expect(item.relatedItemIds, item.title).toBeUndefined();
    }
  });

  it("normative documents carry a 文号 and are marked effective (国办发〔2017〕47号)", () => {
    const documents = demoItems.filter((i) => i.kind === "normative");
    expect(documents.length).toBeGreaterThan(0);
    for (const doc of documents) {
      expect(doc.docNumber, doc.title).toMatch(/^共府(办)?发〔\d{4}〕\d+号$/);
      expect(doc.validity, doc.title).toBe("effective");
    }
  });

  it("the 2019 catalogue lists the report's six filed documents, each by its 文号", () => {
    const catalogue = demoItems.find((i) => i.title === "共青城市2019年规范性文件目录");
    const documents = demoItems.filter((i) => i.kind === "normative" && i.generatedOn.startsWith("2019"));
    expect(documents).toHaveLength(6);
    for (const doc of documents) expect(catalogue?.body, doc.title).toContain(doc.docNumber);
  });

  it("each normative document has an interpretation naming its 文号, dated the same day (三同步)", () => {
    const interpretations = demoItems.filter((i) => i.kind === "interpretation");
    for (const doc of demoItems.filter((i) => i.kind === "normative")) {
      const match = interpretations.find(
        (i) => doc.docNumber !== undefined && i.body.includes(doc.docNumber),
      );
      expect(match?.generatedOn, doc.title).toBe(doc.generatedOn);
    }
  });

  it("the rectification report is there as the seed shows it", () => {
    const report = demoItems.find((i) => i.title === "共青城市2019年政务工作整改情况报告");
    expect(report).toMatchObject({
      unitCode: officeUnitCode,
      columnId: "supervision",
      generatedOn: "2019-12-25",
      category: "监督保障",
    });
  });

  it("every special kind appears at least once, so the demo exercises each column rule", () => {
    const kinds = new Set(demoItems.map((i) => i.kind));
    for (const kind of ItemKind.options) expect(kinds.has(kind), kind).toBe(true);
  });

  it("all eight project stages have an item", () => {
    const stages = new Set(demoItems.filter((i) => i.kind === "project").map((i) => i.columnId));
    expect(stages.size).toBe(8);
  });

  it("budgets publish their 三公经费", () => {
    const budgets = demoItems.filter((i) => i.kind === "budget" && i.title.endsWith("部门预算"));
    expect(budgets.length).toBeGreaterThan(0);
    for (const budget of budgets) expect(budget.body, budget.title).toContain("三公");
  });
});
