import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type BuildOptions, build } from "esbuild";

/**
 * Lambda bundle size and cold import time. Each entry is built as Lambda would run it
 * (esbuild: bundle, node22, ESM, minified). Sizes are reported with everything bundled
 * (nothing is assumed present in the runtime) and with `@aws-sdk/*` left to the runtime's
 * copy. Cold import = `import()` of the built bundle in a fresh Node process, the part of
 * INIT our code controls; it is compared to a bare Hono Lambda bundle built the same way.
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

const bareHono = `import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
export const handler = handle(new Hono().get("/bare", (c) => c.json({ ok: true })));`;

export type BundleSize = { name: string; bytes: number; bytesWithoutSdk: number };
export type BundleReport = {
  bundles: BundleSize[];
  bareHonoBytes: number;
  /** Median ms to import() the bundle in a fresh process. */
  importMs: { public: number; bareHono: number };
  importRuns: number;
};

const common: BuildOptions = {
  bundle: true,
  platform: "node",
  target: "node22",
  format: "esm",
  minify: true,
  logLevel: "silent",
  // Some bundled CommonJS code calls require(); ESM output needs one (SST adds the same banner).
  banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' },
};

async function bundle(
  outfile: string,
  source: { entry: string } | { contents: string },
  external: string[],
): Promise<number> {
  await build({
    ...common,
    outfile,
    external,
    ...("entry" in source
      ? { entryPoints: [join(repoDir, source.entry)] }
      : {
          stdin: {
            contents: source.contents,
            resolveDir: benchDir,
            sourcefile: "bare-hono.ts",
            loader: "ts",
          },
        }),
  });
  return statSync(outfile).size;
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

export async function measureBundles(options: { importRuns: number }): Promise<BundleReport> {
  const dir = mkdtempSync(join(tmpdir(), "gov-bench-bundles-"));
  try {
    const bundles: BundleSize[] = [];
    for (const [i, entry] of lambdaEntries.entries()) {
      const bytes = await bundle(join(dir, `${i}.mjs`), { entry: entry.path }, []);
      const bytesWithoutSdk = await bundle(join(dir, `${i}-nosdk.mjs`), { entry: entry.path }, [
        "@aws-sdk/*",
      ]);
      bundles.push({ name: entry.name, bytes, bytesWithoutSdk });
    }
    const bareFile = join(dir, "bare-hono.mjs");
    const bareHonoBytes = await bundle(bareFile, { contents: bareHono }, []);
    const publicFile = join(dir, `${lambdaEntries.findIndex((e) => e.name === "public")}.mjs`);
    const importMs = {
      public: importTime(publicFile, options.importRuns),
      bareHono: importTime(bareFile, options.importRuns),
    };
    return { bundles, bareHonoBytes, importMs, importRuns: options.importRuns };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
