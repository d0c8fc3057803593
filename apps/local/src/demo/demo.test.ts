import {
  addWorkingDays,
  builtInCalendar,
  CreateItemInput,
  findColumn,
  ItemKind,
  newItem,
  Unit,
  workingDaysBetween,
} from "@gov/domain";
import { describe, expect, it } from "vitest";
import { type DemoItem, demoItems } from "./items.ts";
import { demoUnitCodes, demoUnits, officeUnitCode } from "./units.ts";

const unitCodes = demoUnits.map((u) => u.code);
const label = (item: { title: string }) => item.title;

/** An id of the right shape, standing in for the ids the seeding allocates. */
const placeholderId = "itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T";

/** The item as the seeding will create it, with placeholder ids where its refs will be resolved. */
function asInput(item: DemoItem): unknown {
  const { unitCode: _unitCode, ref: _ref, interpretsRef, relatedRefs, ...input } = item;
  return {
    ...input,
    ...(interpretsRef === undefined ? {} : { interprets: placeholderId }),
    ...(relatedRefs === undefined ? {} : { relatedItemIds: relatedRefs.map(() => placeholderId) }),
  };
}

// The seeding publishes each item two working days after it was formed.
const calendar = builtInCalendar();
const publishedOn = (item: DemoItem) => addWorkingDays(calendar, item.generatedOn, 2).date;
const calendarDaysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

