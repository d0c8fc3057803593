import { authenticate, createApp, type Deps, whoamiRoutes } from "@gov/http";
import { assessmentRoundRoutes } from "./assessment-rounds.ts";
import { assessmentRoutes } from "./assessments.ts";
import { circularRoutes } from "./circulars.ts";
import { consoleRoutes } from "./console/console.tsx";
import { hmacSigner } from "./console/session.ts";
import { indicatorSystemRoutes } from "./indicator-systems.ts";
import { owedNoticeRoutes } from "./owed-notices.ts";
import { rectificationTaskRoutes } from "./rectification-tasks.ts";
import { supervisionRunRoutes } from "./supervision-runs.ts";

/**
 * The office's and the evaluators' API. The office does everything; an assessor key only
 * reads sheets and assessments and scores them; a department's key is refused (403). Beside it,
 * the office console's pages under `/console`, for the office and each unit (its own only).
 */
export function createSupervisionApp(deps: Deps, options: { consoleSessionKey?: string | undefined } = {}) {
  const app = createApp({
    deps,
    basePath: "/supervision",
    title: "政务公开监督考评接口",
    description: "指标体系、考评打分、整改任务、排名通报与定时督办。须携带 Authorization: Bearer <API密钥>。",
  });
  app.use("/v1/*", authenticate);
  app.route("/v1", whoamiRoutes());
  app.route("/v1", indicatorSystemRoutes);
  app.route("/v1", assessmentRoutes);
  app.route("/v1", assessmentRoundRoutes);
  app.route("/v1", rectificationTaskRoutes);
  app.route("/v1", circularRoutes);
  app.route("/v1", owedNoticeRoutes);
  app.route("/v1", supervisionRunRoutes);
  // The office console's pages (ADR 0054): signed in with a session cookie, not a bearer key.
  const signer = options.consoleSessionKey ? hmacSigner(options.consoleSessionKey) : undefined;
  app.route("/console", consoleRoutes({ signer }));
  return app;
}
