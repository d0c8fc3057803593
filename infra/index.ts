export { api } from "./api";
export { scan } from "./cron";
export { table } from "./database";
