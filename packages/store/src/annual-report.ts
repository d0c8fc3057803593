import type { AnnualReportRecords } from "@gov/domain";
import type { Store } from "./store.ts";

/**
 * What a year's annual report reads: the city's normative documents (one sparse partition),
 * the applications received up to the year's end (the unit's, or the city's), and the
 * rectification tasks of the year's assessments. Three Queries, in parallel.
 */
export async function annualReportRecords(
  store: Pick<Store, "items" | "applications" | "rectificationTasks">,
  year: number,
  unit?: string,
): Promise<AnnualReportRecords> {
  const [normativeDocuments, applications, tasks] = await Promise.all([
    store.items.normativeDocuments(),
    store.applications.receivedUntil(`${year}-12-31`, unit),
    store.rectificationTasks.ofYear(year),
  ]);
  return { normativeDocuments, applications, tasks };
}
