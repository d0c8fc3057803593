export { type App, createApp, newRouter } from "./app.ts";
export { authenticate, requireRole } from "./auth.ts";
export type { AppEnv, Deps } from "./env.ts";
export { idempotencyWrites, idempotent } from "./idempotency.ts";
export { logError } from "./log.ts";
export { commonProblems, jsonContent, problemResponse, security } from "./openapi.ts";
export { fieldIssues, problem, statusOf } from "./problem.ts";
export { checkVersion, etagOf, expectedVersion } from "./version.ts";
export { whoamiRoutes } from "./whoami.ts";
