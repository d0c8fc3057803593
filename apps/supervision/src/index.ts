export { createSupervisionApp } from "./app.ts";
