import { type App, createApp, type Deps, identifyClient } from "@gov/http";
import { postingCache } from "@gov/store";
import { annualReportRoutes } from "./annual-report.ts";
import { answerCache } from "./answer-cache.ts";
import { publicApplicationRoutes } from "./applications.ts";
import { cacheKeys } from "./cache-key.ts";
import { changeRoutes } from "./changes.ts";
import { publicConsultationRoutes } from "./consultations.ts";
import { documentRoutes } from "./documents.ts";
import { exportRoutes } from "./export.ts";
import { feedRoutes } from "./feeds.ts";
import {
  cacheControl,
  corsFor,
  PublicHttpOptions,
  type PublicHttpOptionsInput,
  personal,
  rateLimit,
  responseCache,
  strongEtag,
} from "./http-behaviour.ts";
import { intakeGuard } from "./intake.ts";
import { IntakeOptions } from "./intake-options.ts";
import { publicItemRoutes } from "./items.ts";
import { letterStatsRoutes } from "./letter-stats.ts";
import { publicLetterRoutes } from "./letters.ts";
import { pageCacheKey, portalRoutes } from "./portal/portal.tsx";
import { searchRoutes } from "./search.ts";
import { statsRoutes } from "./stats.ts";
import { subscriptionRoutes } from "./subscriptions.tsx";

/** Item exports stream page by page; hashing or caching them would hold the whole file. */
const streamed = (path: string) => path.includes("/v1/export/items.");

/** Answers about one applicant are never hashed into a shared ETag nor cached (see personal). */
const uncacheable = (path: string) => streamed(path) || personal(path);

/** The portal-facing API: anonymous reads of what is published. */
export function createPublicApp(deps: Deps, given: PublicHttpOptionsInput = {}) {
  const options = PublicHttpOptions.parse(given);
  const cache = answerCache(options.cacheBytes);
  // Terms' postings for the same window: shared by queries, filters and pages (ADR 0056).
  const postings =
    options.cacheSeconds > 0 ? postingCache({ seconds: options.cacheSeconds, clock: deps.clock }) : undefined;
  // A withdrawal, correction or publication in this process is served at once (ADR 0041).
  if (options.cacheSeconds > 0)
    deps.publicChanges.subscribe(() => {
      cache.clear();
      postings?.clear();
    });
  const apiKeyOf = cacheKeys(() => app.openAPIRegistry.definitions);
  // The API's routes by their declared parameters, the portal's pages by theirs (ADR 0051).
  const keyOf = (url: URL) => apiKeyOf(url) ?? pageCacheKey(url);
  const app: App = createApp({
    deps,
    // The client first, then its rate limit, then the cache: a hit answers before the frame and
    // every route. For the API and the pages alike: one window per client, one cache.
    front: [
      identifyClient(options.trustedProxies),
      rateLimit(options, deps.clock),
      responseCache(options, deps.clock, cache, keyOf),
    ],
    frontOn: "*",
    basePath: "/public",
    title: "政务公开门户接口（公众）",
    description: "公众与门户网站读取已公开的政务信息，无需密钥。",
  });
  app.use("/v1/*", corsFor(options), cacheControl);
  app.use("/v1/*", async (c, next) => (uncacheable(c.req.path) ? next() : strongEtag(c, next)));
  app.route("/v1", publicItemRoutes);
  app.route("/v1", feedRoutes);
  app.route("/v1", changeRoutes);
  app.route("/v1", exportRoutes);
  app.route("/v1", documentRoutes);
  app.route("/v1", searchRoutes(postings));
  const intake = intakeGuard(options.intake ?? IntakeOptions.parse({}), deps.clock);
  app.route("/v1", publicLetterRoutes(intake));
  app.route("/v1", letterStatsRoutes);
  app.route("/v1", publicConsultationRoutes(intake));
  app.route("/v1", publicApplicationRoutes(intake));
  app.route("/v1", subscriptionRoutes(intake));
  app.route("/v1", statsRoutes);
  app.route("/v1", annualReportRoutes);
  // The portal's pages beside the JSON API, read through the same store and use cases.
  app.route("/", portalRoutes({ intake, sitemapUrls: options.sitemapUrls, postings }));
  return app;
}
