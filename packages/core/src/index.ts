export { auditOf } from "./audit.ts";
export type { Deps } from "./deps.ts";
export { checkVersion } from "./version.ts";
