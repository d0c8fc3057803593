import {
  type ApproveInput,
  type AuditEntry,
  approveItem,
  assertApprovable,
  changeValidity,
  checkLinkTargets,
  declaredLinks,
  editItem,
  fail,
  fieldIssues,
  formatIndexNumber,
  type Item,
  type ItemDetail,
  type LinkTarget,
  linkTarget,
  mergeContent,
  normativeCatalogue,
  publicChangeOf,
  rejectItem,
  reviseItem,
  shanghaiDate,
  submitItem,
  timelinessOf,
  type UpdateItemInput,
  updateSchemaFor,
  type ValidityChangeInput,
  withdrawItem,
  workingCopy,
  yearOf,
} from "@gov/domain";
import { type PageRequest, type Principal, type StoredLink, scopedItems, type Write } from "@gov/store";
import { annualReportRelease } from "./annual-report.ts";
import { auditOf } from "./audit.ts";
import { currentCalendar } from "./calendar.ts";
import type { Change } from "./change.ts";
import { nowIso } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { checkedContent, ownerOf } from "./items.ts";
import type { PublicChange } from "./public-changes.ts";
import { checkVersion } from "./version.ts";

// The department's workflow on an item: every step reads the item as the actor may see it
// (another unit's is not found), applies the domain rule, and writes the change, its audit
// entry and its derived records (links, superseded editions, search outbox) in one transaction.

/** The audit state names a pending revision too: "published+revision-submitted". */
const auditState = (item: Item) =>
  item.revision ? `${item.state}+revision-${item.revision.state}` : item.state;

const itemAudit = (item: Item, action: string, actor: Principal, note?: string) =>
  auditOf("item", { ...item, state: auditState(item) }, action, actor, note);

async function readForChange(deps: Deps, actor: Principal, change: Change): Promise<Item> {
  const item = await scopedItems(deps.store.items, actor).get(change.id);
  checkVersion(item.version, change.expectedVersion);
  return item;
}

/**
 * A change the public sees (approve, withdraw, validity): committed with its links, its
 * search-outbox record and its entry in the public change feed (ADR 0059), which a mirror reads
 * in the order committed; indexing right after is a courtesy to the next searcher. If that
 * fails the change still stands, and the scheduled scan replays the outbox, so nothing is lost.
 * Then whoever keeps copies of public answers hears of it (caches, a CDN; ADR 0041).
 */
async function commitPublicChange(
  deps: Deps,
  next: Item,
  before: Item,
  audit: AuditEntry,
  writes: Write[],
  action: PublicChange["action"],
  linked: LinkTarget[],
): Promise<Item> {
  // The published items showing this one among their links: their details change with it.
  const linkedItemIds = linked.filter((t) => t.state === "published").map((t) => t.id);
  await deps.store.items.update(
    next,
    before,
    audit,
    [...writes, deps.store.search.indexWrite(next.id)],
    [publicChangeOf(before, next, next.updatedAt, linkedItemIds)],
  );
  try {
    await deps.store.search.index(next.id);
  } catch (error) {
    console.error(
      JSON.stringify({
        level: "warn",
        event: "search-index-deferred",
        itemId: next.id,
        error: String(error),
      }),
    );
  }
  await deps.publicChanges.emit({ itemId: next.id, action });
  return next;
}

const targetsOf = (links: StoredLink[]): LinkTarget[] => links.map((l) => l.target);

/** A step whose rule needs nothing but the item and the time: submit, reject, revise. */
async function step(
  deps: Deps,
  actor: Principal,
  change: Change,
  action: string,
  rule: (item: Item, now: string) => Item,
  note?: string,
): Promise<Item> {
  const current = await readForChange(deps, actor, change);
  const next = rule(current, nowIso(deps));
  await deps.store.items.update(next, current, itemAudit(next, action, actor, note));
  return next;
}

export const submitDraft = (deps: Deps, actor: Principal, change: Change) =>
  step(deps, actor, change, "submit", submitItem);

export const rejectSubmission = (deps: Deps, actor: Principal, change: Change & { reason: string }) =>
  step(deps, actor, change, "reject", (item, now) => rejectItem(item, change.reason, now), change.reason);

/** A new pending edition of a published item; the live edition stays public meanwhile. */
export const reviseItemEdition = (deps: Deps, actor: Principal, change: Change) =>
  step(deps, actor, change, "revise", reviseItem);

/**
 * Edits a draft or a pending revision. Only the item's kind's fields may change: which ones
 * is known once the item is read, so the fields are checked here, not by the route.
 */
export async function editDraft(
  deps: Deps,
  actor: Principal,
  change: Change & { fields: UpdateItemInput },
): Promise<Item> {
  const current = await readForChange(deps, actor, change);
  const parsed = updateSchemaFor(current.kind).safeParse(change.fields);
  if (!parsed.success) return fail("validation", "该类型的信息不能修改这些字段", fieldIssues(parsed.error));
  const copy = workingCopy(current);
  const merged = await checkedContent(
    deps,
    mergeContent(copy?.content ?? current, parsed.data),
    current.unitCode,
    current.id,
  );
  const next = editItem(current, merged, nowIso(deps));
  await deps.store.items.update(next, current, itemAudit(next, "edit", actor));
  return next;
}

/**
 * 保密审查 passed: the item (or its revision) goes live. The rules are checked before a
 * sequence number is spent, so a refused approval leaves no gap in the 索引号.
 */
