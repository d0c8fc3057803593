import { checkedContent, checkVersion } from "@gov/core";
import {
  type Actor,
  type ApproveInput,
  type AuditEntry,
  approveItem,
  assertApprovable,
  changeValidity,
  checkLinkTargets,
  declaredLinks,
  fail,
  formatIndexNumber,
  type Item,
  type ItemContent,
  shanghaiDate,
  timelinessOf,
  type ValidityChangeInput,
  withdrawItem,
  yearOf,
} from "@gov/domain";
import { type AppEnv, expectedVersion, nowIso } from "@gov/http";
import { type Principal, scopedItems, type Write } from "@gov/store";
import type { Context } from "hono";
import type { z } from "zod";

/**
 * The department's workflow as it touches the store: every step reads the item as the
 * caller may see it, applies the domain rule, and writes the change, its audit entry and
 * its derived records (links, superseded editions) in one transaction.
 */
type C = Context<AppEnv>;

export const scoped = (c: C) => scopedItems(c.var.deps.store.items, c.var.principal);

export function auditOf(item: Item, action: string, principal: Principal, note?: string): AuditEntry {
  return {
    entityType: "item",
    entityId: item.id,
    action,
    version: item.version,
    actorUnitCode: principal.unitCode,
    actorKeyId: principal.keyId,
    at: item.updatedAt,
    state: item.revision ? `${item.state}+revision-${item.revision.state}` : item.state,
    ...(note ? { note } : {}),
  };
}

/** Reads the item (another unit's is 404) and checks If-Match when the caller sent one. */
export async function readForChange(c: C, id: string, ifMatchRequired = false): Promise<Item> {
  const item = await scoped(c).get(id);
  if (ifMatchRequired || c.req.header("if-match") !== undefined)
    checkVersion(item.version, expectedVersion(c));
  return item;
}

/** Links are judged from the item's own unit, whoever (the office included) edits it. */
const ownerOf = (item: { unitCode: string }): Actor => ({ unitCode: item.unitCode, roles: ["editor"] });

/** The checks every written content passes (core's, the same for every way of drafting). */
export const prepareContent = (c: C, content: ItemContent, owner: string, selfId: string | null) =>
  checkedContent(c.var.deps, content, owner, selfId);

/**
 * The change is committed with its outbox record; indexing it now is a courtesy to the
 * next searcher. If it fails the request still succeeded, and the pending record is
 * replayed by the scheduled scan (and at local start), so nothing is lost.
 */
async function indexForSearch(c: C, id: string): Promise<void> {
  try {
    await c.var.deps.store.search.index(id);
  } catch (error) {
    console.error(
      JSON.stringify({ level: "warn", event: "search-index-deferred", itemId: id, error: String(error) }),
    );
  }
}

export async function approve(c: C, id: string, input: z.infer<typeof ApproveInput>) {
  const { store, calendar, settings } = c.var.deps;
  const principal = c.var.principal;
  const item = await readForChange(c, id);
  // Check the rules first so no sequence number is spent on an item that cannot publish.
  const copy = assertApprovable(item, input.review);
  const declared = declaredLinks(copy.content);
  const targets = await store.items.getMany(declared.map((d) => d.to));
  checkLinkTargets(ownerOf(item), item.id, declared, targets);
  const document = copy.content.interprets ? targets.get(copy.content.interprets) : undefined;
  if (document && document.state !== "published") {
    fail("conflict", "所解读的文件尚未发布：解读须与文件同步或在其后发布（三同步）");
  }

  const at = c.var.deps.clock();
  const year = yearOf(shanghaiDate(at));
  const indexNumber =
    item.indexNumber ??
    formatIndexNumber(
      { unitCode: item.unitCode, year, sequence: await store.items.nextIndexSequence(item.unitCode, year) },
      settings.indexNumberFormat,
    );
  const timeliness = timelinessOf({
    kind: copy.content.kind,
    generatedOn: copy.content.generatedOn,
    publishedAt: at.toISOString(),
    approvedOn: copy.content.approvedOn,
    interpretation: document?.publishedAt
      ? { documentId: document.id, documentPublishedAt: document.firstPublishedAt ?? document.publishedAt }
      : null,
    calendar,
    settings,
  });
  const review = {
    ...input.review,
    ...(input.note ? { note: input.note } : {}),
    reviewerUnitCode: principal.unitCode,
    reviewerKeyId: principal.keyId,
    reviewedAt: at.toISOString(),
  };
  const next = approveItem(item, review, indexNumber, at.toISOString(), timeliness);
  const links = store.links.changeWrites(
    next,
    await store.items.links(item.id),
    declared.map((d) => ({ relation: d.relation, target: targets.get(d.to) as Item })),
  );
  const superseded = item.revision ? [store.items.editionWrite(item)] : [];
  await store.items.update(next, item, auditOf(next, "approve", principal, input.note), [
    ...superseded,
    ...links,
    store.search.indexWrite(id),
  ]);
  await indexForSearch(c, id);
  return next;
}

export async function withdraw(c: C, id: string, reason: string) {
  const { store } = c.var.deps;
  const item = await readForChange(c, id);
  const next = withdrawItem(item, reason, c.var.principal.unitCode, nowIso(c));
  const links = store.links.changeWrites(next, await store.items.links(id), null);
  await store.items.update(next, item, auditOf(next, "withdraw", c.var.principal, reason), [
    ...links,
    store.search.indexWrite(id),
  ]);
  await indexForSearch(c, id);
  return next;
}

export async function setValidity(c: C, id: string, change: z.infer<typeof ValidityChangeInput>) {
  const { store } = c.var.deps;
  const item = await readForChange(c, id);
  const next = changeValidity(item, change, c.var.principal, nowIso(c));
  const refresh = store.links.changeWrites(next, await store.items.links(id), null);
  const relation =
    change.status === "amended" ? "amended-by" : change.status === "repealed" ? "repealed-by" : null;
  let byLinks: Write[] = [];
  if (change.byItemId) {
    const targets = await store.items.getMany([change.byItemId]);
    checkLinkTargets(ownerOf(item), item.id, [{ to: change.byItemId, path: "byItemId" }], targets);
    const by = targets.get(change.byItemId) as Item;
    if (by.state !== "published")
      fail("unprocessable", "修改或废止依据的文件须已发布", [
        { path: "byItemId", message: "该文件尚未发布" },
      ]);
    if (relation) byLinks = store.links.actionWrites(next, relation, by);
  }
  const note = `${change.status}: ${change.reason}`;
  await store.items.update(next, item, auditOf(next, "validity", c.var.principal, note), [
    ...refresh,
    ...byLinks,
    store.search.indexWrite(id),
  ]);
  await indexForSearch(c, id);
  return next;
}
