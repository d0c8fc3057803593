export { composeApps } from "./compose.ts";
export type { Credentials } from "./seed.ts";
export { type LocalOptions, type LocalStack, startLocal } from "./server.ts";
