export { createNoticesApp } from "./app.ts";
