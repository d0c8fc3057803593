import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type BuildOptions, build, type Metafile, type Plugin } from "esbuild";

/**
 * Lambda bundle size and cold import time. Each entry is built as Lambda would run it
 * (esbuild: bundle, node22, ESM, minified), with everything bundled and with `@aws-sdk/*`
 * left to the runtime's copy. Both are compared with a baseline built the same way: a bare
 * Hono handler doing one DynamoDB GetItem, the least a Lambda of ours can be. Cold import =
 * `import()` of the built bundle in a fresh Node process, the part of INIT our code controls.
 */

const benchDir = fileURLToPath(new URL("..", import.meta.url));
const repoDir = join(benchDir, "..");
/** The store's node_modules holds both @aws-sdk packages the bundles leave external. */
const sdkModules = join(repoDir, "packages/store/node_modules");

export const lambdaEntries = [
  { name: "publish", path: "apps/publish/src/lambda.ts" },
  { name: "public", path: "apps/public/src/lambda.ts" },
  { name: "notices", path: "apps/notices/src/lambda.ts" },
  { name: "supervision", path: "apps/supervision/src/lambda.ts" },
  { name: "supervision (scheduled)", path: "apps/supervision/src/scheduled.ts" },
];

/** The baseline: what any Lambda of ours needs at the least (Hono, its Lambda adapter, one GetItem). */
const baseline = `import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
const db = new DynamoDBClient({});
export const handler = handle(
  new Hono().get("/items/:id", async (c) => {
    const { Item } = await db.send(
      new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { pk: { S: c.req.param("id") }, sk: { S: "ITEM" } } }),
    );
    return Item ? c.json(Item) : c.notFound();
  }),
);`;

/**
 * A cut measured, not deployed (ADR 0057): @hono/zod-openapi hands zod's whole \`z\` namespace
 * to a function, so every bundle keeps all of zod's 40-odd locales (~260 KB) although only
 * zh-CN is configured. This swaps zod's locale index for one that has zh-CN and en only.
 */
export const oneZodLocale: Plugin = {
  name: "one-zod-locale",
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes("/zod/")
        ? { path: join(args.resolveDir, "../locales"), namespace: "zod-locale" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-locale" }, (args) => ({
      contents: 'export { default as zhCN } from "./zh-CN.js"; export { default as en } from "./en.js";',
      resolveDir: args.path,
      loader: "js",
    }));
  },
};

export type ModuleBytes = { module: string; bytes: number };
export type BundleSize = {
  name: string;
  bytes: number;
  bytesWithoutSdk: number;
  /** What fills the all-bundled file, by package (workspace packages by folder), biggest first. */
  top: ModuleBytes[];
};
export type ImportTimes = { bundled: number; sdkExternal: number; oneZodLocale: number };
export type BundleReport = {
  bundles: BundleSize[];
  baseline: BundleSize;
  /** The public bundle with zod's locales cut (`oneZodLocale`), all bundled. */
  publicOneLocaleBytes: number;
  /** Median ms to import() the bundle in a fresh process. */
  importMs: { public: ImportTimes; baseline: ImportTimes };
  importRuns: number;
};

const common: BuildOptions = {
  bundle: true,
  platform: "node",
  target: "node22",
  format: "esm",
  minify: true,
  logLevel: "silent",
  metafile: true,
  // Some bundled CommonJS code calls require(); ESM output needs one (SST adds the same banner).
  banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' },
};

/** `…/node_modules/.pnpm/x@1/node_modules/@scope/name/dist/a.js` → `@scope/name`; our files by package folder. */
function moduleOf(input: string): string {
  const parts = input.split("node_modules/");
  if (parts.length > 1) {
    const path = (parts.at(-1) as string).split("/");
    return path[0]?.startsWith("@") ? `${path[0]}/${path[1]}` : (path[0] as string);
  }
  const path = relative(repoDir, join(benchDir, input)).split("/");
  return path.slice(0, 2).join("/");
}

