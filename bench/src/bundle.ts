import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Metafile, type Plugin } from "esbuild";
import { sstBuildOptions } from "../../infra/sst-build.ts";

/**
 * Lambda bundle size and cold import time (ADR 0062). Each entry is built as SST deploys it
 * (infra/sst-build.ts: SST's esbuild settings under the very options and plugins infra/ hands
 * to SST). The baseline is built the same way: a bare Hono handler doing one
 * DynamoDB GetItem with the SDK, the least a Lambda can be. Cold import = `import()` of the built
 * bundle in a fresh Node process (for the public bundle, plus the first search's segmenter load),
 * the part of INIT our code controls.
 */

const benchDir = fileURLToPath(new URL("..", import.meta.url));
const repoDir = join(benchDir, "..");

export const lambdaEntries = [
  { name: "publish", path: "apps/publish/src/lambda.ts" },
  { name: "public", path: "apps/public/src/lambda.ts" },
  { name: "notices", path: "apps/notices/src/lambda.ts" },
  { name: "supervision", path: "apps/supervision/src/lambda.ts" },
  { name: "supervision (scheduled)", path: "apps/supervision/src/scheduled.ts" },
];

/** The baseline: what any Lambda needs at the least (Hono, its Lambda adapter, one GetItem with the SDK). */
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
 * The measured alternative (ADR 0062): the public frame with the SDK's DynamoDB client, its
 * document client and its HTTP handler swapped for a signed-fetch client (aws4fetch).
 */
const signedFetch: Plugin = {
  name: "signed-fetch-dynamodb",
  setup(b) {
    b.onResolve({ filter: /^(@aws-sdk\/(lib|client)-dynamodb|@smithy\/node-http-handler)$/ }, () => ({
      path: fileURLToPath(new URL("./signed-fetch-dynamodb.ts", import.meta.url)),
    }));
  },
};

export type ModuleBytes = { module: string; bytes: number };
export type BundleSize = {
  name: string;
  bytes: number;
  /** What fills the file, by package (workspace packages by folder), biggest first. */
  top: ModuleBytes[];
};
export type BundleReport = {
  bundles: BundleSize[];
  baseline: BundleSize;
  /** The public frame with a signed-fetch DynamoDB client instead of the SDK's (not deployed). */
  publicSignedFetch: BundleSize;
  /** Median ms: the public bundles' import and first segmenter load, the baseline's import. */
  importMs: { public: number; publicSignedFetch: number; baseline: number };
  importRuns: number;
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

function topModules(metafile: Metafile, outfile: string, count = 8): ModuleBytes[] {
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
  name: string,
  outfile: string,
  source: { entry: string } | { contents: string },
  plugins: Plugin[] = [],
) {
  const result = await build({
    ...sstBuildOptions,
    plugins: [...plugins, ...(sstBuildOptions.plugins ?? [])],
    logLevel: "silent",
    metafile: true,
    outfile,
    absWorkingDir: benchDir,
    ...("entry" in source
      ? { entryPoints: [join(repoDir, source.entry)] }
      : {
          stdin: { contents: source.contents, resolveDir: benchDir, sourcefile: "baseline.ts", loader: "ts" },
        }),
  });
  return { name, bytes: statSync(outfile).size, top: topModules(result.metafile as Metafile, outfile) };
}

/**
 * What a cold public instance does before its first search answer beyond importing: load ICU's
 * word segmenter for Chinese, as the domain's first `searchTokens` does (ADR 0058).
 */
const firstSearch = `[...new Intl.Segmenter("zh", { granularity: "word" }).segment("政务公开年度报告")];`;

function importOnce(file: string, after = ""): number {
  const script = `const t=performance.now();await import(process.argv[1]);${after}console.log(performance.now()-t)`;
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
  return Number(out.trim());
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/**
 * Median over `runs` fresh processes each. The files are imported in turns, so a burst of load
 * on the shared machine falls on all alike, and only their ratios are read.
 */
function importTimes(files: { public: string; publicSignedFetch: string; baseline: string }, runs: number) {
  const times = { public: [] as number[], publicSignedFetch: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < runs; i++) {
    times.public.push(importOnce(files.public, firstSearch));
    times.publicSignedFetch.push(importOnce(files.publicSignedFetch, firstSearch));
    times.baseline.push(importOnce(files.baseline));
  }
  return {
    public: median(times.public),
    publicSignedFetch: median(times.publicSignedFetch),
    baseline: median(times.baseline),
  };
}

export async function measureBundles(options: { importRuns: number }): Promise<BundleReport> {
  const dir = mkdtempSync(join(tmpdir(), "gov-bench-bundles-"));
  try {
    const bundles: BundleSize[] = [];
    for (const [i, entry] of lambdaEntries.entries())
      bundles.push(await bundle(entry.name, join(dir, `${i}.mjs`), { entry: entry.path }));
    const base = await bundle("baseline: bare Hono + DynamoDB GetItem", join(dir, "baseline.mjs"), {
      contents: baseline,
    });
    const publicEntry = lambdaEntries.find((e) => e.name === "public")?.path as string;
    const lean = await bundle(
      "public, signed-fetch DynamoDB client (measured, not deployed)",
      join(dir, "public-signed-fetch.mjs"),
      { entry: publicEntry },
      [signedFetch],
    );
    const files = {
      public: join(dir, `${lambdaEntries.findIndex((e) => e.name === "public")}.mjs`),
      publicSignedFetch: join(dir, "public-signed-fetch.mjs"),
      baseline: join(dir, "baseline.mjs"),
    };
    return {
      bundles,
      baseline: base,
      publicSignedFetch: lean,
      importMs: importTimes(files, options.importRuns),
      importRuns: options.importRuns,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
