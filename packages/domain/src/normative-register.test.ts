import { describe, expect, it } from "vitest";
import { CreateItemInput, type Item, newItem } from "./item.ts";
import { normativeRegister } from "./normative-register.ts";

let serial = 0;

function doc(generatedOn: string, docNumber: string, over: Partial<Item> = {}): Item {
  const input = CreateItemInput.parse({
    kind: "normative",
    title: `共青城市管理办法（${docNumber}）`,
    columnId: "normative-documents",
    body: "<p>第一条</p>",
    generatedOn,
    docNumber,
    issuingOrgan: "共青城市人民政府",
    effectiveOn: generatedOn,
  });
  const id = `itm_01JD6Q3Z5K8X9V2M4N7P0R${String(serial++).padStart(4, "0")}`;
  return { ...newItem(input, "000014349", id, "2026-01-01T00:00:00.000Z"), state: "published", ...over };
}

describe("the public register of normative documents", () => {
  it("lists published documents only, newest first and by 文号 number within a day", () => {
    const a = doc("2026-02-01", "共府规〔2026〕2号");
    const b = doc("2026-02-01", "共府规〔2026〕10号");
    const c = doc("2025-05-01", "共府规〔2025〕1号");
    const draft = doc("2026-03-01", "共府规〔2026〕11号", { state: "draft" });
    const withdrawn = doc("2026-03-01", "共府规〔2026〕12号", { state: "withdrawn" });
    expect(normativeRegister([c, a, draft, b, withdrawn], {}).map((e) => e.id)).toEqual([b.id, a.id, c.id]);
  });

  it("filters by the year the document was formed and by its current 有效性", () => {
    const live = doc("2026-02-01", "共府规〔2026〕1号");
    const repealed = doc("2026-02-02", "共府规〔2026〕2号", { validity: "repealed" });
    const old = doc("2025-02-02", "共府规〔2025〕2号", { validity: "repealed" });
    const all = [live, repealed, old];
    expect(normativeRegister(all, { year: 2026 }).map((e) => e.id)).toEqual([repealed.id, live.id]);
    expect(normativeRegister(all, { validity: "repealed" }).map((e) => e.id)).toEqual([repealed.id, old.id]);
    expect(normativeRegister(all, { year: 2026, validity: "effective" }).map((e) => e.id)).toEqual([live.id]);
  });

  it("a document stored without 有效性 counts as effective", () => {
    const legacy = doc("2026-02-01", "共府规〔2026〕3号", { validity: null });
    expect(normativeRegister([legacy], { validity: "effective" })[0]?.validity).toBe("effective");
  });
});
