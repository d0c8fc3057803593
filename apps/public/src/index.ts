export { createPublicApp } from "./app.ts";
