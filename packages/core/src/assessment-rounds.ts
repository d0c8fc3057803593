import {
  type AssessmentRound,
  fail,
  happened,
  hasRole,
  type OpenRoundInput,
  type OwedNotice,
  openRound,
  owedNotice,
  planned,
  resolveTargets,
  roundNotice,
  roundUnits,
} from "@gov/domain";
import { newId, type Principal } from "@gov/store";
import { auditOf } from "./audit.ts";
import { checkDates, nowIso, todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { settleSoon } from "./owed-notices.ts";
import { alsoWritten, type CreateOptions } from "./writes.ts";

/** A round as the office reads it: with its 考评通知 when one was asked for (owed until issued). */
export type RoundView = AssessmentRound & {
  notice: { state: OwedNotice["state"]; noticeId: string | null } | null;
};

async function viewOf(deps: Deps, round: AssessmentRound): Promise<RoundView> {
  if (!round.notify) return { ...round, notice: null };
  const owed = await deps.store.owedNotices.get({ kind: "assessment-round", id: round.id });
  return { ...round, notice: owed ? { state: owed.state, noticeId: owed.noticeId } : null };
}

/**
 * The office opens a sheet's assessments for its units at once. With `notify`, the 考评通知
 * (receipt due on the self-assessment day) is promised in the round's own transaction and
 * issued right after through the notices core; what cannot be issued then stays owed for the
 * supervision scan (ADR 0046).
 */
export async function openAssessmentRound(
  deps: Deps,
  actor: Principal,
  input: OpenRoundInput,
  options: CreateOptions<RoundView> = {},
): Promise<RoundView> {
  if (!hasRole(actor, "office")) fail("forbidden", "只有政务公开办可以开展考评");
  const { store } = deps;
  checkDates(deps, [happened("asOf", input.asOf), planned("selfAssessmentDueOn", input.selfAssessmentDueOn)]);
  const system =
    (await store.indicatorSystems.get(input.indicatorSystemId)) ??
    fail("unprocessable", "指标体系不存在", [{ path: "indicatorSystemId", message: "指标体系不存在" }]);
  const units = await store.units.list();
  const now = nowIso(deps);
  const { round, assessments } = openRound(input, system, roundUnits(input, system, units), {
    id: newId("assessmentRound"),
    newId: () => newId("assessment"),
    createdBy: actor.unitCode,
    now,
    today: todayOf(deps),
  });
  let owed: OwedNotice | null = null;
  if (round.notify) {
    const notice = roundNotice(round, system);
    resolveTargets(notice.targets, units);
    owed = owedNotice({ kind: "assessment-round", id: round.id }, notice, actor, now);
  }
  const created: RoundView = {
    ...round,
    notice: owed && { state: owed.state, noticeId: owed.noticeId },
  };
  await store.assessmentRounds.create(round, auditOf("assessment-round", round, "open", actor), [
    ...assessments.flatMap((a) =>
      store.assessments.createWrites(a, auditOf("assessment", a, "create", actor)),
    ),
    ...(owed ? [store.owedNotices.createWrite(owed)] : []),
    ...alsoWritten(options, created),
  ]);
  if (owed) await settleSoon(deps, owed);
  return viewOf(deps, round);
}

export async function getAssessmentRound(
  deps: Deps,
  actor: Principal,
  input: { id: string },
): Promise<RoundView> {
  if (!hasRole(actor, "office")) fail("forbidden", "只有政务公开办可以查看考评轮次");
  const round = (await deps.store.assessmentRounds.get(input.id)) ?? fail("not-found", "考评轮次不存在");
  return viewOf(deps, round);
}
