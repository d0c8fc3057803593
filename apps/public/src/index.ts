export { createPublicApp } from "./app.ts";
export { type PublicHttpOptions, publicCacheControl, publicHttpOptionsFromEnv } from "./http-behaviour.ts";
export { siteRootFiles } from "./portal/site-map.ts";
