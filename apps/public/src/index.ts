export { createPublicApp } from "./app.ts";
export { type PublicHttpOptions, publicCacheControl, publicHttpOptionsFromEnv } from "./http-behaviour.ts";
