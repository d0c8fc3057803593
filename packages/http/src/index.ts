export { type App, createApp, newRouter, requestIdFor } from "./app.ts";
export { authenticate, bearerToken, principalOfKey, requireRole } from "./auth.ts";
export { type CdnInvalidationConfig, cdnInvalidation, invalidatedPaths } from "./cdn.ts";
export { clientOf, connectedFrom, identifyClient, TrustedProxies } from "./client.ts";
export { nowIso, todayOf } from "./clock.ts";
export type { AppEnv, Deps } from "./env.ts";
export { created, idempotencyWrites, idempotent } from "./idempotency.ts";
export { bodyTooLarge } from "./input-guard.ts";
export { jsonClient, type Send } from "./json-client.ts";
export { logError } from "./log.ts";
export {
  commonProblems,
  IfMatchHeader,
  jsonContent,
  named,
  problemResponse,
  security,
  updateProblems,
} from "./openapi.ts";
export { pageSecurityPolicy } from "./page-security.ts";
export { type Display, displayOf, safeBack, switchReadingMode, toggleDisplay } from "./pages/reading-mode.ts";
export { PageShell, type ShellProps } from "./pages/shell.tsx";
export { displayCss, displayStylesheetRoute, pagesCss, stylesheetRoute } from "./pages/stylesheet.ts";
export { problem, statusOf } from "./problem.ts";
export {
  columnIdSegment,
  idParam,
  indexNumberOrIdParam,
  OverdueFlag,
  PageQuery,
  pageOf,
  suffixedParam,
  trackingCodeParam,
  unitCodeParam,
  unitCodeSegment,
  versioned,
  yearParam,
} from "./route-kit.ts";
export { etagOf, expectedVersion, sentVersion } from "./version.ts";
export { whoamiRoutes } from "./whoami.ts";
