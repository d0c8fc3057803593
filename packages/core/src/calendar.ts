import { type Calendar, clockOfApplication, fail, type HolidayNotice, planned, withEvent } from "@gov/domain";
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
  return { year: notice.year, version, calendarVersion: calendar.version, recomputedApplications };
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
