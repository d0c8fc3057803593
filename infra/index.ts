export { api, cdn } from "./api";
export { digest, scan } from "./cron";
export { table } from "./database";
export { dispatcher, dispatchSchedule } from "./dispatch";
