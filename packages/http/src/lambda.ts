import { publicChanges } from "@gov/core";
import { builtInCalendar, defaultSettings } from "@gov/domain";
import { createStore } from "@gov/store";
import { z } from "zod";
import type { Deps } from "./env.ts";

/** The one place a deployed function reads its configuration; infra/ sets these variables. */
const LambdaEnv = z.object({ TABLE_NAME: z.string().min(1) });

export function lambdaDeps(): Deps {
  const env = LambdaEnv.parse(process.env);
  return {
    store: createStore({ tableName: env.TABLE_NAME }),
    clock: () => new Date(),
    calendar: builtInCalendar(),
    settings: defaultSettings,
    publicChanges: publicChanges(),
  };
}
