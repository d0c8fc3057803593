export { createPublishApp } from "./app.ts";