function topModules(metafile: Metafile, outfile: string, count = 6): ModuleBytes[] {
  const output = Object.entries(metafile.outputs).find(([path]) => resolve(benchDir, path) === outfile)?.[1];
  const byModule = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const module = moduleOf(input);
    byModule.set(module, (byModule.get(module) ?? 0) + bytesInOutput);
  }
  return [...byModule]
    .map(([module, bytes]) => ({ module, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

async function bundle(
  outfile: string,
  source: { entry: string } | { contents: string },
  external: string[],
  plugins: Plugin[] = [],
): Promise<{ bytes: number; top: ModuleBytes[] }> {
  const result = await build({
    ...common,
    plugins,
    outfile,
    external,
    absWorkingDir: benchDir,
    ...("entry" in source
      ? { entryPoints: [join(repoDir, source.entry)] }
      : {
          stdin: {
            contents: source.contents,
            resolveDir: benchDir,
            sourcefile: "baseline.ts",
            loader: "ts",
          },
        }),
  });
  return { bytes: statSync(outfile).size, top: topModules(result.metafile as Metafile, outfile) };
}

async function sizes(dir: string, name: string, source: { entry: string } | { contents: string }) {
  const full = await bundle(join(dir, `${name}.mjs`), source, []);
  const lean = await bundle(join(dir, `${name}-nosdk.mjs`), source, ["@aws-sdk/*"]);
  return { name, bytes: full.bytes, bytesWithoutSdk: lean.bytes, top: full.top };
}

/** Median import time over `runs` fresh processes (TABLE_NAME set, as infra/ sets it). */
function importTime(file: string, runs: number): number {
  const script = "const t=performance.now();await import(process.argv[1]);console.log(performance.now()-t)";
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(
      process.execPath,
      ["--input-type=module", "-e", script, pathToFileURL(file).href],
      {
        env: { PATH: process.env.PATH, TABLE_NAME: "gov-disclosure", AWS_REGION: "cn-north-1" },
        encoding: "utf8",
        // The SDK warns about Node 20 on stderr; Lambda runs 22. Kept out of the report.
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    times.push(Number(out.trim()));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const importTimes = (dir: string, name: string, runs: number): ImportTimes => ({
  bundled: importTime(join(dir, `${name}.mjs`), runs),
  sdkExternal: importTime(join(dir, `${name}-nosdk.mjs`), runs),
  oneZodLocale: importTime(join(dir, `${name}-onelocale.mjs`), runs),
});

export async function measureBundles(options: { importRuns: number }): Promise<BundleReport> {
  const dir = mkdtempSync(join(tmpdir(), "gov-bench-bundles-"));
  // The external-SDK bundles import @aws-sdk/* as the runtime's copy: here, the store's.
  symlinkSync(sdkModules, join(dir, "node_modules"), "dir");
  try {
    const bundles: BundleSize[] = [];
    for (const [i, entry] of lambdaEntries.entries())
      bundles.push({ ...(await sizes(dir, String(i), { entry: entry.path })), name: entry.name });
    const base = await sizes(dir, "baseline", { contents: baseline });
    const publicName = String(lambdaEntries.findIndex((e) => e.name === "public"));
    const publicEntry = { entry: lambdaEntries[Number(publicName)]?.path as string };
    const oneLocale = await bundle(join(dir, `${publicName}-onelocale.mjs`), publicEntry, [], [oneZodLocale]);
    // The baseline has no zod: its "one locale" build is itself.
    await bundle(join(dir, "baseline-onelocale.mjs"), { contents: baseline }, []);
    const importMs = {
      public: importTimes(dir, publicName, options.importRuns),
      baseline: importTimes(dir, "baseline", options.importRuns),
    };
    return {
      bundles,
      baseline: { ...base, name: "baseline: bare Hono + DynamoDB GetItem" },
      publicOneLocaleBytes: oneLocale.bytes,
      importMs,
      importRuns: options.importRuns,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
