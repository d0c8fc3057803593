export { api, cdn } from "./api";
export { scan } from "./cron";
export { table } from "./database";
export { dispatcher, dispatchSchedule } from "./dispatch";
