import {
  annualReportHtml,
  annualReportOf,
  CreateItemInput,
  fail,
  type Item,
  reportIssuer,
  yearOf,
} from "@gov/domain";
import { annualReportRecords, type Principal } from "@gov/store";
import { todayOf } from "./clock.ts";
import type { Deps } from "./deps.ts";
import { draftItem } from "./items.ts";
import type { CreateOptions } from "./writes.ts";

/**
 * The unit's report on a finished year, drafted from the platform's figures into its 年度报告
 * column: the office drafts the government's, a department its own. The draft then takes the
 * normal path (edit to add what the platform does not record, submit, confidentiality review).
 */
export async function draftAnnualReport(
  deps: Deps,
  actor: Principal,
  input: { year: number },
  options: CreateOptions<Item> = {},
): Promise<Item> {
  const { store, calendar: builtIn, settings } = deps;
  const { year } = input;
  const today = todayOf(deps);
  if (year >= yearOf(today)) fail("unprocessable", `${year}年度尚未结束，不能起草年度报告`);
  const unit = (await store.units.get(actor.unitCode)) ?? fail("not-found", "单位不存在");
  const scope = unit.kind === "office" ? undefined : unit.code;
  const [records, calendar] = await Promise.all([
    annualReportRecords(store, year, scope),
    store.calendar.current(builtIn),
  ]);
  const report = annualReportOf(records, {
    year,
    unit: scope,
    issuer: reportIssuer(unit),
    today,
    calendar,
    settings,
  });
  const content = CreateItemInput.parse({
    kind: "general",
    title: report.title,
    columnId: "annual-reports",
    body: annualReportHtml(report),
    generatedOn: today,
    keywords: ["年度报告", "政府信息公开"],
    summary: `依申请公开新收${report.applications.newThisYear.total}件、办结${report.applications.resultsTotal.total}件；发布前须补充：${report.notRecorded.join("；")}。`,
  });
  return draftItem(deps, actor, content, { ...options, note: "按平台数据起草年度报告" });
}
