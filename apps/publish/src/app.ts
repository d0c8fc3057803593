import { authenticate, createApp, type Deps, whoamiRoutes } from "@gov/http";
import { annualReportRoutes } from "./annual-report.ts";
import { applicationRoutes } from "./applications.ts";
import { calendarRoutes } from "./calendar.ts";
import { consultationRoutes } from "./consultations.ts";
import { itemRoutes } from "./items.ts";
import { letterRoutes } from "./letters.ts";
import { rectificationTaskRoutes } from "./rectification-tasks.ts";

/** The department-facing API: every route needs a unit's key and acts within that unit. */
export function createPublishApp(deps: Deps) {
  const app = createApp({
    deps,
    basePath: "/publish",
    title: "政务公开发布接口（部门）",
    description:
      "各部门起草、审核（保密审查）、发布政务公开信息。所有请求须携带 Authorization: Bearer <API密钥>。",
  });
  app.use("/v1/*", authenticate);
  app.route("/v1", whoamiRoutes());
  app.route("/v1", itemRoutes);
  app.route("/v1", annualReportRoutes);
  app.route("/v1", rectificationTaskRoutes);
  app.route("/v1", letterRoutes);
  app.route("/v1", consultationRoutes);
  app.route("/v1", applicationRoutes);
  app.route("/v1", calendarRoutes);
  return app;
}
