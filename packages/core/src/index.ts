export { draftAnnualReport } from "./annual-report.ts";
export { auditOf } from "./audit.ts";
export type { Deps } from "./deps.ts";
export { checkedContent, draftItem } from "./items.ts";
export { checkVersion } from "./version.ts";
export type { CreateOptions } from "./writes.ts";
