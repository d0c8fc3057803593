import { describe, expect, it } from "vitest";
import { DomainError } from "./error.ts";
import { CreateItemInput, type Item, newItem } from "./item.ts";
import {
  changeValidity,
  NormativeCatalogue,
  normativeCatalogue,
  ValidityChangeInput,
  validityNames,
  validityOn,
} from "./normative.ts";

const unit = "000014349";
const actor = { unitCode: unit };
const t0 = "2025-01-02T02:00:00.000Z";
/** Late enough for every change dated in the tests. */
const later = "2026-06-01T02:00:00.000Z";

let serial = 0;
const nextId = () => `itm_01JD6Q3Z5K8X9V2M4N7P0R${String(serial++).padStart(4, "0")}`;

function normative(generatedOn: string, over: Partial<Item> = {}): Item {
  const input = CreateItemInput.parse({
    kind: "normative",
    title: `关于印发某某管理办法的通知（${generatedOn}）`,
    columnId: "normative",
    body: "<p>正文</p>",
    generatedOn,
    docNumber: `共府规〔${generatedOn.slice(0, 4)}〕${serial + 1}号`,
    issuingOrgan: "共青城市人民政府",
    effectiveOn: generatedOn,
  });
  const item = newItem(input, unit, nextId(), t0);
  return {
    ...item,
    state: "published",
    indexNumber: `${unit}/${generatedOn.slice(0, 4)}-${serial}`,
    ...over,
  };
}

const change = (status: "amended" | "repealed" | "expired", on: string, reason = "根据上位法调整") =>
  ValidityChangeInput.parse({ status, on, reason });

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError)
      return { kind: error.kind, message: error.message, issues: error.issues };
    throw error;
  }
  throw new Error("expected a DomainError");
};

describe("validity change input", () => {
  it("offers only amended, repealed and expired, with a trimmed reason of 1..500 characters", () => {
    expect(
      ValidityChangeInput.parse({ status: "repealed", on: "2025-05-01", reason: "  已被新办法替代 " }).reason,
    ).toBe("已被新办法替代");
    expect(
      ValidityChangeInput.safeParse({ status: "effective", on: "2025-05-01", reason: "x" }).success,
    ).toBe(false);
    expect(
      ValidityChangeInput.safeParse({ status: "repealed", on: "2025-05-01", reason: "   " }).success,
    ).toBe(false);
    expect(
      ValidityChangeInput.safeParse({ status: "repealed", on: "2025-05-01", reason: "长".repeat(501) })
        .success,
    ).toBe(false);
    expect(
      ValidityChangeInput.safeParse({
        status: "repealed",
        on: "2025-05-01",
        reason: "x",
        actorUnitCode: unit,
      }).success,
    ).toBe(false);
  });

  it("names 有效性 as portals show it", () => {
    expect(validityNames).toEqual({
      effective: "有效",
      amended: "已修改",
      repealed: "已废止",
      expired: "已失效",
    });
  });
});

