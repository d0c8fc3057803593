import {
  type Calendar,
  clockOfAnnualReport,
  type DigestAudience,
  DomainError,
  digestOf,
  type Finding,
  fail,
  foundKey,
  hasRole,
  isWorkingDay,
  levelOn,
  type SupervisionClock,
  type SupervisionRun,
  type SupervisionRunInput,
  startedRun,
  type Unit,
  watchUntil,
  yearOf,
} from "@gov/domain";
import { LevelAlreadyTold, type LevelTold, newId, type Page, type Principal } from "@gov/store";
import { currentCalendar } from "./calendar.ts";
import { nowIso, todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { issueNotice } from "./notices.ts";
import { backfillSupervisionClocks } from "./supervision-backfill.ts";
import { owingUnits } from "./supervision-owing.ts";

/**
 * Findings per digest notice. Each is a marker write in the notice's transaction, which also
 * holds the notice, its audit entry, one receipt and its delivery records: DynamoDB caps a
 * transaction at 100 writes, so a unit with more findings gets a continued digest.
 */
const findingsPerDigest = 60;

/**
 * Undecided clocks a run lists by name (all are counted in `found`): near a new year every
 * deadline of early January may wait on its holiday notice, and a run record must stay far
 * below DynamoDB's 400 KB.
 */
const listedAtMost = 100;

/** How often a digest is retried after a concurrent run told part of it first. */
const raceRetries = 3;

/**
 * The escalation of a very-overdue finding is a level of its own for each audience, told once
 * too: to the office, and to the owing unit's leadership contact (ADR 0053).
 */
const markerLevel = { office: "escalated", leadership: "leadership" } as const;

const toldOf = (f: Finding, level: string = f.level): LevelTold => ({
  kind: f.clock.kind,
  id: f.clock.id,
  dueOn: f.dueOn,
  level,
  unitCode: f.unitCode,
});

/**
 * The supervision scan (督办, ADR 0049) as of one day: reads the clocks due by then from the
 * sparse due index, decides each level on the loaded calendar and tells each unit in one digest
 * notice what is due soon, overdue or very overdue; very-overdue findings also go to the office
 * and to the owing unit's leadership contact when it has one (ADR 0053).
 * Each (record, deadline, level, unit) is told once however often or concurrently it runs: its
 * marker is created (only if absent) in the digest's own transaction. `dryRun` writes nothing.
 */
export async function supervisionRun(
  deps: Deps,
  actor: Principal,
  input: SupervisionRunInput,
  trigger: SupervisionRun["trigger"] = "request",
  searchIndexReplayed = 0,
): Promise<SupervisionRun> {
  if (!hasRole(actor, "office")) fail("forbidden", "只有政务公开办可以发起督办");
  const { store } = deps;
  const startedAt = nowIso(deps);
  const asOf = input.asOf ?? todayOf(deps);
  // A day ahead would press units for what is not yet late; a past day re-runs a missed one.
  if (asOf > todayOf(deps)) {
    fail("validation", "督办截至日不能晚于今天", [{ path: "asOf", message: `不能晚于${todayOf(deps)}` }]);
  }
  const id = newId("supervisionRun");
  const unitList = await store.units.list();
  if (!input.dryRun) {
    await backfillSupervisionClocks(deps, actor);
    // Last year's annual reports (OGI Art. 49) are owed by every unit from 1 January. They are
    // planted up to the last deadline (31 March): a platform first run later in the year leaves
    // last year's to the assessment's annual-report rule rather than flood every unit at once.
    const year = yearOf(asOf) - 1;
    if (asOf <= `${year + 1}-03-31`) {
      await store.supervision.plantAnnualReports(
        year,
        unitList.map((unit) => clockOfAnnualReport(unit, year)),
      );
    }
  }
  const calendar = await currentCalendar(deps);
  const clocks = await store.supervision.due(watchUntil(asOf, calendar, deps.settings));

  const run = startedRun({ id, asOf, dryRun: input.dryRun, trigger, startedAt, searchIndexReplayed });
  const count = (key: string) => {
    run.found[key] = (run.found[key] ?? 0) + 1;
  };

  const { findings, finished, settled } = await decide(deps, clocks, asOf, calendar, run, count);
  for (const f of findings) count(foundKey(f.clock.kind, f.level));

  const units = new Map(unitList.map((u) => [u.code, u]));
  const office = unitList.find((u) => u.kind === "office");
  const veryOverdue = findings.filter((f) => f.level === "very-overdue");
  const toldBefore = await store.supervision.told([
    ...findings.map((f) => toldOf(f)),
    ...veryOverdue.map((f) => toldOf(f, markerLevel.office)),
    ...veryOverdue.map((f) => toldOf(f, markerLevel.leadership)),
  ]);
  const fresh = (f: Finding, level?: string) => !toldBefore.has(store.supervision.toldKey(toldOf(f, level)));
  const toTell = findings.filter((f) => fresh(f));
  run.alreadyTold = findings.length - toTell.length;
  const toEscalate = veryOverdue.filter((f) => fresh(f, markerLevel.office));
  // A unit without a leadership contact is escalated to the office only.
  const contacts = await store.leadershipContacts.ofUnits([...new Set(veryOverdue.map((f) => f.unitCode))]);
  const toLeaders = veryOverdue.filter((f) => contacts.has(f.unitCode) && fresh(f, markerLevel.leadership));

  const digests: Digest[] = [];
  for (const [unitCode, ofUnit] of groupBy(toTell, (f) => f.unitCode)) {
    for (const part of chunks(ofUnit)) digests.push({ unitCode, audience: "unit", findings: part });
  }
  // The escalation's markers are per owing unit, so one office (the city's) receives it.
  if (office) {
    for (const part of chunks(toEscalate))
      digests.push({ unitCode: office.code, audience: "office", findings: part });
  }
  // The leadership digest names the owing unit as its target: the unit sees what its leader was
  // told, and the deliveries go to the leader's email and SMS, not the unit's channels.
  for (const [unitCode, ofUnit] of groupBy(toLeaders, (f) => f.unitCode)) {
    for (const part of chunks(ofUnit)) digests.push({ unitCode, audience: "leadership", findings: part });
  }

  const failedClocks = new Set<string>();
  for (const digest of digests) {
    if (input.dryRun) {
      run.noticesIssued += 1;
      continue;
    }
    try {
      const noticeId = await tell(deps, actor, digest, { asOf, runId: id, units });
      if (noticeId) {
        run.noticesIssued += 1;
        run.noticeIds.push(noticeId);
      }
    } catch (error) {
      for (const f of digest.findings) failedClocks.add(`${f.clock.kind}#${f.clock.id}`);
      run.errors.push({
        unitCode: digest.unitCode,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  // A clock with nothing left to tell leaves the due index, so later runs do not read it again;
  // a notice every target has acknowledged owes nothing at all and its clock goes.
  if (!input.dryRun) {
    for (const clock of finished) {
      if (!failedClocks.has(`${clock.kind}#${clock.id}`)) await store.supervision.retire(clock);
    }
    for (const clock of settled) await store.supervision.settle(clock);
  }
  run.endedAt = nowIso(deps);
  if (!input.dryRun) await store.supervision.putRun(run);
  return run;
}

/** Each due clock's level on `asOf`, expanded to the units that owe it. */
async function decide(
  deps: Deps,
  clocks: SupervisionClock[],
  asOf: string,
  calendar: Calendar,
  run: SupervisionRun,
  count: (key: string) => void,
): Promise<{ findings: Finding[]; finished: SupervisionClock[]; settled: SupervisionClock[] }> {
  const findings: Finding[] = [];
  const finished: SupervisionClock[] = [];
  const settled: SupervisionClock[] = [];
  for (const clock of clocks) {
    const decision = levelOn(clock, asOf, calendar, deps.settings);
    if (!decision.decided) {
      count(foundKey(clock.kind, "undecided"));
      if (run.undecided.length < listedAtMost) {
        run.undecided.push({ kind: clock.kind, id: clock.id, reason: decision.reason });
      }
      continue;
    }
    const { level, dueOn } = decision;
    if (level === null) continue;
    const owing = await owingUnits(deps, clock);
    if (owing.length === 0) settled.push(clock);
    else if (level === "very-overdue") finished.push(clock);
    for (const unitCode of owing) findings.push({ clock, unitCode, level, dueOn });
  }
  return { findings, finished, settled };
}

type Digest = { unitCode: string; audience: DigestAudience; findings: Finding[] };

/**
 * Issues one digest with its markers in the notice's transaction. When a concurrent run told
 * some findings first, the whole digest fails; it is re-read and sent with what is left.
 */
async function tell(
  deps: Deps,
  actor: Principal,
  digest: Digest,
  context: { asOf: string; runId: string; units: Map<string, Unit> },
): Promise<string | null> {
  const { store } = deps;
  const { audience } = digest;
  const level = (f: Finding) => (audience === "unit" ? f.level : markerLevel[audience]);
  let pending = digest.findings;
  for (let attempt = 0; ; attempt++) {
    const markers: LevelTold[] = pending.map((f) => toldOf(f, level(f)));
    const { title, body } = digestOf(pending, {
      asOf: context.asOf,
      unitName: context.units.get(digest.unitCode)?.name ?? digest.unitCode,
      audience,
    });
    try {
      const notice = await issueNotice(
        deps,
        actor,
        {
          kind: "supervision",
          title,
          body,
          targets: { scope: "units", unitCodes: [digest.unitCode] },
          receipt: { required: false },
        },
        {
          deliverTo: audience === "leadership" ? "leadership" : "unit",
          alsoWrite: (view) =>
            markers.map((m) =>
              store.supervision.toldWrite(m, { noticeId: view.id, runId: context.runId, at: view.createdAt }),
            ),
        },
      );
      return notice.id;
    } catch (error) {
      // A marker already there, or a concurrent transaction on the same marker: re-read and retry.
      const raced =
        error instanceof LevelAlreadyTold || (error instanceof DomainError && error.kind === "conflict");
      if (!raced || attempt >= raceRetries) throw error;
      const told = await store.supervision.told(markers, { consistent: true });
      pending = pending.filter((f) => !told.has(store.supervision.toldKey(toldOf(f, level(f)))));
      if (pending.length === 0) return null;
    }
  }
}

function groupBy<T>(values: T[], keyOf: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) groups.set(keyOf(value), [...(groups.get(keyOf(value)) ?? []), value]);
  return groups;
}

function chunks<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += findingsPerDigest) out.push(values.slice(i, i + findingsPerDigest));
  return out;
}

/** Runs, newest first: what each found, issued and failed. */
export async function listSupervisionRuns(
  deps: Deps,
  actor: Principal,
  input: { limit: number; cursor?: string | undefined },
): Promise<Page<SupervisionRun>> {
  if (!hasRole(actor, "office")) fail("forbidden", "只有政务公开办可以查看督办记录");
  return deps.store.supervision.runs(input);
}

/** The scheduled run skips a day off on the loaded calendar: nobody is at work to be pressed. */
export async function isDayOff(deps: Deps, day: string): Promise<boolean> {
  return !isWorkingDay(await currentCalendar(deps), day).working;
}
