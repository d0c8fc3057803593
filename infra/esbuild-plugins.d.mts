import type { Plugin } from "esbuild";

/** Types of esbuild-plugins.mjs, plain JS because SST loads it with node. */
declare const plugins: Plugin[];
export default plugins;
