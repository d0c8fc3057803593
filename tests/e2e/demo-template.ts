import { startLocal } from "@gov/local";
import { runDatabase } from "@gov/store/testing/global-setup";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    demoTemplate: string;
  }
}

/**
 * Seeds the demo once for all end-to-end files (through the apps, as `pnpm start` does);
 * each file then starts on its own copy. Runs only when an end-to-end file is queued.
 */
export default async function setup(project: TestProject) {
  const tableName = "demo-template";
  const stack = await startLocal({
    port: 0,
    dataDir: undefined,
    seed: "demo",
    database: { endpoint: (await runDatabase()).endpoint, tableName },
  });
  await stack.stop();
  project.provide("demoTemplate", tableName);
}
