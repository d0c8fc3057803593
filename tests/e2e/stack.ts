import { type LocalOptions, type LocalStack, startLocal } from "@gov/local";
import { inject } from "vitest";
import { type DemoCopy, demoChannelKey, demoTable } from "./demo-template.ts";

let tables = 0;

/**
 * The whole local stack on a random port, on a table of the run's one DynamoDB Local, so
 * end-to-end files never start a JVM of their own. `demo` names the file's own copy of the
 * demo seeded once for the run (the stack issues fresh keys, as after a lost credentials
 * file); without it the stack seeds as `seed` says into a new table.
 */
export function startStack(
  options: Omit<LocalOptions, "port" | "database"> & { tableName?: string; demo?: DemoCopy },
): Promise<LocalStack> {
  tables += 1;
  const { demo, tableName = `e2e-${process.pid}-${Date.now().toString(36)}-${tables}`, ...rest } = options;
  const database = { endpoint: inject("dynamoEndpoint"), tableName: demo ? demoTable(demo) : tableName };
  return startLocal({ channelSecretKey: demoChannelKey, ...rest, port: 0, database });
}

/** Polls until `found` holds (the dispatcher and the timers run on their own), or `ms` have passed. */
export async function eventually<T>(
  read: () => Promise<T>,
  found: (value: T) => boolean,
  ms = 20_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (found(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}
