import { type Deps, problem } from "@gov/http";
import { createNoticesApp } from "@gov/notices";
import { createPublicApp, publicHttpOptionsFromEnv } from "@gov/public";
import { createPublishApp } from "@gov/publish";
import { createSupervisionApp } from "@gov/supervision";
import { Hono } from "hono";

/** The four apps on one port under their base paths, as API Gateway routes them in the cloud. */
export function composeApps(deps: Deps) {
  const app = new Hono();
  app.get("/healthz", async (c) =>
    (await deps.store.ready()) ? c.json({ status: "ok" }) : problem("unavailable", "数据库暂时无法访问"),
  );
  app.route("/publish", createPublishApp(deps));
  app.route("/public", createPublicApp(deps, publicHttpOptionsFromEnv(process.env)));
  app.route("/notices", createNoticesApp(deps));
  app.route("/supervision", createSupervisionApp(deps));
  return app;
}