describe("changing 有效性 (marked on the original, 国办发〔2017〕47号)", () => {
  it("国办发〔2017〕47号: a repeal is marked on the original with when, why, by what and by whom", () => {
    const doc = normative("2025-03-01");
    const byItemId = nextId();
    const repealed = changeValidity(
      doc,
      ValidityChangeInput.parse({ status: "repealed", on: "2025-09-01", reason: "被新办法废止", byItemId }),
      actor,
      later,
    );
    expect(repealed).toMatchObject({
      id: doc.id,
      indexNumber: doc.indexNumber,
      state: "published",
      validity: "repealed",
      version: doc.version + 1,
      updatedAt: later,
    });
    expect(repealed.validityHistory).toEqual([
      {
        status: "repealed",
        on: "2025-09-01",
        reason: "被新办法废止",
        byItemId,
        at: later,
        actorUnitCode: unit,
      },
    ]);
    // The input item is a value: the change makes a new one.
    expect(doc.validity).toBe("effective");
    expect(doc.validityHistory).toEqual([]);
  });

  it("effective → amended → amended → expired, each appended to the history", () => {
    let doc = normative("2025-03-01");
    doc = changeValidity(doc, change("amended", "2025-04-01"), actor, later);
    doc = changeValidity(doc, change("amended", "2025-05-01"), actor, later);
    doc = changeValidity(doc, change("expired", "2025-06-01"), actor, later);
    expect(doc.validity).toBe("expired");
    expect(doc.validityHistory.map((e) => [e.status, e.on])).toEqual([
      ["amended", "2025-04-01"],
      ["amended", "2025-05-01"],
      ["expired", "2025-06-01"],
    ]);
    expect(doc.version).toBe(4);
  });

  it("effective → repealed, effective → expired and amended → repealed are allowed", () => {
    expect(
      changeValidity(normative("2025-03-01"), change("repealed", "2025-04-01"), actor, later).validity,
    ).toBe("repealed");
    expect(
      changeValidity(normative("2025-03-01"), change("expired", "2025-04-01"), actor, later).validity,
    ).toBe("expired");
    const amended = changeValidity(normative("2025-03-01"), change("amended", "2025-04-01"), actor, later);
    expect(changeValidity(amended, change("repealed", "2025-05-01"), actor, later).validity).toBe("repealed");
  });

  it("a repealed document is final: no further change (409, says 已废止)", () => {
    const repealed = changeValidity(normative("2025-03-01"), change("repealed", "2025-04-01"), actor, later);
    for (const status of ["amended", "repealed", "expired"] as const) {
      const f = failure(() => changeValidity(repealed, change(status, "2025-05-01"), actor, later));
      expect(f.kind).toBe("conflict");
      expect(f.message).toContain("已废止");
    }
  });

  it("an expired document is final: no further change (409, says 已失效)", () => {
    const expired = changeValidity(normative("2025-03-01"), change("expired", "2025-04-01"), actor, later);
    const f = failure(() => changeValidity(expired, change("repealed", "2025-05-01"), actor, later));
    expect(f.kind).toBe("conflict");
    expect(f.message).toContain("已失效");
  });

  it("only a published document: a draft or a withdrawn one is refused (409)", () => {
    for (const state of ["draft", "submitted", "withdrawn"] as const) {
      const f = failure(() =>
        changeValidity(normative("2025-03-01", { state }), change("repealed", "2025-04-01"), actor, later),
      );
      expect(f.kind, state).toBe("conflict");
    }
  });

  it("only a normative document has 有效性: another kind is refused (422)", () => {
    const general = { ...normative("2025-03-01"), kind: "general" as const, validity: null };
    const f = failure(() => changeValidity(general, change("repealed", "2025-04-01"), actor, later));
    expect(f.kind).toBe("unprocessable");
    expect(f.issues.map((i) => i.path)).toEqual(["status"]);
  });

  it("the change cannot be dated before the document was made (422, path on)", () => {
    const doc = normative("2025-03-01");
    expect(changeValidity(doc, change("repealed", "2025-03-01"), actor, later).validity).toBe("repealed");
    const f = failure(() => changeValidity(doc, change("repealed", "2025-02-28"), actor, later));
    expect(f.kind).toBe("unprocessable");
    expect(f.issues.map((i) => i.path)).toEqual(["on"]);
  });

  it("the change cannot be dated after today in Shanghai (422, path on)", () => {
    const doc = normative("2025-03-01");
    // 2025-06-30T17:00Z is already 07-01 in Shanghai.
    const now = "2025-06-30T17:00:00.000Z";
    expect(changeValidity(doc, change("expired", "2025-07-01"), actor, now).validity).toBe("expired");
    const f = failure(() => changeValidity(doc, change("expired", "2025-07-02"), actor, now));
    expect(f.kind).toBe("unprocessable");
    expect(f.issues.map((i) => i.path)).toEqual(["on"]);
  });

  it("the change cannot be dated before the previous change, so the history stays in date order", () => {
    const amended = changeValidity(normative("2025-03-01"), change("amended", "2025-05-01"), actor, later);
    const f = failure(() => changeValidity(amended, change("repealed", "2025-04-30"), actor, later));
    expect(f.kind).toBe("unprocessable");
    expect(f.issues.map((i) => i.path)).toEqual(["on"]);
    expect(changeValidity(amended, change("repealed", "2025-05-01"), actor, later).validity).toBe("repealed");
  });
});

