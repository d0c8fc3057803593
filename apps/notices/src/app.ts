import { authenticate, createApp, type Deps, whoamiRoutes } from "@gov/http";

export function createNoticesApp(deps: Deps) {
  const app = createApp({
    deps,
    basePath: "/notices",
    title: "政务公开通知接口",
    description: "培训、考核与督办通知，回执与送达。须携带 Authorization: Bearer <API密钥>。",
  });
  app.use("/v1/*", authenticate);
  app.route("/v1", whoamiRoutes());
  return app;
}
