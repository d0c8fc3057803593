import {
  type AnnualReport,
  type AnnualReportSheet,
  annualReportColumn,
  annualReportHtml,
  annualReportOf,
  assertEditable,
  CreateItemInput,
  type EditReportSectionsInput,
  type EnteredFigures,
  emptySheet,
  fail,
  type Item,
  type ReportTables,
  reportIssuer,
  reportMismatches,
  reportTableIssues,
  sheetId,
  type Unit,
  yearOf,
} from "@gov/domain";
import { annualReportRecords, type Principal, type Write } from "@gov/store";
import { auditOf } from "./audit.ts";
import { nowIso, todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { draftItem } from "./items.ts";
import { checkVersion } from "./version.ts";
import type { CreateOptions } from "./writes.ts";

/**
 * Whose figures a unit's report covers: the office publishes the government's, which covers
 * every unit of the city; a department's (or township's) covers itself (OGI Art. 49–50).
 */
export const reportScopeOf = (unit: Pick<Unit, "kind" | "code">): string | undefined =>
  unit.kind === "office" ? undefined : unit.code;

async function unitOf(deps: Deps, code: string): Promise<Unit> {
  return (await deps.store.units.get(code)) ?? fail("not-found", "单位不存在");
}

async function sheetOf(deps: Deps, unitCode: string, year: number): Promise<AnnualReportSheet> {
  return (
    (await deps.store.annualReportSheets.get(unitCode, year)) ?? emptySheet(unitCode, year, nowIso(deps))
  );
}

/** The report of `unit` for `year` from the platform's records and the unit's sheet. */
async function reportFor(
  deps: Deps,
  unit: Unit,
  year: number,
  sheet: AnnualReportSheet,
): Promise<AnnualReport> {
  const { store, calendar: builtIn, settings } = deps;
  const scope = reportScopeOf(unit);
  const [records, calendar] = await Promise.all([
    annualReportRecords(store, year, scope),
    store.calendar.current(builtIn),
  ]);
  return annualReportOf(records, {
    year,
    unit: scope,
    issuer: reportIssuer(unit),
    today: todayOf(deps),
    calendar,
    settings,
    entered: sheet.entered,
    edited: { overview: sheet.overview, problems: sheet.problems },
  });
}

const tablesOf = (report: AnnualReport): ReportTables => ({
  normative: report.normative,
  applications: report.applications,
  entered: report.entered,
});

function checkYear(deps: Deps, year: number): void {
  if (year > yearOf(todayOf(deps))) fail("not-found", `${year}年度尚未开始`);
}

const sheetAudit = (sheet: AnnualReportSheet, action: string, actor: Principal) =>
  auditOf(
    "annual-report",
    { id: sheetId(sheet), version: sheet.version, updatedAt: sheet.updatedAt },
    action,
    actor,
  );

/**
 * The unit's own view of its report: the figures as they stand, what does not add up yet,
 * and, once published, every cell where the published tables and the platform now disagree.
 */
export async function annualReportView(deps: Deps, actor: Principal, input: { year: number }) {
  checkYear(deps, input.year);
  const unit = await unitOf(deps, actor.unitCode);
  const sheet = await sheetOf(deps, unit.code, input.year);
  const report = await reportFor(deps, unit, input.year, sheet);
  const published = sheet.published;
  return {
    report,
    /** The sheet's version, the ETag a change of figures or sections sends back as If-Match. */
    version: sheet.version,
    draftItemId: sheet.draft?.itemId ?? null,
    published: published ? { itemId: published.itemId, publishedAt: published.publishedAt } : null,
    issues: reportTableIssues(tablesOf(report)),
    mismatches: published ? reportMismatches(published.tables, tablesOf(report)) : [],
  };
}

/**
 * The report as the portal shows it: a unit's, or without one the government's (covering every
 * unit). What the office entered and edited is shown once the report is published, that is once
 * it passed the confidentiality review; before, the portal shows the platform's figures only.
 */
export async function publicAnnualReport(deps: Deps, input: { year: number; unit?: string | undefined }) {
  checkYear(deps, input.year);
  const { units } = deps.store;
  const unit = input.unit
    ? await unitOf(deps, input.unit)
    : ((await units.list()).find((u) => u.kind === "office") ?? fail("not-found", "单位不存在"));
  const sheet = await sheetOf(deps, unit.code, input.year);
  return reportFor(
    deps,
    unit,
    input.year,
    sheet.published ? sheet : emptySheet(unit.code, input.year, sheet.updatedAt),
  );
}

/**
 * The office's overview of a year's reports: for every unit whether it drafted and published
 * its report, what does not add up, and which published cells the platform no longer agrees
 * with. The city's records are read once and each unit's report is cut from them.
 */
export async function annualReportsOfYear(deps: Deps, input: { year: number }) {
  checkYear(deps, input.year);
  const { store, calendar: builtIn, settings } = deps;
  const units = await store.units.list();
  const [records, calendar, sheets] = await Promise.all([
    annualReportRecords(store, input.year),
    store.calendar.current(builtIn),
    store.annualReportSheets.ofYear(
      input.year,
      units.map((u) => u.code),
    ),
  ]);
  const today = todayOf(deps);
  return units.map((unit) => {
    const sheet =
      sheets.find((s) => s.unitCode === unit.code) ?? emptySheet(unit.code, input.year, nowIso(deps));
    const report = annualReportOf(records, {
      year: input.year,
      unit: reportScopeOf(unit),
      issuer: reportIssuer(unit),
      today,
      calendar,
      settings,
      entered: sheet.entered,
      edited: { overview: sheet.overview, problems: sheet.problems },
    });
    return {
      unitCode: unit.code,
      issuer: report.issuer,
      draftItemId: sheet.draft?.itemId ?? null,
      published: sheet.published
        ? { itemId: sheet.published.itemId, publishedAt: sheet.published.publishedAt }
        : null,
      issues: reportTableIssues(tablesOf(report)),
      notRecorded: report.notRecorded,
      mismatches: sheet.published ? reportMismatches(sheet.published.tables, tablesOf(report)) : [],
    };
  });
}

/** The figures the platform does not hold, as the office read them (each with source and date). */
export async function enterReportFigures(
  deps: Deps,
  actor: Principal,
  input: { year: number; figures: EnteredFigures; expectedVersion?: number | undefined },
): Promise<AnnualReportSheet> {
  checkYear(deps, input.year);
  return changeSheet(deps, actor, input, "enter-figures", (sheet) => ({
    ...sheet,
    entered: input.figures,
  }));
}

/** The overview and problems as the office wrote them; null returns a section to the drafted text. */
export async function editReportSections(
  deps: Deps,
  actor: Principal,
  input: { year: number; expectedVersion?: number | undefined } & EditReportSectionsInput,
): Promise<AnnualReportSheet> {
  checkYear(deps, input.year);
  return changeSheet(deps, actor, input, "edit-sections", (sheet) => ({
    ...sheet,
    ...(input.overview === undefined ? {} : { overview: input.overview }),
    ...(input.problems === undefined ? {} : { problems: input.problems }),
  }));
}

async function changeSheet(
  deps: Deps,
  actor: Principal,
  target: { year: number; expectedVersion?: number | undefined },
  action: string,
  change: (sheet: AnnualReportSheet) => AnnualReportSheet,
): Promise<AnnualReportSheet> {
  const before = await sheetOf(deps, actor.unitCode, target.year);
  assertEditable(before);
  // The first entry creates the sheet; changing one somebody may have changed since needs its version.
  if (before.version > 0 && target.expectedVersion === undefined) {
    fail("precondition-required", "修改已有的年度报告填报须携带If-Match请求头（其ETag）");
  }
  checkVersion(before.version, target.expectedVersion);
  const next = { ...change(before), version: before.version + 1, updatedAt: nowIso(deps) };
  await deps.store.annualReportSheets.save(next, before, sheetAudit(next, action, actor));
  return next;
}

/**
 * The unit's report on a finished year, drafted from the platform's figures and its sheet into
 * its 年度报告 column: the office drafts the government's, a department its own. The sheet
 * records which item it is and the tables it printed, in the draft's own transaction, so the
 * approval can check exactly what will be published (ADR 0052).
 */
export async function draftAnnualReport(
  deps: Deps,
  actor: Principal,
  input: { year: number },
  options: CreateOptions<Item> = {},
): Promise<Item> {
  const { year } = input;
  const today = todayOf(deps);
  if (year >= yearOf(today)) fail("unprocessable", `${year}年度尚未结束，不能起草年度报告`);
  const unit = await unitOf(deps, actor.unitCode);
  const sheet = await sheetOf(deps, unit.code, year);
  assertEditable(sheet);
  const report = await reportFor(deps, unit, year, sheet);
  const content = CreateItemInput.parse({
    kind: "general",
    title: report.title,
    columnId: annualReportColumn,
    body: annualReportHtml(report),
    generatedOn: today,
    keywords: ["年度报告", "政府信息公开"],
    summary: `依申请公开新收${report.applications.newThisYear.total}件、办结${report.applications.resultsTotal.total}件${report.notRecorded.length ? `；发布前须补充：${report.notRecorded.join("；")}` : ""}。`,
  });
  return draftItem(deps, actor, content, {
    alsoWrite: (item) => {
      const next = {
        ...sheet,
        draft: { itemId: item.id, tables: tablesOf(report), sheetVersion: sheet.version + 1 },
        version: sheet.version + 1,
        updatedAt: item.updatedAt,
      };
      return [
        ...(options.alsoWrite?.(item) ?? []),
        ...deps.store.annualReportSheets.writes(next, sheet, sheetAudit(next, "draft", actor)),
      ];
    },
    note: "按平台数据起草年度报告",
  });
}

/**
 * OGI Art. 50 and the 2021 form: a report whose tables do not add up (一 + 二 = 三（七） + 四,
 * every total row and column, table 四's totals) is not published; the refusal names each cell.
 * Called by the approval of an item in the 年度报告 column; the writes it returns record the
 * published tables in the approval's transaction. An item not drafted from a sheet (a report
 * written by hand) has no tables to check and passes as before (ADR 0033).
 */
export async function annualReportRelease(
  deps: Deps,
  actor: Principal,
  item: Item,
  publishedAt: string,
): Promise<Write[]> {
  if (item.columnId !== annualReportColumn) return [];
  const sheets = await deps.store.annualReportSheets.ofUnit(item.unitCode);
  const sheet = sheets.find((s) => s.draft?.itemId === item.id);
  // A revision of the published report is a correction by hand, reviewed as any revision is;
  // the sheet keeps the tables first published, which the office's view keeps comparing.
  if (!sheet?.draft || sheet.published) return [];
  const issues = reportTableIssues(sheet.draft.tables);
  if (issues.length) {
    fail(
      "unprocessable",
      `${sheet.year}年度报告的表格数据不平衡，不能发布：${issues.map((i) => i.message).join("；")}`,
      issues,
    );
  }
  // Figures or sections changed since: the item does not say what the sheet now says.
  if (sheet.version !== sheet.draft.sheetVersion) {
    fail("conflict", `${sheet.year}年度报告起草后填报数据或文字已修改，请重新起草后再发布`);
  }
  const next: AnnualReportSheet = {
    ...sheet,
    published: { itemId: item.id, publishedAt, tables: sheet.draft.tables },
    version: sheet.version + 1,
    updatedAt: publishedAt,
  };
  return deps.store.annualReportSheets.writes(next, sheet, sheetAudit(next, "publish", actor));
}
