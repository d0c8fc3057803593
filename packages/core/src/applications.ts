import {
  type Application,
  type ApplicationDetail,
  type ApplicationEventInput,
  type ApplicationListEntry,
  applicantKindOf,
  type Calendar,
  canSeeUnit,
  clockOfApplication,
  type DisclosedApplication,
  fail,
  happened,
  hasRole,
  type IsoDate,
  type ItemContent,
  maxApplicationParts,
  newApplication,
  planned,
  type RegisterApplicationInput,
  type RouteApplicationInput,
  type Settings,
  type SubmitApplicationInput,
  timelinessOfApplication,
  withEvent,
  yearOf,
} from "@gov/domain";
import {
  issueTrackingCredentials,
  newId,
  type Page,
  type PageRequest,
  type Principal,
  type Write,
} from "@gov/store";
import { applicantStatusMail, applicantWatch } from "./application-status-mail.ts";
import { auditOf } from "./audit.ts";
import { currentCalendar } from "./calendar.ts";
import type { Change } from "./change.ts";
import { checkDates, nowIso, todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { byCredentials, type Credentials, citizen } from "./intake.ts";
import { draftItem } from "./items.ts";
import type { PortalLinks } from "./subscriptions.ts";
import { checkVersion } from "./version.ts";
import { alsoWritten, type CreateOptions } from "./writes.ts";

/** 依申请公开: registration and handling by the units, online submission and status for the applicant. */

/** Another unit's application reads as missing (the office sees all), checked at the version the caller read. */
async function scopedApplication(deps: Deps, actor: Principal, change: Change): Promise<Application> {
  const application = await deps.store.applications.get(change.id);
  if (!application || !canSeeUnit(actor, application.unitCode)) return fail("not-found", "申请不存在");
  checkVersion(application.version, change.expectedVersion);
  return application;
}

/** Where an application stands today: never the stored snapshot, always its events recounted. */
function standing(application: Application, calendar: Calendar, today: IsoDate, settings: Settings) {
  const clock = clockOfApplication(application, calendar, today);
  return { clock, timeliness: timelinessOfApplication(clock, today, calendar, settings) };
}

/** The staff view: the record, its clock as of today, why it is due then, and the applicant. */
async function detailOf(deps: Deps, application: Application): Promise<ApplicationDetail> {
  const calendar = await currentCalendar(deps);
  const { clock, timeliness } = standing(application, calendar, todayOf(deps), deps.settings);
  const [applicant, parts] = await Promise.all([
    deps.store.applications.applicant(application.id),
    partsBeside(deps, application, calendar),
  ]);
  return {
    ...application,
    state: clock.state,
    dueOn: clock.dueOn,
    dueIsProvisional: clock.dueIsProvisional,
    calendarVersion: clock.calendarVersion,
    timeliness,
    explanation: clock.explanation,
    applicant: applicant ?? null,
    parts,
  };
}

/** Every unit's part under the application's tracking code, itself included (ADR 0061). */
async function partsBeside(deps: Deps, application: Application, calendar: Calendar) {
  const { found } = await deps.store.applications.getByTrackingCode(application.trackingCode);
  return partSummaries(deps, found?.parts ?? [application], calendar);
}

/** Each part with its unit's name, its state, deadline and answer: staff's and the applicant's lists. */
async function partSummaries(deps: Deps, parts: Application[], calendar: Calendar) {
  const units = await Promise.all(parts.map((p) => deps.store.units.get(p.unitCode)));
  return parts.map((part, i) => ({ id: part.id, ...partStatus(part, units[i]?.name, calendar, deps) }));
}

/** Where and when an application arrived; the tracking code and the clock are the system's. */
type Arrival = Pick<Application, "unitCode" | "channel" | "receivedOn" | "confirmation">;
type Request = Pick<SubmitApplicationInput, "applicant" | "description" | "provisionForm">;

/**
 * A new application with its tracking credentials (the table keeps only the secret's hash) and
 * the applicant in their own record, committed with its audit entry and what the caller adds.
 * Each further unit the applicant named gets its own part, received the same day (ADR 0061).
 */
async function receive(
  deps: Deps,
  actor: Principal,
  action: string,
  arrival: Arrival,
  request: Request & { otherUnitCodes?: string[] | undefined },
  alsoWrite: (application: Application) => Write[],
) {
  const { trackingCode, secret, secretHash } = issueTrackingCredentials("YSQ", yearOf(arrival.receivedOn));
  const calendar = await currentCalendar(deps);
  const partFor = (unitCode: string, partOf?: string) =>
    newApplication(
      {
        id: newId("application"),
        trackingCode,
        ...arrival,
        unitCode,
        ...(partOf ? { partOf } : {}),
        applicantKind: applicantKindOf(request.applicant),
        description: request.description,
        provisionForm: request.provisionForm,
      },
      calendar,
      todayOf(deps),
      nowIso(deps),
    );
  const application = partFor(arrival.unitCode);
  const others = (request.otherUnitCodes ?? []).map((code) => partFor(code, application.id));
  const { applications } = deps.store;
  await applications.create(
    application,
    request.applicant,
    secretHash,
    auditOf("application", application, action, actor),
    [
      ...others.flatMap((part) =>
        applications.newPart(
          part,
          request.applicant,
          secretHash,
          auditOf("application", part, action, actor),
        ),
      ),
      ...alsoWrite(application),
    ],
  );
  return { application, secret };
}

/** A unit that must exist to receive an application (422 at `path` otherwise). */
async function checkUnitsExist(deps: Deps, codes: { path: string; code: string }[], message: string) {
  const found = await Promise.all(codes.map(({ code }) => deps.store.units.get(code)));
  const missing = codes.filter((_, i) => !found[i]).map(({ path }) => ({ path, message: "单位不存在" }));
  if (missing.length > 0) fail("unprocessable", message, missing);
}

/**
 * A unit registers an application that came on paper, in person, by post or fax, dated the day
 * it arrived (OGI Art. 31); the office may register it for another unit.
 */
export async function registerApplication(
  deps: Deps,
  actor: Principal,
  input: RegisterApplicationInput,
  options: CreateOptions<Application> = {},
): Promise<Application> {
  checkDates(deps, [happened("receivedOn", input.receivedOn)]);
  const unitCode = input.unitCode ?? actor.unitCode;
  if (unitCode !== actor.unitCode && !hasRole(actor, "office")) fail("forbidden", "只能为本单位登记申请");
  if (!(await deps.store.units.get(unitCode))) {
    fail("unprocessable", `单位${unitCode}不存在`, [{ path: "unitCode", message: "单位不存在" }]);
  }
  const arrival = { unitCode, channel: input.channel, receivedOn: input.receivedOn };
  const { application } = await receive(deps, actor, "register", arrival, input, (a) =>
    alsoWritten(options, a),
  );
  return application;
}

/** What the applicant is told on submission, besides the secret (which no stored answer may hold). */
export type ApplicationReceipt = Pick<
  Application,
  "trackingCode" | "receivedOn" | "dueOn" | "dueIsProvisional"
>;

/**
 * An applicant applies online on the day of submission (Beijing time); the day of receipt is
 * the day the office confirms it (OGI Art. 31(三)), automatically on the next working day when
 * the settings say so. The receipt's due date counts from that day.
 */
export async function submitApplication(
  deps: Deps,
  input: SubmitApplicationInput,
  options: CreateOptions<ApplicationReceipt> = {},
  /** Where status mails link to (the portal the applicant used); needed only with `notifyByEmail`. */
  links?: PortalLinks,
): Promise<{ receipt: ApplicationReceipt; secret: string }> {
  await checkUnitsExist(
    deps,
    [
      { path: "unitCode", code: input.unitCode },
      ...(input.otherUnitCodes ?? []).map((code, i) => ({ path: `otherUnitCodes.${i}`, code })),
    ],
    "所申请的单位不存在",
  );
  const arrival = {
    unitCode: input.unitCode,
    channel: "online",
    receivedOn: todayOf(deps),
    confirmation: deps.settings.onlineConfirmation,
  } as const;
  const receiptOf = (application: Application): ApplicationReceipt => ({
    trackingCode: application.trackingCode,
    receivedOn: application.receivedOn,
    dueOn: application.dueOn,
    dueIsProvisional: application.dueIsProvisional,
  });
  const { application, secret } = await receive(
    deps,
    citizen(input.unitCode),
    "submit-online",
    arrival,
    input,
    (a) => [...alsoWritten(options, receiptOf(a)), ...applicantWatch(deps, a, input, links)],
  );
  return { receipt: receiptOf(application), secret };
}

/** A unit's applications (the office: all, or one unit's), newest first, each as it stands today. */
export async function listApplications(
  deps: Deps,
  actor: Principal,
  input: { unit?: string | undefined } & PageRequest,
): Promise<Page<ApplicationListEntry>> {
  const { unit, ...page } = input;
  const { applications } = deps.store;
  const office = hasRole(actor, "office");
  const result =
    office && !unit
      ? await applications.listAll(page)
      : await applications.listOfUnit(office && unit ? unit : actor.unitCode, page);
  const calendar = await currentCalendar(deps);
  const today = todayOf(deps);
  const items = result.items.map(({ events, ...application }) => {
    const { clock, timeliness } = standing({ ...application, events }, calendar, today, deps.settings);
    return {
      ...application,
      state: clock.state,
      dueOn: clock.dueOn,
      dueIsProvisional: clock.dueIsProvisional,
      timeliness,
    };
  });
  return { items, nextCursor: result.nextCursor };
}

export async function applicationDetail(
  deps: Deps,
  actor: Principal,
  id: string,
): Promise<ApplicationDetail> {
  return detailOf(deps, await scopedApplication(deps, actor, { id }));
}

/**
 * A handling step (OGI Art. 30–37), checked against the events before it; the due date is
 * always derived from the events, never set.
 */
export async function recordApplicationEvent(
  deps: Deps,
  actor: Principal,
  input: Change & { event: ApplicationEventInput },
): Promise<ApplicationDetail> {
  const { event } = input;
  // The event's own day is judged against the log (no earlier than the last, never after today: 409).
  checkDates(deps, [
    planned("correctBy", "correctBy" in event ? event.correctBy : undefined),
    happened("applicantNotifiedOn", "applicantNotifiedOn" in event ? event.applicantNotifiedOn : undefined),
  ]);
  const current = await scopedApplication(deps, actor, input);
  const next = withEvent(
    current,
    input.event,
    { at: nowIso(deps), by: actor.keyId },
    await currentCalendar(deps),
    todayOf(deps),
  );
  await deps.store.applications.update(
    next,
    current,
    auditOf("application", next, `event:${input.event.type}`, actor),
    await applicantStatusMail(deps, current, next),
  );
  return detailOf(deps, next);
}

/**
 * 转主动公开: what an answered application disclosed becomes a draft item of the application's
 * unit, drafted, reviewed and published as any other.
 */
export async function discloseApplication(
  deps: Deps,
  actor: Principal,
  input: { id: string; content: ItemContent },
): Promise<DisclosedApplication> {
  const application = await scopedApplication(deps, actor, { id: input.id });
  if (
    application.state !== "answered" ||
    !["disclosed", "partially-disclosed"].includes(application.responseType ?? "")
  ) {
    fail("conflict", "只有予以公开或部分公开的申请才能转为主动公开");
  }
  const item = await draftItem(deps, actor, input.content, {
    unitCode: application.unitCode,
    action: "create-from-application",
    note: application.id,
  });
  const now = nowIso(deps);
  const today = todayOf(deps);
  const next = withEvent(
    application,
    { type: "disclosed-proactively", on: today, itemId: item.id },
    { at: now, by: actor.keyId },
    await currentCalendar(deps),
    today,
  );
  await deps.store.applications.update(next, application, auditOf("application", next, "disclose", actor));
  return { item, application: await detailOf(deps, next) };
}

/**
 * The office routes an application to more units (ADR 0061): each gets its own part, with its
 * own clock from the day it was routed (its receipt by that unit, OGI Art. 31), its own answer
 * and its own row in that unit's table three. The tracking code and secret answer for all parts.
 */
export async function routeApplication(
  deps: Deps,
  actor: Principal,
  input: { id: string } & RouteApplicationInput,
  options: CreateOptions<Application[]> = {},
): Promise<Application[]> {
  if (!hasRole(actor, "office")) fail("forbidden", "只有政务公开办公室可以将申请交由其他单位办理");
  checkDates(deps, [happened("on", input.on)]);
  const source = await scopedApplication(deps, actor, { id: input.id });
  const { found } = await deps.store.applications.getByTrackingCode(source.trackingCode);
  const first = found?.application ?? source;
  const parts = found?.parts ?? [source];
  const routedOn = input.on ?? todayOf(deps);
  if (routedOn < first.receivedOn) {
    fail("unprocessable", "交办日期不能早于收到申请之日", [
      { path: "on", message: `不能早于${first.receivedOn}` },
    ]);
  }
  const held = new Set(parts.map((p) => p.unitCode));
  const repeated = input.unitCodes.flatMap((code, i) =>
    held.has(code) ? [{ path: `unitCodes.${i}`, message: `单位${code}已在办理该申请` }] : [],
  );
  if (repeated.length > 0) fail("conflict", "所列单位已在办理该申请", repeated);
  if (parts.length + input.unitCodes.length > maxApplicationParts) {
    fail("unprocessable", `一件申请最多由${maxApplicationParts}个单位分别办理`, [
      { path: "unitCodes", message: `已有${parts.length}个单位办理` },
    ]);
  }
  await checkUnitsExist(
    deps,
    input.unitCodes.map((code, i) => ({ path: `unitCodes.${i}`, code })),
    "所交办的单位不存在",
  );
  const calendar = await currentCalendar(deps);
  const routed = input.unitCodes.map((unitCode) =>
    newApplication(
      {
        id: newId("application"),
        trackingCode: first.trackingCode,
        unitCode,
        partOf: first.id,
        // Received by the unit on the day routed: no online confirmation is pending for it.
        channel: first.channel,
        receivedOn: routedOn,
        applicantKind: first.applicantKind,
        description: first.description,
        provisionForm: first.provisionForm,
      },
      calendar,
      todayOf(deps),
      nowIso(deps),
    ),
  );
  await deps.store.applications.addParts(
    first,
    routed.map((application) => ({
      application,
      audit: auditOf(
        "application",
        application,
        "route",
        actor,
        [first.id, input.note].filter(Boolean).join("："),
      ),
    })),
    alsoWritten(options, routed),
  );
  return routed;
}

/** What the applicant is shown of one unit's part: its unit, state, deadline and answer. */
function partStatus(part: Application, unitName: string | undefined, calendar: Calendar, deps: Deps) {
  const today = todayOf(deps);
  const { clock, timeliness } = standing(part, calendar, today, deps.settings);
  return {
    unitCode: part.unitCode,
    unitName: unitName ?? part.unitCode,
    state: clock.state,
    receivedOn: part.receivedOn,
    dueOn: clock.dueOn,
    dueIsProvisional: clock.dueIsProvisional,
    overdue: timeliness !== "on-time",
    ...(clock.responseType ? { responseType: clock.responseType } : {}),
    ...(clock.endedOn ? { endedOn: clock.endedOn } : {}),
  };
}

/**
 * The applicant's own view, by tracking code and secret: the status only, never the applicant.
 * Every unit's part is listed under the one tracking code; the top-level fields are the first
 * part's, as they were before applications had parts.
 */
export async function applicationStatus(deps: Deps, credentials: Credentials) {
  const { application, parts } = await byCredentials(
    deps,
    credentials,
    deps.store.applications.getByTrackingCode,
  );
  const calendar = await currentCalendar(deps);
  const statuses = (await partSummaries(deps, parts, calendar)).map(({ id: _id, ...status }) => status);
  const { unitName: _name, ...first } =
    statuses.find((s) => s.unitCode === application.unitCode) ??
    partStatus(application, undefined, calendar, deps);
  return { trackingCode: application.trackingCode, ...first, parts: statuses };
}
