import type { Plugin } from "esbuild";

/** Types of esbuild-plugins.mjs, plain JS because SST loads it with node. */
export declare const keptZodLocales: Record<string, string>;
export declare const zodLocales: Plugin;
declare const plugins: Plugin[];
export default plugins;
