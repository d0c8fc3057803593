import { z } from "zod";
import { type FieldIssue, fail } from "./error.ts";
import { Item, type ItemContent, PublicItem, publicItem } from "./item.ts";
import { type Actor, canSeeUnit } from "./unit.ts";

/**
 * Links between items, stored at both ends so either item's detail shows them: a related
 * document, the document an interpretation explains (and, from the document, its
 * interpretations), the document that amended or repealed a normative document.
 */
export const LinkRelation = z.enum([
  "related",
  "interprets",
  "interpreted-by",
  "amends",
  "amended-by",
  "repeals",
  "repealed-by",
]);
export type LinkRelation = z.infer<typeof LinkRelation>;

export const inverseRelation: Record<LinkRelation, LinkRelation> = {
  related: "related",
  interprets: "interpreted-by",
  "interpreted-by": "interprets",
  amends: "amended-by",
  "amended-by": "amends",
  repeals: "repealed-by",
  "repealed-by": "repeals",
};

/** What one end shows of the other, refreshed whenever the other end changes. */
export const LinkTarget = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  unitCode: z.string(),
  state: z.string(),
  indexNumber: z.string().nullable(),
  publishedAt: z.string().nullable(),
  validity: z.string().nullable(),
});
export type LinkTarget = z.infer<typeof LinkTarget>;

export const Link = z.object({
  relation: LinkRelation,
  /** The item whose own fields declare this link; only it may remove it. */
  source: z.string(),
  target: LinkTarget,
});
export type Link = z.infer<typeof Link>;

export function linkTarget(item: Item): LinkTarget {
  const { id, kind, title, unitCode, state, indexNumber, publishedAt, validity } = item;
  return { id, kind, title, unitCode, state, indexNumber, publishedAt, validity };
}

/** The links an edition's own fields declare: related items and, for an interpretation, its document. */
export function declaredLinks(content: ItemContent): { relation: LinkRelation; to: string; path: string }[] {
  return [
    ...content.relatedItemIds.map((to, i) => ({
      relation: "related" as const,
      to,
      path: `relatedItemIds.${i}`,
    })),
    ...(content.interprets
      ? [{ relation: "interprets" as const, to: content.interprets, path: "interprets" }]
      : []),
  ];
}

/**
 * A link may point at the actor's own items in any state, or at another unit's published
 * item; linking to another unit's unpublished item is refused (it must not leak that it
 * exists, so the message is the same as for a missing one).
 */
export function checkLinkTargets(
  actor: Actor,
  selfId: string | null,
  links: { to: string; path: string }[],
  targets: Map<string, Item>,
): void {
  const issues: FieldIssue[] = [];
  for (const { to, path } of links) {
    const target = targets.get(to);
    const visible = target && (canSeeUnit(actor, target.unitCode) || target.state === "published");
    if (to === selfId) issues.push({ path, message: "不能关联自身" });
    else if (!visible) issues.push({ path, message: "关联的信息不存在或尚未公开" });
  }
  if (issues.length > 0) fail("unprocessable", "关联的信息不可用", issues);
}

/** The only publicly visible links are those to published items. */
function publicLinks(links: Link[]): Link[] {
  return links.filter((l) => l.target.state === "published");
}

/** A published item's links grouped by relation: related documents, interpretations, amending or repealing ones. */
/** Staff see an item with every link as stored, `from` naming the item the link record sits on. */
export const ItemDetail = Item.extend({ links: z.array(Link.extend({ from: z.string() })) });
export type ItemDetail = z.infer<typeof ItemDetail>;

export const PublicLinks = z.partialRecord(LinkRelation, z.array(LinkTarget));
export type PublicLinks = z.infer<typeof PublicLinks>;

export function publicLinkGroups(links: Link[]): PublicLinks {
  const grouped: PublicLinks = {};
  for (const link of publicLinks(links))
    grouped[link.relation] = [...(grouped[link.relation] ?? []), link.target];
  return grouped;
}

/** The portal's detail of a published item: the item and, grouped, what it links to. */
export const PublicItemDetail = PublicItem.extend({ links: PublicLinks });
export type PublicItemDetail = z.infer<typeof PublicItemDetail>;

export const publicItemDetail = (item: Item, links: Link[]): PublicItemDetail => ({
  ...publicItem(item),
  links: publicLinkGroups(links),
});
