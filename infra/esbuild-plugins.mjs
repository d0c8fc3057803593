import { join } from "node:path";

/**
 * The esbuild plugins of every function's build (ADR 0062): SST loads this file
 * (`nodejs.plugins` in infra/plan.ts `lambdaBuild`) and bench/ builds its bundles with it.
 *
 * Written for SST's plugin bridge as well as for esbuild: SST 4.17's bridge
 * (`.sst/platform/functions/nodejs-runtime/plugin.mjs`) tests each filter against the string
 * "undefined", not the path, and ignores `namespace`. So both callbacks take every path and
 * decide for themselves, and answer `undefined` for what is not theirs.
 */

const namespace = "zod-locales";

/** The locales a frame uses: zh-CN (`z.config(z.locales.zhCN())`, packages/http) and zod's default, en. */
const keptZodLocales = { zhCN: "zh-CN", en: "en" };

/**
 * @hono/zod-openapi hands zod's whole `z` namespace to a function, so esbuild keeps all of zod's
 * 40-odd locales (~264 KB) in every bundle, whatever the import style (ADR 0057). This swaps
 * zod's locale index for one that exports only the kept locales.
 */
const zodLocales = {
  name: "zod-locales",
  /** @param {import("esbuild").PluginBuild} build */
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      /(^|\/)locales\/index\.js$/.test(args.path) && /[/\\]zod[/\\]/.test(args.importer ?? "")
        ? { path: join(args.resolveDir, "../locales"), namespace }
        : undefined,
    );
    build.onLoad({ filter: /.*/ }, (args) =>
      args.namespace === namespace
        ? {
            contents: Object.entries(keptZodLocales)
              .map(([name, file]) => `export { default as ${name} } from "./${file}.js";`)
              .join("\n"),
            resolveDir: args.path,
            loader: "js",
          }
        : undefined,
    );
  },
};

export default [zodLocales];
