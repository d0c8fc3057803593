import {
  type AttendanceInput,
  type CreateTrainingInput,
  checkInvited,
  DomainError,
  type FieldIssue,
  fail,
  hasRole,
  type IssueNoticeInput,
  type Item,
  invitationsOf,
  type Material,
  type MaterialRef,
  newTraining,
  planned,
  recordAttendance,
  shanghaiDate,
  type TrainingView,
  trainingNoticeDraft,
  trainingView,
} from "@gov/domain";
import { newId, type Page, type Principal } from "@gov/store";
import { auditOf } from "./audit.ts";
import { currentCalendar } from "./calendar.ts";
import { checkDates, nowIso, todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { alsoWritten, type CreateOptions } from "./writes.ts";

const requireOffice = (actor: Principal) => {
  if (!hasRole(actor, "office")) fail("forbidden", "只有政务公开办可以组织培训");
};

/** What follows `/items/` in a portal address: an item id, or a 索引号 (whose slash may be encoded or not). */
function itemKeyOfUrl(url: string): string | undefined {
  const parts = new URL(url).pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const at = parts.lastIndexOf("items");
  return at < 0 ? undefined : parts.slice(at + 1).join("/") || undefined;
}

/**
 * Each material must be a published item, found by id, 索引号 or portal address: a unit handed
 * a link must be able to open it, as the public can. Every miss names its field.
 */
async function resolveMaterials(deps: Deps, refs: readonly MaterialRef[]): Promise<Material[]> {
  const { items } = deps.store;
  const issues: FieldIssue[] = [];
  const materials: Material[] = [];
  for (const [i, ref] of refs.entries()) {
    let item: Item | undefined;
    let path = `materials.${i}.itemId`;
    if (ref.itemId) item = await items.get(ref.itemId);
    else if (ref.indexNumber) {
      path = `materials.${i}.indexNumber`;
      item = await items.getByIndexNumber(ref.indexNumber);
    } else if (ref.url) {
      path = `materials.${i}.url`;
      const key = itemKeyOfUrl(ref.url);
      if (key) item = key.startsWith("itm_") ? await items.get(key) : await items.getByIndexNumber(key);
    }
    if (item?.state !== "published") {
      issues.push({ path, message: "不是已发布的信息" });
      continue;
    }
    materials.push({ itemId: item.id, indexNumber: item.indexNumber ?? null, title: item.title });
  }
  if (issues.length) fail("validation", "培训材料须为已发布的信息", issues);
  return materials;
}

/** The office creates a training: each invited unit gets its row in the training's own transaction. */
export async function createTraining(
  deps: Deps,
  actor: Principal,
  input: CreateTrainingInput,
  options: CreateOptions<TrainingView> = {},
): Promise<TrainingView> {
  requireOffice(actor);
  checkDates(deps, [planned("startsAt", shanghaiDate(new Date(input.startsAt)))]);
  const units = await deps.store.units.list();
  checkInvited(input.invitedUnitCodes, new Set(units.map((u) => u.code)));
  const materials = await resolveMaterials(deps, input.materials);
  const training = newTraining(input, materials, {
    id: newId("training"),
    createdBy: actor.unitCode,
    now: nowIso(deps),
  });
  const rows = invitationsOf(training);
  const view = trainingView(training, rows);
  await deps.store.trainings.create(
    training,
    rows,
    auditOf("training", training, "create", actor, training.title),
    alsoWritten(options, view),
  );
  return view;
}

/** Latest first: the office sees every training, a unit those it is invited to, with its own row. */
export async function listTrainings(
  deps: Deps,
  actor: Principal,
  input: { limit: number; cursor?: string | undefined },
): Promise<Page<TrainingView>> {
  const { trainings } = deps.store;
  if (hasRole(actor, "office")) {
    const page = await trainings.list(input);
    const items = await Promise.all(
      page.items.map(async (t) => trainingView(t, await trainings.invitations(t.id))),
    );
    return { items, nextCursor: page.nextCursor };
  }
  const page = await trainings.listOfUnit(actor.unitCode, input);
  return {
    items: page.items.map((u) => trainingView(u.training, [u.invitation])),
    nextCursor: page.nextCursor,
  };
}

/**
 * The training as the actor may see it: the office with every row, an invited unit with its
 * own. To any other unit it does not exist (404), so ids reveal nothing.
 */
export async function trainingDetail(
  deps: Deps,
  actor: Principal,
  input: { id: string },
): Promise<TrainingView> {
  const { trainings } = deps.store;
  const training = await trainings.get(input.id);
  if (training && hasRole(actor, "office"))
    return trainingView(training, await trainings.invitations(training.id));
  const own = training && (await trainings.invitation(training.id, actor.unitCode));
  if (!training || !own) return fail("not-found", "培训不存在");
  return trainingView(training, [own]);
}

/**
 * Attendance of one invited unit, recorded by the office or by the unit itself: it replaces
 * what was there, and the same figures again write nothing. Another unit's row, or a unit not
 * invited, is not found.
 */
export async function recordTrainingAttendance(
  deps: Deps,
  actor: Principal,
  input: AttendanceInput & { id: string; unitCode: string },
): Promise<TrainingView> {
  const { id, unitCode, ...attendance } = input;
  const { trainings } = deps.store;
  const mayRecord = hasRole(actor, "office") || actor.unitCode === unitCode;
  const training = mayRecord ? await trainings.get(id) : undefined;
  const before = training && (await trainings.invitation(id, unitCode));
  if (!training || !before) return fail("not-found", "培训或受邀单位不存在");
  const { invitation, changed } = recordAttendance(before, attendance, actor.keyId, nowIso(deps));
  if (changed) {
    try {
      await trainings.recordAttendance(
        invitation,
        before,
        auditOf("training-invitation", { id: `${id}/${unitCode}`, ...invitation }, "attendance", actor),
      );
    } catch (error) {
      // Two identical replacements at once: the loser finds its figures already there.
      if (!(error instanceof DomainError && error.kind === "precondition-failed")) throw error;
      const stored = await trainings.invitation(id, unitCode);
      if (!stored || recordAttendance(stored, attendance, actor.keyId, nowIso(deps)).changed) throw error;
    }
  }
  return trainingDetail(deps, actor, { id });
}

/**
 * The notice inviting the units, drafted from the training, for the office to post to
 * `/notices` as it is (or edited). `itemLink` is where the portal shows an item: the app
 * knows its own address, the core does not.
 */
export async function draftTrainingNotice(
  deps: Deps,
  actor: Principal,
  input: { id: string; itemLink: (itemId: string) => string },
): Promise<IssueNoticeInput> {
  requireOffice(actor);
  const training = (await deps.store.trainings.get(input.id)) ?? fail("not-found", "培训不存在");
  return trainingNoticeDraft(training, {
    calendar: await currentCalendar(deps),
    today: todayOf(deps),
    itemLink: input.itemLink,
  });
}
