import type { Calendar, Settings } from "@gov/domain";
import type { Store } from "@gov/store";

/**
 * What every use case runs on: one store, one clock, the working-day calendar and the
 * locality's settings. Nothing reads the system time itself; a timer passes its own clock.
 */
export type Deps = {
  store: Store;
  clock: () => Date;
  calendar: Calendar;
  settings: Settings;
};
