import type { IdempotencyRequest, Principal, Store } from "@gov/store";

/** What every app is built from: one store, one clock. Nothing reads the system time itself. */
export type Deps = {
  store: Store;
  clock: () => Date;
};

export type AppEnv = {
  Variables: {
    deps: Deps;
    principal: Principal;
    idempotency: IdempotencyRequest | undefined;
  };
};
