import type { Calendar, Settings } from "@gov/domain";
import type { IdempotencyRequest, Principal, Store } from "@gov/store";

/**
 * What every app is built from: one store, one clock, the working-day calendar and the
 * locality's settings. Nothing reads the system time itself.
 */
export type Deps = {
  store: Store;
  clock: () => Date;
  calendar: Calendar;
  settings: Settings;
};

export type AppEnv = {
  Variables: {
    deps: Deps;
    principal: Principal;
    idempotency: IdempotencyRequest | undefined;
  };
};
