import type { BuildOptions } from "esbuild";
import plugins from "./esbuild-plugins.mjs";
import { lambdaBuild } from "./plan.ts";

/**
 * The esbuild options SST 4.17 builds a Node function with (its `pkg/runtime/node/build.go`:
 * ESM, `esnext`, `keepNames`, `module` before `main`, its require/`__dirname` banner), with
 * infra's `lambdaBuild` over them: what `sst deploy` bundles. bench/ sizes and imports bundles built
 * with it, and the test beside it checks what the deployed build keeps (ADR 0062).
 */
export const sstBuildOptions: BuildOptions = {
  bundle: true,
  platform: "node",
  format: "esm",
  mainFields: ["module", "main"],
  keepNames: true,
  target: "esnext",
  minify: lambdaBuild.minify,
  plugins,
  banner: {
    js: [
      `import { createRequire as topLevelCreateRequire } from 'module';`,
      "const require = topLevelCreateRequire(import.meta.url);",
      `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"`,
      "const __filename = topLevelFileUrlToPath(import.meta.url)",
      `const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))`,
    ].join("\n"),
  },
};
