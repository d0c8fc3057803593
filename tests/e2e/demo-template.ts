import { startLocal } from "@gov/local";
import { copyTable } from "@gov/store/testing";
import { runDatabase } from "@gov/store/testing/global-setup";
import type { TestProject } from "vitest/node";

/** The end-to-end files that start from the demo: each gets a copy of its own. */
export const demoCopies = [
  "round-trip",
  "supervision",
  "hostile-input",
  "notices",
  "portal",
  "supervision-timer",
  "console",
  "subscriptions",
] as const;
export type DemoCopy = (typeof demoCopies)[number];

export const demoTable = (copy: DemoCopy) => `demo-${copy}`;

/** The demo units' channels are sealed under this key, so every copy's stack can open them. */
export const demoChannelKey = Buffer.alloc(32, 7).toString("base64");

/**
 * Seeds the demo once for all end-to-end files (through the apps, as `pnpm start` does) and
 * copies it for each file that uses it, here where no hook timeout applies: a file's own
 * start-up then costs only its keys. Runs only when an end-to-end file is queued.
 */
export default async function setup(_project: TestProject) {
  const { endpoint } = await runDatabase();
  const [first, ...others] = demoCopies.map(demoTable) as [string, ...string[]];
  const stack = await startLocal({
    port: 0,
    dataDir: undefined,
    seed: "demo",
    database: { endpoint, tableName: first },
    channelSecretKey: demoChannelKey,
  });
  await stack.stop();
  // Two side by side: the copies wait on DynamoDB Local's round trips more than on its cores,
  // but seven at once ran past the client's 5 s request timeout on a loaded 2-core machine.
  for (let i = 0; i < others.length; i += 2) {
    await Promise.all(others.slice(i, i + 2).map((copy) => copyTable(endpoint, first, copy)));
  }
}
