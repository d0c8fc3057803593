import { z } from "zod";
import { yearOf } from "./date.ts";
import type { Item, Validity } from "./item.ts";
import { NormativeCatalogueEntry } from "./normative.ts";

/** A normative document as the public register lists it: its current 有效性, no body. */
export const NormativeRegisterEntry = NormativeCatalogueEntry.extend({
  issuingOrgan: z.string().nullable(),
  /** As of today, unlike the yearly catalogue's, which is as of the end of its year. */
  validity: NormativeCatalogueEntry.shape.validity,
  publishedAt: z.string().nullable(),
});
export type NormativeRegisterEntry = z.infer<typeof NormativeRegisterEntry>;

// 文号 such as 共府发〔2025〕3号 and 〔2025〕12号 must sort by number, not character by character.
const byDocNumber = new Intl.Collator("zh-CN", { numeric: true });

/**
 * The public register of normative documents (规范性文件库): published ones only, optionally
 * of one year (formed in it) and one current 有效性, newest first, then by 文号 descending.
 */
export function normativeRegister(
  documents: readonly Item[],
  filter: { year?: number | undefined; validity?: Validity | undefined },
): NormativeRegisterEntry[] {
  return (
    documents
      .filter((d) => d.kind === "normative" && d.state === "published")
      .filter((d) => filter.year === undefined || yearOf(d.generatedOn) === filter.year)
      // Items stored before 有效性 was recorded count as effective, as newItem would have set.
      .filter((d) => filter.validity === undefined || (d.validity ?? "effective") === filter.validity)
      .sort(
        (a, b) =>
          b.generatedOn.localeCompare(a.generatedOn) ||
          byDocNumber.compare(b.docNumber ?? "", a.docNumber ?? "") ||
          a.id.localeCompare(b.id),
      )
      .map((d) => ({
        id: d.id,
        title: d.title,
        docNumber: d.docNumber ?? null,
        indexNumber: d.indexNumber,
        issuingOrgan: d.issuingOrgan ?? null,
        generatedOn: d.generatedOn,
        effectiveOn: d.effectiveOn ?? null,
        validity: d.validity ?? "effective",
        unitCode: d.unitCode,
        publishedAt: d.publishedAt,
      }))
  );
}
