import { describe, expect, it } from "vitest";
import {
  approveItem,
  CreateItemInput,
  type Item,
  newItem,
  reviseItem,
  submitItem,
  withdrawItem,
} from "./item.ts";
import { changeValidity, ValidityChangeInput } from "./normative.ts";
import { PublicChangeEntry, publicChangeOf } from "./public-change.ts";

const unit = "000014349";
const review = {
  stateSecret: false,
  personalPrivacy: false,
  tradeSecret: false,
  otherSensitive: false,
  reviewerUnitCode: unit,
  reviewerKeyId: "key_test",
  reviewedAt: "2026-03-02T02:00:00.000Z",
};

const normative = {
  kind: "normative",
  title: "共青城市行政规范性文件管理办法",
  columnId: "normative-documents",
  body: "<p>第一条……</p>",
  generatedOn: "2026-02-26",
  docNumber: "共府办发〔2026〕1号",
  issuingOrgan: "共青城市人民政府办公室",
  effectiveOn: "2026-03-01",
};

function submitted(input: object = normative): Item {
  const draft = newItem(
    CreateItemInput.parse(input),
    unit,
    "itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
    "2026-02-27T02:00:00.000Z",
  );
  return submitItem(draft, "2026-02-28T02:00:00.000Z");
}

const published = (input: object = normative): Item =>
  approveItem(submitted(input), review, `${unit}/2026-0000001`, "2026-03-02T02:00:00.000Z");

const at = "2026-03-05T02:00:00.000Z";

describe("the public change feed's entries (ADR 0059)", () => {
  it("a first publication is `published`; the same approval of an item already live is `revised`", () => {
    const first = published();
    expect(publicChangeOf(submitted(), first, at).change).toBe("published");

    const revision = submitItem(reviseItem(first, "2026-03-03T02:00:00.000Z"), "2026-03-03T03:00:00.000Z");
    const second = approveItem(revision, review, "unused", "2026-03-04T02:00:00.000Z");
    const entry = publicChangeOf(first, second, at);
    expect(entry.change).toBe("revised");
    expect(entry.edition).toBe(2);
    // Control: the same approval seen from a state not yet published is a first publication.
    expect(publicChangeOf(null, second, at).change).toBe("published");
  });

  it("a withdrawal is a tombstone: id, 索引号, reason and date", () => {
    const live = published();
    const gone = withdrawItem(live, "内容已过时", unit, "2026-03-06T02:00:00.000Z");
    const entry = publicChangeOf(live, gone, at);
    expect(entry).toMatchObject({
      change: "withdrawn",
      itemId: live.id,
      indexNumber: `${unit}/2026-0000001`,
      withdrawal: { reason: "内容已过时", withdrawnAt: "2026-03-06T02:00:00.000Z" },
    });
    // Control: the live item carries no withdrawal.
    expect(publicChangeOf(null, live, at).withdrawal).toBeNull();
  });

  it("a 有效性 change keeps the edition and says the new validity", () => {
    const live = published();
    const repealed = changeValidity(
      live,
      ValidityChangeInput.parse({ status: "repealed", on: "2026-03-04", reason: "上位法废止" }),
      { unitCode: unit },
      "2026-03-05T02:00:00.000Z",
    );
    const entry = publicChangeOf(live, repealed, at);
    expect(entry).toMatchObject({ change: "validity-changed", validity: "repealed", edition: 1 });
    expect(publicChangeOf(null, live, at).validity).toBe("effective");
  });

  it("an annual report's first publication is `report-published` (OGI Art. 49)", () => {
    const report = published({
      kind: "general",
      title: "共青城市2025年政府信息公开工作年度报告",
      columnId: "annual-reports",
      body: "<p>一、总体情况……</p>",
      generatedOn: "2026-01-20",
    });
    expect(publicChangeOf(null, report, at).change).toBe("report-published");
    // Control: the same item in another column is an ordinary publication.
    expect(publicChangeOf(null, { ...report, columnId: "decision" }, at).change).toBe("published");
  });

  it("an entry holds only public fields: no review, draft, revision or body", () => {
    const live = reviseItem(published(), "2026-03-03T02:00:00.000Z");
    const entry = publicChangeOf(null, live, at);
    const parsed = PublicChangeEntry.strict().safeParse({ ...entry, seq: 1 });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const text = JSON.stringify(entry);
    for (const hidden of ["key_test", "第一条", "stateSecret", "revision"])
      expect(text).not.toContain(hidden);
    // Control: the item itself holds every one of them.
    for (const hidden of ["key_test", "第一条", "stateSecret", "revision"])
      expect(JSON.stringify(live)).toContain(hidden);
  });

  it("names once the other items whose detail shows this one, never itself", () => {
    const live = published();
    const other = "itm_01JD6Q3Z5K8X9V2M4N7P0R1S3V";
    expect(publicChangeOf(null, live, at, [other, live.id, other]).linkedItemIds).toEqual([other]);
    expect(publicChangeOf(null, live, at).linkedItemIds).toEqual([]);
  });

  it("a draft is not a public change", () => {
    expect(() => publicChangeOf(null, submitted(), at)).toThrow();
    // Control: the same item approved is one.
    expect(publicChangeOf(null, published(), at).change).toBe("published");
  });
});
