import {
  type Actor,
  checkLinkTargets,
  checkPlacement,
  declaredLinks,
  type Item,
  type ItemContent,
  newItem,
  sanitizeBody,
} from "@gov/domain";
import { newId, type Principal } from "@gov/store";
import { auditOf } from "./audit.ts";
import { nowIso } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { alsoWritten, type CreateOptions } from "./writes.ts";

/** Links are judged from the item's own unit, whoever (the office included) writes it. */
const ownerOf = (unitCode: string): Actor => ({ unitCode, roles: ["editor"] });

/**
 * The checks every written content passes, whichever way it is written: an existing column
 * that takes its kind, link targets the owner may point at, and a clean body.
 */
export async function checkedContent(
  deps: Deps,
  content: ItemContent,
  owner: string,
  selfId: string | null,
): Promise<ItemContent> {
  checkPlacement(content.kind, content.columnId);
  const declared = declaredLinks(content);
  const targets = await deps.store.items.getMany(declared.map((d) => d.to));
  checkLinkTargets(ownerOf(owner), selfId, declared, targets);
  return { ...content, body: sanitizeBody(content.body) };
}

/**
 * A new draft in the actor's unit, however it was written (by hand, from a circular, from
 * the annual figures): one path, so no drafting skips a check. `note` says on the audit
 * entry where the draft came from.
 */
export async function draftItem(
  deps: Deps,
  actor: Principal,
  input: ItemContent,
  options: CreateOptions<Item> & { note?: string } = {},
): Promise<Item> {
  const content = await checkedContent(deps, input, actor.unitCode, null);
  const item = newItem(content, actor.unitCode, newId("item"), nowIso(deps));
  await deps.store.items.create(
    item,
    auditOf("item", item, "create", actor, options.note),
    alsoWritten(options, item),
  );
  return item;
}
