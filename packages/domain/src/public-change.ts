import { z } from "zod";
import { annualReportColumn } from "./column.ts";
import { type Item, ItemId, ItemKind, Validity } from "./item.ts";
import { UnitCode } from "./unit.ts";

/**
 * What a mirror (a provincial platform, the national policy library, a search engine) must
 * apply to stay equal to the city's public catalogue: an item went live, a new edition replaced
 * the live one, it was withdrawn, its 有效性 changed, or a unit's annual report was published.
 */
export const PublicChangeKind = z.enum([
  "published",
  "revised",
  "withdrawn",
  "validity-changed",
  "report-published",
]);
export type PublicChangeKind = z.infer<typeof PublicChangeKind>;

/**
 * One entry of the public change feed: only what the public already sees of the item (the
 * catalogue's fields and, when withdrawn, the tombstone's reason and date), never a draft, a
 * pending revision or the confidentiality review. `seq` is its place in the city's one order.
 */
export const PublicChangeEntry = z.object({
  seq: z.number().int().positive(),
  change: PublicChangeKind,
  /** When the change was committed. */
  at: z.string(),
  itemId: ItemId,
  indexNumber: z.string().nullable(),
  unitCode: UnitCode,
  columnId: z.string(),
  kind: ItemKind,
  title: z.string(),
  docNumber: z.string().nullable(),
  /** The live edition after the change (the withdrawn one for a tombstone). */
  edition: z.number().int().nonnegative(),
  publishedAt: z.string().nullable(),
  validity: Validity.nullable(),
  withdrawal: z.object({ reason: z.string(), withdrawnAt: z.string() }).nullable(),
  /**
   * The published items whose detail shows this one among its links (an interpretation, the
   * document it interprets, one that repeals it): their details changed with it, so a mirror
   * reads them again too.
   */
  linkedItemIds: z.array(ItemId),
});
export type PublicChangeEntry = z.infer<typeof PublicChangeEntry>;

/** An entry before the feed gives it its place. */
export type PublicChangeRecord = Omit<PublicChangeEntry, "seq">;

/**
 * The feed entry of a committed public change, from the item before and after it. A first
 * publication is `published` (`report-published` in the annual-report column); an approval of
 * an item already published is `revised`; then `withdrawn` and `validity-changed` as they say.
 * `before` is null for an item found published with no earlier entry (a table's backfill).
 */
export function publicChangeOf(
  before: Item | null,
  after: Item,
  at: string,
  linkedItemIds: string[] = [],
): PublicChangeRecord {
  return {
    change: changeKind(before, after),
    at,
    itemId: after.id,
    indexNumber: after.indexNumber,
    unitCode: after.unitCode,
    columnId: after.columnId,
    kind: after.kind,
    title: after.title,
    docNumber: after.docNumber ?? null,
    edition: after.edition,
    publishedAt: after.publishedAt,
    validity: after.validity ?? null,
    withdrawal: after.withdrawal
      ? { reason: after.withdrawal.reason, withdrawnAt: after.withdrawal.at }
      : null,
    linkedItemIds: [...new Set(linkedItemIds)].filter((id) => id !== after.id),
  };
}

function changeKind(before: Item | null, after: Item): PublicChangeKind {
  if (after.state === "withdrawn") return "withdrawn";
  if (after.state !== "published") throw new Error(`not a public change: an item ${after.state}`);
  if (before?.state !== "published")
    return after.columnId === annualReportColumn ? "report-published" : "published";
  return before.edition === after.edition ? "validity-changed" : "revised";
}
