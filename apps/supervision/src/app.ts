import { authenticate, createApp, type Deps, whoamiRoutes } from "@gov/http";

export function createSupervisionApp(deps: Deps) {
  const app = createApp({
    deps,
    basePath: "/supervision",
    title: "政务公开监督考评接口",
    description: "指标体系、考评打分、整改任务、排名通报与定时督办。须携带 Authorization: Bearer <API密钥>。",
  });
  app.use("/v1/*", authenticate);
  app.route("/v1", whoamiRoutes());
  return app;
}
