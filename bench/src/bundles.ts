import { measureBundles } from "./bundle.ts";
import { bundleSection } from "./report.ts";

/**
 * `pnpm --filter @gov/bench bundles`: the bundle and cold-import part of `pnpm bench` alone
 * (no DynamoDB, no load), about a minute. BENCH_IMPORT_RUNS sets the fresh processes per file.
 */
const importRuns = Number(process.env.BENCH_IMPORT_RUNS ?? 9);
console.log(bundleSection(await measureBundles({ importRuns })).join("\n"));
