import { z } from "zod";
import { IsoDate, shanghaiDate, yearOf } from "./date.ts";
import { fail } from "./error.ts";
import { type Item, stateNames, Validity, type ValidityEvent } from "./item.ts";
import { ItemId, text } from "./item-kind.ts";
import { UnitCode } from "./unit.ts";

/** Chinese names of 有效性 as portals show them. */
export const validityNames: Record<Validity, string> = {
  effective: "有效",
  amended: "已修改",
  repealed: "已废止",
  expired: "已失效",
};

/** A change of 有效性: a document is never "made effective again", so `effective` is not offered. */
export const ValidityChangeInput = z.strictObject({
  status: z.enum(["amended", "repealed", "expired"]),
  on: IsoDate,
  reason: text(500),
  /** The amending or repealing document, when there is one. */
  byItemId: ItemId.optional(),
});
export type ValidityChangeInput = z.infer<typeof ValidityChangeInput>;

// A repealed or expired document stays so; a later document replaces it instead. An amended
// one may be amended again before it ends.
const allowedFrom: Record<Validity, readonly ValidityChangeInput["status"][]> = {
  effective: ["amended", "repealed", "expired"],
  amended: ["amended", "repealed", "expired"],
  repealed: [],
  expired: [],
};

const ending = (status: Validity) => status === "repealed" || status === "expired";

/**
 * Marks an amendment, repeal or expiry on the original document rather than removing it
 * (国办发〔2017〕47号): the item keeps its place and 索引号, and the history says when, why and
 * by which document its 有效性 changed.
 */
export function changeValidity(
  item: Item,
  change: ValidityChangeInput,
  actor: { unitCode: string },
  now: string,
): Item {
  if (item.kind !== "normative") {
    fail("unprocessable", "只有规范性文件可以标注有效性", [
      { path: "status", message: "该信息不是规范性文件，没有有效性" },
    ]);
  }
  if (item.state !== "published") {
    fail("conflict", `当前状态为“${stateNames[item.state]}”，只有已发布的规范性文件可以变更有效性`);
  }
  // Items stored before 有效性 was recorded count as effective, as newItem would have set.
  const current = item.validity ?? "effective";
  if (!allowedFrom[current].includes(change.status)) {
    fail("conflict", `该文件${validityNames[current]}，不能再变更为“${validityNames[change.status]}”`);
  }
  const today = shanghaiDate(new Date(now));
  if (change.on < item.generatedOn) {
    fail("unprocessable", "变更日期不能早于文件成文日期", [
      { path: "on", message: `不能早于成文日期${item.generatedOn}` },
    ]);
  }
  if (change.on > today) {
    fail("unprocessable", "变更日期不能晚于今天", [{ path: "on", message: `不能晚于${today}` }]);
  }
  // The history is read in order to know the status on a given day (the yearly catalogue);
  // an event dated before the previous one would rewrite what that day already showed.
  const previous = item.validityHistory.at(-1);
  if (previous && change.on < previous.on) {
    fail("unprocessable", "变更日期不能早于上一次有效性变更的日期", [
      { path: "on", message: `不能早于${previous.on}（${validityNames[previous.status]}）` },
    ]);
  }
  const event: ValidityEvent = { ...change, at: now, actorUnitCode: actor.unitCode };
  return {
    ...item,
    validity: change.status,
    validityHistory: [...item.validityHistory, event],
    version: item.version + 1,
    updatedAt: now,
  };
}

/** The 有效性 a document had at the end of `day`, from its history. */
export function validityOn(item: Pick<Item, "validityHistory">, day: IsoDate): Validity {
  let status: Validity = "effective";
  for (const event of item.validityHistory) if (event.on <= day) status = event.status;
  return status;
}

export const NormativeCatalogueEntry = z.object({
  id: ItemId,
  title: z.string(),
  docNumber: z.string().nullable(),
  indexNumber: z.string().nullable(),
  generatedOn: IsoDate,
  effectiveOn: IsoDate.nullable(),
  /** As of the end of the catalogue's year, not as of today. */
  validity: Validity,
  unitCode: UnitCode,
});
export type NormativeCatalogueEntry = z.infer<typeof NormativeCatalogueEntry>;

const count = z.number().int().nonnegative();

/**
 * The yearly catalogue of normative documents, with the three figures of the annual report
 * (国办公开办函〔2021〕30号, table 二 “规章/规范性文件”).
 */
export const NormativeCatalogue = z.object({
  year: z.number().int(),
  /** 本年制发件数. */
  issued: count,
  /** 本年废止件数: repealed or expired during the year. */
  repealed: count,
  /** 现行有效件数: in force at the end of the year. */
  valid: count,
  /** The documents issued in the year, in date and 文号 order. */
  documents: z.array(NormativeCatalogueEntry),
});
export type NormativeCatalogue = z.infer<typeof NormativeCatalogue>;

// 文号 such as 共府发〔2025〕3号 and 〔2025〕12号 must sort by number, not character by character.
const byDocNumber = new Intl.Collator("zh-CN", { numeric: true });

/**
 * Counts only what the public can see: drafts were never issued and a withdrawn item was
 * taken down, so neither belongs in a published catalogue or report.
 */
export function normativeCatalogue(documents: readonly Item[], year: number): NormativeCatalogue {
  const yearEnd = `${year}-12-31`;
  const published = documents.filter((d) => d.kind === "normative" && d.state === "published");
  const endedOn = (d: Item) => d.validityHistory.find((e) => ending(e.status))?.on;

  const issued = published
    .filter((d) => yearOf(d.generatedOn) === year)
    .sort(
      (a, b) =>
        a.generatedOn.localeCompare(b.generatedOn) ||
        byDocNumber.compare(a.docNumber ?? "", b.docNumber ?? "") ||
        a.id.localeCompare(b.id),
    );
  const repealed = published.filter((d) => {
    const on = endedOn(d);
    return on !== undefined && yearOf(on) === year;
  });
  const valid = published.filter((d) => {
    const on = endedOn(d);
    return d.generatedOn <= yearEnd && (on === undefined || on > yearEnd);
  });

  return {
    year,
    issued: issued.length,
    repealed: repealed.length,
    valid: valid.length,
    documents: issued.map((d) => ({
      id: d.id,
      title: d.title,
      docNumber: d.docNumber ?? null,
      indexNumber: d.indexNumber,
      generatedOn: d.generatedOn,
      effectiveOn: d.effectiveOn ?? null,
      validity: validityOn(d, yearEnd),
      unitCode: d.unitCode,
    })),
  };
}
