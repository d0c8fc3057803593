import type { Application } from "../application.ts";
import type { Calendar } from "../calendar.ts";
import { type IsoDate, shanghaiDate, yearOf } from "../date.ts";
import type { IndicatorLevel } from "../indicator-level.ts";
import type { Item } from "../item.ts";
import type { Letter } from "../letter.ts";
import type { Settings } from "../settings.ts";

/** What the rules read of a published item (the store projects exactly these). */
export const itemFactFields = [
  "id",
  "kind",
  "title",
  "unitCode",
  "columnId",
  "indexNumber",
  "generatedOn",
  "publishedAt",
  "firstPublishedAt",
  "docNumber",
  "effectiveOn",
  "validity",
  "validityHistory",
  "timeliness",
  "interprets",
  "disclosureMethod",
] as const satisfies readonly (keyof Item)[];
export type ItemFact = Pick<Item, (typeof itemFactFields)[number]>;

/**
 * What the rules read of an application: the inputs of its clock and its tracking code. Never
 * the applicant (a record of its own) nor the description, which may name a person.
 */
export const applicationFactFields = [
  "id",
  "trackingCode",
  "unitCode",
  "channel",
  "receivedOn",
  "confirmation",
  "events",
] as const satisfies readonly (keyof Application)[];
export type ApplicationFact = Pick<Application, (typeof applicationFactFields)[number]>;

/** What the rules read of a letter: its dates and holder. Never the writer, subject or body. */
export const letterFactFields = [
  "id",
  "trackingCode",
  "unitCode",
  "state",
  "receivedOn",
  "repliedOn",
] as const satisfies readonly (keyof Letter)[];
export type LetterFact = Pick<Letter, (typeof letterFactFields)[number]>;

/** The platform's own data about one unit, as of the assessment's day. */
export type AssessmentFacts = {
  unitCode: string;
  year: number;
  /** The unit's published items, first published on or before the assessment's day. */
  items: ItemFact[];
  /** Every published interpretation of the city: another unit may interpret a unit's document. */
  interpretations: ItemFact[];
  /**
   * The unit's applications received on or before the day (every year: one carried over and
   * still open counts too). Read only when a rule of the sheet needs them (`factsNeeded`).
   */
  applications?: ApplicationFact[];
  /** The letters the unit holds, received on or before the day; read only when a rule needs them. */
  letters?: LetterFact[];
  /** The calendar in force (loaded holiday notices) and the settings the deadline rules count with. */
  calendar?: Calendar;
  settings?: Settings;
  /** The level of the sheet being scored: which annual-report deadline applies (set by autoScore). */
  level?: IndicatorLevel;
};

/** The facts beyond the unit's items that a rule reads; the store reads them only when asked. */
export type FactNeed = "applications" | "letters";

export const firstPublishedOn = (item: ItemFact): IsoDate =>
  shanghaiDate(new Date(item.firstPublishedAt ?? item.publishedAt ?? item.generatedOn));
export const inYear = (year: number) => (item: ItemFact) => yearOf(firstPublishedOn(item)) === year;

/**
 * A fact a rule declared in `needs` but the caller did not read is a programming error (the
 * route reads what `factsNeeded` names), not bad input: it must never score as "nothing found".
 */
export function needed<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`assessment facts lack ${what}: read them with factsNeeded`);
  return value;
}

export const deadlineFacts = (facts: AssessmentFacts) => ({
  calendar: needed(facts.calendar, "the calendar"),
  settings: needed(facts.settings, "the settings"),
});
