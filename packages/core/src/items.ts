import {
  type Actor,
  checkContentSize,
  checkLinkTargets,
  checkPlacement,
  declaredLinks,
  type Item,
  type ItemContent,
  itemDates,
  newItem,
  sanitizeBody,
} from "@gov/domain";
import { newId, type Principal } from "@gov/store";
import { auditOf } from "./audit.ts";
import { checkDates, nowIso } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { alsoWritten, type CreateOptions } from "./writes.ts";

/** Links are judged from the item's own unit, whoever (the office included) writes it. */
export const ownerOf = (unitCode: string): Actor => ({ unitCode, roles: ["editor"] });

/**
 * The checks every written content passes, whichever way it is written: plausible dates, an
 * existing column that takes its kind, link targets the owner may point at, a clean body, and
 * a size that fits its record, measured as stored (defaults applied, merged, sanitized).
 */
export async function checkedContent(
  deps: Deps,
  content: ItemContent,
  owner: string,
  selfId: string | null,
): Promise<ItemContent> {
  checkDates(deps, itemDates(content));
  checkPlacement(content.kind, content.columnId);
  const clean = { ...content, body: sanitizeBody(content.body) };
  checkContentSize(clean);
  const declared = declaredLinks(content);
  const targets = await deps.store.items.getMany(declared.map((d) => d.to));
  checkLinkTargets(ownerOf(owner), selfId, declared, targets);
  return clean;
}

/**
 * A new draft, however it was written (by hand, from a circular, from the annual figures, from
 * an answered application): one path, so no drafting skips a check. It belongs to the actor's
 * unit unless `unitCode` says whose it is (the application's unit when the office discloses);
 * `action` and `note` say on the audit entry where it came from.
 */
export async function draftItem(
  deps: Deps,
  actor: Principal,
  input: ItemContent,
  options: CreateOptions<Item> & { unitCode?: string; action?: string; note?: string } = {},
): Promise<Item> {
  const unitCode = options.unitCode ?? actor.unitCode;
  const content = await checkedContent(deps, input, unitCode, null);
  const item = newItem(content, unitCode, newId("item"), nowIso(deps));
  await deps.store.items.create(
    item,
    auditOf("item", item, options.action ?? "create", actor, options.note),
    alsoWritten(options, item),
  );
  return item;
}
