import {
  type Assessment,
  type AssessmentFacts,
  type AutoScoreResult,
  applyAutoScores,
  assessmentView,
  autoScore,
  autoScoreDay,
  type CreateAssessmentInput,
  factsNeededBy,
  fail,
  happened,
  IndicatorLevel,
  type IndicatorSystem,
  type LevelRanking,
  levelNames,
  newAssessment,
  type RectificationTask,
  rankAssessments,
  type ScoresInput,
  scoreManually,
  unitKindsOfLevel,
} from "@gov/domain";
import { newId, type Principal } from "@gov/store";
import { auditOf } from "./audit.ts";
import { checkDates, nowIso, todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { checkVersion } from "./version.ts";
import { alsoWritten, type CreateOptions } from "./writes.ts";

/** An assessment with the sheet it is scored against: every view of it needs both. */
export type AssessmentWithSheet = { assessment: Assessment; system: IndicatorSystem };

// Assessments belong to the office and its assessors, not to the unit assessed: not scoped by unit.

/** One per unit and sheet, and only for a unit of the sheet's level. */
export async function createAssessment(
  deps: Deps,
  actor: Principal,
  input: CreateAssessmentInput,
  options: CreateOptions<AssessmentWithSheet> = {},
): Promise<AssessmentWithSheet> {
  const { store } = deps;
  checkDates(deps, [happened("asOf", input.asOf)]);
  const system =
    (await store.indicatorSystems.get(input.indicatorSystemId)) ??
    fail("unprocessable", "指标体系不存在", [{ path: "indicatorSystemId", message: "指标体系不存在" }]);
  const unit =
    (await store.units.get(input.unitCode)) ??
    fail("unprocessable", "单位不存在", [{ path: "unitCode", message: "单位不存在" }]);
  if (!unitKindsOfLevel[system.level].includes(unit.kind)) {
    fail("unprocessable", `${unit.name}不属于“${levelNames[system.level]}”考评对象`, [
      { path: "unitCode", message: `须为${levelNames[system.level]}的单位` },
    ]);
  }
  const assessment = newAssessment(input, system, newId("assessment"), nowIso(deps), todayOf(deps));
  const created = { assessment, system };
  await store.assessments.create(
    assessment,
    auditOf("assessment", assessment, "create", actor),
    alsoWritten(options, created),
  );
  return created;
}

export async function listAssessments(
  deps: Deps,
  _actor: Principal,
  input: { year: number; level?: IndicatorLevel | undefined },
): Promise<Assessment[]> {
  return deps.store.assessments.listOfYear(input.year, input.level);
}

/** The assessment at the version the caller last read, when it names one. */
export async function getAssessment(
  deps: Deps,
  _actor: Principal,
  input: { id: string; expectedVersion?: number | undefined },
): Promise<AssessmentWithSheet> {
  const assessment = (await deps.store.assessments.get(input.id)) ?? fail("not-found", "考评不存在");
  checkVersion(assessment.version, input.expectedVersion);
  const system = await deps.store.indicatorSystems.get(assessment.indicatorSystemId);
  // The reference is stored on every assessment; a missing system is a broken record, not bad input.
  return { assessment, system: system ?? fail("not-found", "考评所依据的指标体系不存在") };
}

/** Manual scores replace the indicators' current ones, each within 0..its maximum. */
export async function scoreAssessment(
  deps: Deps,
  actor: Principal,
  input: ScoresInput & { id: string; expectedVersion?: number | undefined },
): Promise<AssessmentWithSheet> {
  const { assessment, system } = await getAssessment(deps, actor, input);
  const next = scoreManually(assessment, system, input, actor.unitCode, nowIso(deps));
  await deps.store.assessments.update(next, assessment, auditOf("assessment", next, "score", actor));
  return { assessment: next, system };
}

/**
 * Scores every indicator with a rule from the platform's own records as of the scoring day
 * (the assessment's day the first time, today once tasks were issued): a re-score after
 * rectification shows before and after.
 */
export async function autoScoreAssessment(
  deps: Deps,
  actor: Principal,
  input: {
    id: string;
    expectedVersion?: number | undefined;
    asOf?: string | undefined;
    note?: string | undefined;
  },
): Promise<AssessmentWithSheet & { asOf: string; results: AutoScoreResult[] }> {
  checkDates(deps, [happened("asOf", input.asOf)]);
  const { assessment, system } = await getAssessment(deps, actor, input);
  const asOf = autoScoreDay(assessment, input.asOf, todayOf(deps));
  const results = autoScore(system, await factsFor(deps, assessment, system, asOf), asOf);
  const round = { asOf, note: input.note };
  const next = applyAutoScores(assessment, system, results, round, actor.unitCode, nowIso(deps));
  await deps.store.assessments.update(next, assessment, auditOf("assessment", next, "auto-score", actor));
  return { assessment: next, system, asOf, results };
}

/** What the sheet's rules read about the unit, and nothing they do not need. */
async function factsFor(
  deps: Deps,
  assessment: Assessment,
  system: IndicatorSystem,
  asOf: string,
): Promise<AssessmentFacts> {
  const needs = factsNeededBy(system);
  const facts = await deps.store.assessments.facts(assessment.unitCode, assessment.year, asOf, needs);
  // Deadlines are counted with the notices the office loaded, as every application read does.
  const deadlines =
    needs.applications || needs.letters
      ? { calendar: await deps.store.calendar.current(deps.calendar), settings: deps.settings }
      : {};
  return { ...facts, ...deadlines };
}

/** A year's rankings per level, with what a circular adds to them: the year's tasks and the units' names. */
export type YearRankings = {
  levels: LevelRanking[];
  tasks: RectificationTask[];
  unitNames: Map<string, string>;
};

/** Rankings of a year, per level (or one level), with the state of each unit's tasks today. */
export async function rankYear(
  deps: Deps,
  _actor: Principal,
  input: { year: number; level?: IndicatorLevel | undefined },
): Promise<YearRankings> {
  const { store } = deps;
  const [assessments, units, tasks] = await Promise.all([
    store.assessments.listOfYear(input.year, input.level),
    store.units.list(),
    store.rectificationTasks.ofYear(input.year),
  ]);
  const systems = new Map<string, IndicatorSystem>();
  for (const id of new Set(assessments.map((a) => a.indicatorSystemId))) {
    const system = await store.indicatorSystems.get(id);
    if (system) systems.set(id, system);
  }
  const unitNames = new Map(units.map((u) => [u.code, u.name]));
  const today = todayOf(deps);
  const levels = (input.level ? [input.level] : IndicatorLevel.options).map((level) => {
    const views = assessments
      .filter((a) => a.level === level && systems.has(a.indicatorSystemId))
      .map((a) => assessmentView(a, systems.get(a.indicatorSystemId) as IndicatorSystem));
    return { level, rows: rankAssessments(views, unitNames, tasks, today) };
  });
  return { levels, tasks, unitNames };
}
