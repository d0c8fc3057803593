import { createApp, type Deps } from "@gov/http";
import {
  cacheControl,
  corsFor,
  PublicHttpOptions,
  rateLimit,
  responseCache,
  strongEtag,
} from "./http-behaviour.ts";
import { publicItemRoutes } from "./items.ts";

/** The portal-facing API: anonymous reads of what is published. */
export function createPublicApp(deps: Deps, options: PublicHttpOptions = PublicHttpOptions.parse({})) {
  const app = createApp({
    deps,
    basePath: "/public",
    title: "政务公开门户接口（公众）",
    description: "公众与门户网站读取已公开的政务信息，无需密钥。",
  });
  app.use("/v1/*", corsFor(options), rateLimit(options, deps.clock), cacheControl);
  // Exports stream; hashing them for an ETag would buffer the whole file.
  app.use("/v1/*", async (c, next) => (c.req.path.includes("/v1/export/") ? next() : strongEtag(c, next)));
  app.use("/v1/*", responseCache(options, deps.clock));
  app.route("/v1", publicItemRoutes);
  return app;
}