describe("yearly catalogue and the annual report's table 二 (国办公开办函〔2021〕30号)", () => {
  const mark = (doc: Item, ...changes: [status: "amended" | "repealed" | "expired", on: string][]) =>
    changes.reduce((d, [status, on]) => changeValidity(d, change(status, on), actor, later), doc);

  const a = normative("2025-03-01");
  const b = mark(normative("2025-05-10"), ["amended", "2025-08-01"]);
  const c = mark(normative("2025-06-01"), ["repealed", "2025-11-01"]);
  const d = mark(normative("2024-04-01"), ["repealed", "2025-02-01"]);
  const e = mark(normative("2023-01-01"), ["repealed", "2024-06-01"]);
  const f = mark(normative("2024-02-01"), ["expired", "2025-12-31"]);
  const g = mark(normative("2024-07-01"), ["repealed", "2026-01-15"]);
  const h = mark(normative("2025-09-01"), ["amended", "2026-02-01"]);
  const withdrawn = normative("2025-04-01", { state: "withdrawn" });
  const draft = normative("2025-04-02", { state: "draft" });
  const general = { ...normative("2025-04-03"), kind: "general" as const, validity: null };
  const nextYear = normative("2026-01-05");
  const all = [h, g, f, e, d, c, b, a, withdrawn, draft, general, nextYear];

  it("本年制发: published normative documents made in the year; drafts, withdrawn items and other kinds ignored", () => {
    expect(normativeCatalogue(all, 2025).issued).toBe(4);
  });

  it("本年废止: repealed or expired during the year, whenever the document was made", () => {
    // c (repealed 11-01), d (made 2024, repealed 02-01), f (expired 12-31); not e (2024) nor g (2026).
    expect(normativeCatalogue(all, 2025).repealed).toBe(3);
  });

  it("现行有效: made by year end and not repealed or expired by then; amended still counts", () => {
    // a, b (amended), g (repealed only in 2026), h (amended only in 2026).
    expect(normativeCatalogue(all, 2025).valid).toBe(4);
    // 2024: d, f and g made; e (made 2023) repealed on 2024-06-01; d, f and g in force at year end.
    expect(normativeCatalogue(all, 2024)).toMatchObject({ issued: 3, repealed: 1, valid: 3 });
  });

  it("lists the year's documents in date order with their 有效性 as of year end", () => {
    const catalogue = normativeCatalogue(all, 2025);
    expect(NormativeCatalogue.parse(catalogue)).toEqual(catalogue);
    expect(catalogue.documents.map((x) => [x.id, x.validity])).toEqual([
      [a.id, "effective"],
      [b.id, "amended"],
      [c.id, "repealed"],
      // Amended in 2026: the 2025 catalogue still shows it as it stood on 2025-12-31.
      [h.id, "effective"],
    ]);
    expect(catalogue.documents[0]).toEqual({
      id: a.id,
      title: a.title,
      docNumber: a.docNumber,
      indexNumber: a.indexNumber,
      generatedOn: "2025-03-01",
      effectiveOn: "2025-03-01",
      validity: "effective",
      unitCode: unit,
    });
  });

  it("documents of the same day are ordered by 文号 number (3号 before 12号)", () => {
    const twelve = normative("2025-07-01", { docNumber: "共府规〔2025〕12号" });
    const three = normative("2025-07-01", { docNumber: "共府规〔2025〕3号" });
    expect(normativeCatalogue([twelve, three], 2025).documents.map((x) => x.docNumber)).toEqual([
      "共府规〔2025〕3号",
      "共府规〔2025〕12号",
    ]);
  });

  it("an empty year has zero figures and no documents", () => {
    expect(normativeCatalogue(all, 2020)).toEqual({
      year: 2020,
      issued: 0,
      repealed: 0,
      valid: 0,
      documents: [],
    });
  });
});

describe("validityOn", () => {
  it("is the status of the last change on or before the day, else effective", () => {
    const doc = {
      validityHistory: [
        { status: "amended" as const, on: "2025-04-01", reason: "x", at: later, actorUnitCode: unit },
        { status: "repealed" as const, on: "2025-09-01", reason: "y", at: later, actorUnitCode: unit },
      ],
    };
    expect(validityOn(doc, "2025-03-31")).toBe("effective");
    expect(validityOn(doc, "2025-04-01")).toBe("amended");
    expect(validityOn(doc, "2025-08-31")).toBe("amended");
    expect(validityOn(doc, "2025-09-01")).toBe("repealed");
  });
});
