export { createPublicApp } from "./app.ts";
export { type PublicHttpOptions, publicHttpOptionsFromEnv } from "./http-behaviour.ts";
