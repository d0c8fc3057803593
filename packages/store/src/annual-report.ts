import type { AnnualReportRecords } from "@gov/domain";
import type { Store } from "./store.ts";

/**
 * What a year's annual report reads: the city's normative documents (one sparse partition),
 * the applications received up to the year's end (the unit's, or the city's), the
 * rectification tasks of the year's assessments, and for the overview the year's published
 * items, letters and consultations. Six Queries, in parallel.
 */
export async function annualReportRecords(
  store: Pick<Store, "items" | "applications" | "rectificationTasks" | "letters" | "consultations">,
  year: number,
  unit?: string,
): Promise<AnnualReportRecords> {
  const [normativeDocuments, applications, tasks, published, letters, consultations] = await Promise.all([
    store.items.normativeDocuments(),
    store.applications.receivedUntil(`${year}-12-31`, unit),
    store.rectificationTasks.ofYear(year),
    store.items.publishedInYear(year, unit),
    store.letters.factsOfYear(year, unit),
    store.consultations.ofYear(year),
  ]);
  return { normativeDocuments, applications, tasks, published, letters, consultations };
}
