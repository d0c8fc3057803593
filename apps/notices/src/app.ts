import { authenticate, createApp, type Deps, whoamiRoutes } from "@gov/http";
import { deliveryRoutes } from "./deliveries.ts";
import { leadershipContactRoutes } from "./leadership-contacts.ts";
import { noticeRoutes } from "./notices.ts";
import { trainingRoutes } from "./trainings.ts";
import { unitChannelRoutes } from "./unit-channels.ts";

/** The office issues notices and reads receipts; every unit reads its own notices and acknowledges them. */
export function createNoticesApp(deps: Deps) {
  const app = createApp({
    deps,
    basePath: "/notices",
    title: "政务公开通知接口",
    description:
      "培训、考评、督办通知与通报，各单位回执，送达渠道、分管领导联系方式与送达记录。须携带 Authorization: Bearer <API密钥>。",
  });
  app.use("/v1/*", authenticate);
  app.route("/v1", whoamiRoutes());
  app.route("/v1", noticeRoutes);
  app.route("/v1", trainingRoutes);
  app.route("/v1", unitChannelRoutes);
  app.route("/v1", leadershipContactRoutes);
  app.route("/v1", deliveryRoutes);
  return app;
}
