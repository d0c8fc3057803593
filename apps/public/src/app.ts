import { createApp, type Deps } from "@gov/http";
import { publicItemRoutes } from "./items.ts";

/** The portal-facing API: anonymous reads of what is published. */
export function createPublicApp(deps: Deps) {
  const app = createApp({
    deps,
    basePath: "/public",
    title: "政务公开门户接口（公众）",
    description: "公众与门户网站读取已公开的政务信息，无需密钥。",
  });
  app.route("/v1", publicItemRoutes);
  return app;
}