const byRef = new Map(
  demoItems.flatMap((item) => (item.ref === undefined ? [] : [[item.ref, item] as const])),
);
const ofKind = <K extends DemoItem["kind"]>(kind: K) =>
  demoItems.filter((i): i is Extract<DemoItem, { kind: K }> => i.kind === kind);

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

  it("every demo item, its refs resolved to ids, parses as CreateItemInput", () => {
    for (const item of demoItems) {
      expect(CreateItemInput.safeParse(asInput(item)).error, item.title).toBeUndefined();
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

  it("ids are allocated at seed time, so demo items link only by ref", () => {
    for (const item of demoItems) {
      expect("interprets" in item, item.title).toBe(false);
      expect("relatedItemIds" in item, item.title).toBe(false);
    }
  });

  it("refs are unique", () => {
    const refs = demoItems.flatMap((i) => (i.ref === undefined ? [] : [i.ref]));
    expect(refs.length).toBeGreaterThan(0);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it("every interpretsRef and relatedRefs names the ref of an earlier item, so the seeding knows its id", () => {
    const seen = new Set<string>();
    for (const item of demoItems) {
      const targets = [
        ...(item.interpretsRef === undefined ? [] : [item.interpretsRef]),
        ...(item.relatedRefs ?? []),
      ];
      for (const target of targets) expect([...seen], `${item.title} → ${target}`).toContain(target);
      if (item.ref !== undefined) seen.add(item.ref);
    }
  });

  it("related refs are distinct, at most 20, and never the item itself", () => {
    for (const item of demoItems) {
      const related = item.relatedRefs ?? [];
      expect(new Set(related).size, item.title).toBe(related.length);
      expect(related.length, item.title).toBeLessThanOrEqual(20);
      if (item.ref !== undefined) expect(related, item.title).not.toContain(item.ref);
    }
  });

  it("every interpretation, and only an interpretation, interprets a normative document", () => {
    for (const item of demoItems) {
      if (item.kind !== "interpretation") {
        expect(item.interpretsRef, item.title).toBeUndefined();
        continue;
      }
      expect(item.interpretsRef, item.title).toBeDefined();
      expect(byRef.get(item.interpretsRef ?? "")?.kind, item.title).toBe("normative");
    }
  });

  it("normative documents carry a 文号, their issuing organ and a passed 司法局 filing", () => {
    const documents = ofKind("normative");
    expect(documents.length).toBeGreaterThan(0);
    for (const doc of documents) {
      expect(doc.docNumber, doc.title).toMatch(/^共府(办)?发〔\d{4}〕\d+号$/);
      expect(doc.title.startsWith(doc.issuingOrgan), doc.title).toBe(true);
      expect(doc.effectiveOn >= doc.generatedOn, doc.title).toBe(true);
      expect(doc.filing, doc.title).toMatchObject({ filedWith: "共青城市司法局", result: "passed" });
      expect((doc.filing?.filedOn ?? "") >= doc.generatedOn, doc.title).toBe(true);
    }
  });

  it("normative documents leave 有效性 to the server, which marks them effective (国办发〔2017〕47号)", () => {
    for (const doc of ofKind("normative")) {
      expect("validity" in doc, doc.title).toBe(false);
      const item = newItem(
        CreateItemInput.parse(asInput(doc)),
        doc.unitCode,
        placeholderId,
        "2019-01-01T00:00:00Z",
      );
      expect(item.validity, doc.title).toBe("effective");
    }
  });

  it("six normative documents are dated 2019, as the report counts them (共6个)", () => {
    expect(ofKind("normative").filter((d) => d.generatedOn.startsWith("2019"))).toHaveLength(6);
  });

  it("the 2019 catalogue lists the report's six filed documents by 文号 and relates to each", () => {
    const catalogue = demoItems.find((i) => i.title === "共青城市2019年规范性文件目录");
    const documents = ofKind("normative").filter((i) => i.generatedOn.startsWith("2019"));
    for (const doc of documents) {
      expect(catalogue?.body, doc.title).toContain(doc.docNumber);
      expect(catalogue?.relatedRefs, doc.title).toContain(doc.ref);
    }
  });

  it("each normative document has one interpretation naming its 文号, all but one within 3 working days (三同步)", () => {
    const lags: number[] = [];
    for (const doc of ofKind("normative")) {
      const interpretations = ofKind("interpretation").filter((i) => i.interpretsRef === doc.ref);
      expect(interpretations, doc.title).toHaveLength(1);
      const [interpretation] = interpretations;
      if (!interpretation) continue;
      expect(interpretation.body, doc.title).toContain(doc.docNumber);
      expect(interpretation.generatedOn >= doc.generatedOn, doc.title).toBe(true);
      lags.push(workingDaysBetween(calendar, publishedOn(doc), publishedOn(interpretation)).days);
    }
    // One lagging interpretation gives the evaluation something to find.
    expect(lags.filter((lag) => lag > 3)).toHaveLength(1);
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

  it("each project item's stage is the one its column names", () => {
    for (const item of ofKind("project")) expect(item.columnId, item.title).toBe(`project-${item.stage}`);
  });

  it("budgets publish their 三公经费", () => {
    const budgets = ofKind("budget").filter((i) => i.title.endsWith("部门预算"));
    expect(budgets.length).toBeGreaterThan(0);
    for (const budget of budgets) {
      expect(budget.body, budget.title).toContain("三公");
      expect(budget.includesThreePublic, budget.title).toBe(true);
    }
  });

  it("budgets are approved before they are formed; all but one publish within 20 days (预算法 Art. 14)", () => {
    const late = ofKind("budget").filter((budget) => {
      expect(budget.approvedOn <= budget.generatedOn, budget.title).toBe(true);
      expect(budget.title, budget.title).toContain(String(budget.fiscalYear));
      return calendarDaysBetween(budget.approvedOn, publishedOn(budget)) > 20;
    });
    // One late budget gives the evaluation something to find.
    expect(late.map(label)).toHaveLength(1);
  });

  it("meetings are held before their items are formed, audits cover an earlier year", () => {
    for (const meeting of ofKind("meeting"))
      expect(meeting.heldOn <= meeting.generatedOn, meeting.title).toBe(true);
    for (const audit of ofKind("audit")) {
      expect(audit.auditYear, audit.title).toBeLessThan(Number(audit.generatedOn.slice(0, 4)));
    }
  });
});
