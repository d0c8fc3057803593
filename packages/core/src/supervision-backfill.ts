import {
  clockOfCorrectionWindow,
  clockOfLetter,
  clockOfNotice,
  clockOfOpenApplication,
  clockOfTask,
  type SupervisionClock,
} from "@gov/domain";
import type { Principal } from "@gov/store";
import { nowIso, todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";

/**
 * Records written before supervision clocks existed (a table deployed earlier, a local data
 * folder) have none, and the due index would never show them. The first run writes them once,
 * each conditioned on the record's version as read, then marks the table done (ADR 0049).
 * Returns the clocks written.
 */
export async function backfillSupervisionClocks(deps: Deps, actor: Principal): Promise<number> {
  const { store } = deps;
  if (await store.supervision.backfilled()) return 0;
  let written = 0;
  const track = async (clock: SupervisionClock | null, version: number) => {
    if (clock && (await store.supervision.backfill(clock, version))) written += 1;
  };
  const today = todayOf(deps);
  let cursor: string | undefined;
  do {
    const page = await store.rectificationTasks.list({ today }, { limit: 100, cursor });
    for (const task of page.items) await track(clockOfTask(task), task.version);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  for (const application of await store.applications.listOpen()) {
    await track(clockOfOpenApplication(application), application.version);
    await track(clockOfCorrectionWindow(application), application.version);
  }
  do {
    const page = await store.letters.list(actor, { state: "assigned" }, { limit: 100, cursor });
    for (const letter of page.items) await track(clockOfLetter(letter), letter.version);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  do {
    const page = await store.notices.list({ limit: 100, cursor });
    for (const notice of page.items) await track(clockOfNotice(notice), notice.version);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  await store.supervision.markBackfilled(nowIso(deps));
  return written;
}
