import type { Deps } from "@gov/core";
import type { IdempotencyRequest, Principal } from "@gov/store";

export type { Deps };

export type AppEnv = {
  Variables: {
    deps: Deps;
    principal: Principal;
    idempotency: IdempotencyRequest | undefined;
    /** The anonymous client's address, as the app's trusted-proxy setting reads it (client.ts). */
    client: string | undefined;
  };
};
