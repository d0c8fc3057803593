import {
  type Calendar,
  clockOfApplication,
  fail,
  type HolidayNotice,
  type Item,
  planned,
  timelinessOf,
  withEvent,
} from "@gov/domain";
import type { Principal } from "@gov/store";
import { auditOf } from "./audit.ts";
import { checkDates, nowIso, todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";

/** The calendar in force: the built-in one plus every notice the office has loaded. */
export const currentCalendar = (deps: Deps): Promise<Calendar> => deps.store.calendar.current(deps.calendar);

export type NoticeLoaded = {
  year: number;
  version: number;
  calendarVersion: string;
  recomputedApplications: number;
  /** Items whose provisional timeliness facts the notice changed (OGI Art. 26, 预算法 Art. 14). */
  recomputedTimeliness: number;
};

/**
 * The office loads a year's State Council notice as that year's next version, then every open
 * application is recomputed with the calendar it makes. A year already loaded is replaced
 * only by whoever read its current version.
 */
export async function loadHolidayNotice(
  deps: Deps,
  actor: Principal,
  input: { notice: HolidayNotice; expectedVersion?: number | undefined },
): Promise<NoticeLoaded> {
  const { notice } = input;
  checkDates(deps, [
    ...notice.daysOff.map((day, i) => planned(`daysOff.${i}`, day)),
    ...notice.workdays.map((day, i) => planned(`workdays.${i}`, day)),
  ]);
  const existing = (await deps.store.calendar.notices()).find((n) => n.year === notice.year);
  if (existing) checkReplacement(existing.version, input.expectedVersion);
  const version = existing ? existing.version + 1 : 1;
  const at = nowIso(deps);
  await deps.store.calendar.put(
    { ...notice, version, loadedAt: at, loadedBy: actor.keyId },
    auditOf(
      "calendar",
      { id: String(notice.year), version, updatedAt: at },
      existing ? "replace-notice" : "load-notice",
      actor,
      notice.title,
    ),
  );
  const calendar = await currentCalendar(deps);
  const recomputedApplications = await recomputeOpen(deps, actor, calendar, notice.year);
  const recomputedTimeliness = await recountProvisional(deps, actor, calendar, notice.year);
  return {
    year: notice.year,
    version,
    calendarVersion: calendar.version,
    recomputedApplications,
    recomputedTimeliness,
  };
}

/** Unlike other updates, replacing a year's notice needs the version read (428 without it). */
function checkReplacement(current: number, expected: number | undefined): void {
  if (expected === undefined) fail("precondition-required", "修改须携带If-Match请求头（资源的ETag）");
  if (expected !== current) {
    fail("precondition-failed", `该年度节假日安排已被修改（当前版本${current}），请刷新后重试`);
  }
}

/**
 * Every open application is recomputed with the new calendar; one whose due date or
 * provisional mark changes gets a `calendar-changed` event, so its log says why the date moved.
 * Each is its own versioned write: a concurrent event makes that one retry-safe to redo by
 * loading the notice again, and the notice itself is already committed.
 */
async function recomputeOpen(deps: Deps, actor: Principal, calendar: Calendar, year: number) {
  const { applications } = deps.store;
  const today = todayOf(deps);
  const at = nowIso(deps);
  let changed = 0;
  for (const application of await applications.listOpen()) {
    const clock = clockOfApplication(application, calendar, today);
    if (clock.dueOn === application.dueOn && clock.dueIsProvisional === application.dueIsProvisional)
      continue;
    const event = {
      type: "calendar-changed",
      on: today,
      calendarVersion: calendar.version,
      noticeYear: year,
      dueBefore: application.dueOn,
      dueAfter: clock.dueOn,
    } as const;
    const next = withEvent(application, event, { at, by: actor.keyId }, calendar, today);
    const note = `载入${year}年节假日安排：${application.dueOn ?? "—"} → ${clock.dueOn ?? "—"}`;
    await applications.update(
      next,
      application,
      auditOf("application", next, "calendar-changed", actor, note),
    );
    changed += 1;
  }
  return changed;
}

/**
 * Provisional timeliness is no permanent exemption: every item whose facts counted over days a
 * notice had yet to decide is recounted with the calendar the notice makes, from the same
 * dates it was counted from at publication, and stored with an audit entry when the facts
 * change. Each is its own versioned write; one that loses a race keeps its marker, so loading
 * the notice again recounts it.
 */
async function recountProvisional(deps: Deps, actor: Principal, calendar: Calendar, year: number) {
  const { items } = deps.store;
  let changed = 0;
  for (const id of await items.withProvisionalTimeliness()) {
    const item = await items.get(id, { consistent: true });
    const before = item?.timeliness;
    if (!item || !before || !item.publishedAt) continue;
    const timeliness = timelinessOf({
      kind: item.kind,
      generatedOn: item.generatedOn,
      publishedAt: item.publishedAt,
      approvedOn: item.approvedOn,
      interpretation: await interpretedDocument(deps, before.interpretation?.documentId),
      calendar,
      settings: deps.settings,
    });
    const { calendarVersion: _old, ...was } = before;
    const { calendarVersion: _new, ...now } = timeliness;
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    const next: Item = { ...item, timeliness, version: item.version + 1, updatedAt: nowIso(deps) };
    const note = `载入${year}年节假日安排，重新计算公开时效`;
    await items.update(next, item, auditOf("item", next, "timeliness-recomputed", actor, note));
    changed += 1;
  }
  return changed;
}

/** The interpreted document's first publication, which the interpretation lag counts from. */
async function interpretedDocument(deps: Deps, documentId: string | undefined) {
  const document = documentId ? await deps.store.items.get(documentId) : undefined;
  const at = document?.firstPublishedAt ?? document?.publishedAt;
  return document && at ? { documentId: document.id, documentPublishedAt: at } : null;
}