export async function approveItemRelease(
  deps: Deps,
  actor: Principal,
  change: Change & ApproveInput,
): Promise<Item> {
  const { store, settings } = deps;
  const item = await readForChange(deps, actor, change);
  const copy = assertApprovable(item, change.review);
  const declared = declaredLinks(copy.content);
  const targets = await store.items.getMany(declared.map((d) => d.to));
  checkLinkTargets(ownerOf(item.unitCode), item.id, declared, targets);
  const document = copy.content.interprets ? targets.get(copy.content.interprets) : undefined;
  if (document && document.state !== "published") {
    fail("conflict", "所解读的文件尚未发布：解读须与文件同步或在其后发布（三同步）");
  }

  const at = deps.clock();
  const report = await annualReportRelease(deps, actor, item, at.toISOString());
  const year = yearOf(shanghaiDate(at));
  const indexNumber =
    item.indexNumber ??
    formatIndexNumber(
      { unitCode: item.unitCode, year, sequence: await store.items.nextIndexSequence(item.unitCode, year) },
      settings.indexNumberFormat,
    );
  // Counted with the notices the office has loaded, not only the built-in ones.
  const calendar = await currentCalendar(deps);
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
    ...change.review,
    ...(change.note ? { note: change.note } : {}),
    reviewerUnitCode: actor.unitCode,
    reviewerKeyId: actor.keyId,
    reviewedAt: at.toISOString(),
  };
  const next = approveItem(item, review, indexNumber, at.toISOString(), timeliness);
  const existing = await store.items.links(item.id);
  const wanted = declared.map((d) => ({ relation: d.relation, target: targets.get(d.to) as Item }));
  const links = store.links.changeWrites(next, existing, wanted);
  const superseded = item.revision ? [store.items.editionWrite(item)] : [];
  const audit = itemAudit(next, "approve", actor, change.note);
  const linked = [...targetsOf(existing), ...wanted.map((w) => linkTarget(w.target))];
  return commitPublicChange(deps, next, item, audit, [...superseded, ...links, ...report], "approve", linked);
}

/** Withdrawn, never deleted: the public sees a tombstone with the reason (ADR 0010). */
export async function withdrawPublished(
  deps: Deps,
  actor: Principal,
  change: Change & { reason: string },
): Promise<Item> {
  const { store } = deps;
  const item = await readForChange(deps, actor, change);
  const next = withdrawItem(item, change.reason, actor.unitCode, nowIso(deps));
  const existing = await store.items.links(item.id);
  const links = store.links.changeWrites(next, existing, null);
  const audit = itemAudit(next, "withdraw", actor, change.reason);
  return commitPublicChange(deps, next, item, audit, links, "withdraw", targetsOf(existing));
}

/** A normative document amended, repealed or expired, marked on the original with the document that did it. */
export async function changeItemValidity(
  deps: Deps,
  actor: Principal,
  change: Change & ValidityChangeInput,
): Promise<Item> {
  const { store } = deps;
  const item = await readForChange(deps, actor, change);
  const next = changeValidity(item, change, actor, nowIso(deps));
  const existing = await store.items.links(item.id);
  const refresh = store.links.changeWrites(next, existing, null);
  const byLinks = change.byItemId ? await validityLinks(deps, item, next, change) : [];
  const note = `${change.status}: ${change.reason}`;
  const audit = itemAudit(next, "validity", actor, note);
  const by = change.byItemId ? [change.byItemId] : [];
  const linked = [...targetsOf(existing), ...by.map((id) => ({ id, state: "published" }) as LinkTarget)];
  return commitPublicChange(deps, next, item, audit, [...refresh, ...byLinks], "validity", linked);
}

async function validityLinks(
  deps: Deps,
  item: Item,
  next: Item,
  change: ValidityChangeInput,
): Promise<Write[]> {
  const byItemId = change.byItemId as string;
  const targets = await deps.store.items.getMany([byItemId]);
  checkLinkTargets(ownerOf(item.unitCode), item.id, [{ to: byItemId, path: "byItemId" }], targets);
  const by = targets.get(byItemId) as Item;
  if (by.state !== "published")
    fail("unprocessable", "修改或废止依据的文件须已发布", [{ path: "byItemId", message: "该文件尚未发布" }]);
  const relation =
    change.status === "amended" ? "amended-by" : change.status === "repealed" ? "repealed-by" : null;
  return relation ? deps.store.links.actionWrites(next, relation, by) : [];
}

/** The item with its links, as the actor may see it. */
export async function itemDetail(deps: Deps, actor: Principal, id: string): Promise<ItemDetail> {
  const item = await scopedItems(deps.store.items, actor).get(id);
  const links = await deps.store.items.links(item.id);
  // Where a link is filed for the public read is the store's concern, not the department's.
  return { ...item, links: links.map(({ indexedUnder: _filed, ...link }) => link) };
}

/** Every change (who, when) and every superseded edition, oldest first. */
export async function itemHistory(deps: Deps, actor: Principal, id: string) {
  const item = await scopedItems(deps.store.items, actor).get(id);
  const [events, editions] = await Promise.all([
    deps.store.items.history(item.id),
    deps.store.items.editions(item.id),
  ]);
  return { events, editions };
}

/** The actor's unit's items in every state, newest first. */
export const listUnitItems = (deps: Deps, actor: Principal, page: PageRequest) =>
  scopedItems(deps.store.items, actor).list(page);

/** The yearly normative-document catalogue: the unit's own, the city's for the office. */
export async function normativeCatalogueOf(deps: Deps, actor: Principal, year: number) {
  const all = await deps.store.items.normativeDocuments();
  const mine = actor.roles.includes("office") ? all : all.filter((d) => d.unitCode === actor.unitCode);
  return normativeCatalogue(mine, year);
}
