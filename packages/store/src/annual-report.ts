import type { AnnualReportRecords } from "@gov/domain";
import type { Store } from "./store.ts";

/**
 * What a year's annual report reads: the city's normative documents (one sparse partition),
 * the applications received up to the year's end (the unit's, or the city's), the
 * rectification tasks of the year's assessments, the trainings held in the year with their
 * attendance (one Query plus one per training), and for the overview the year's published
 * items, letters and consultations. In parallel.
 */
export async function annualReportRecords(
  store: Pick<
    Store,
    "items" | "applications" | "rectificationTasks" | "trainings" | "letters" | "consultations"
  >,
  year: number,
  unit?: string,
): Promise<AnnualReportRecords> {
  const [normativeDocuments, applications, tasks, trainings, published, letters, consultations] =
    await Promise.all([
      store.items.normativeDocuments(),
      store.applications.receivedUntil(`${year}-12-31`, unit),
      store.rectificationTasks.ofYear(year),
      // Start times are UTC and the year is Beijing's: a day either side, the domain keeps the year's.
      store.trainings.startingBetween(`${year - 1}-12-31`, `${year + 1}-01-01`),
      store.items.publishedInYear(year, unit),
      store.letters.factsOfYear(year, unit),
      store.consultations.ofYear(year),
    ]);
  return { normativeDocuments, applications, tasks, trainings, published, letters, consultations };
}
