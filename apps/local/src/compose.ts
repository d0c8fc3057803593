import { type Deps, problem } from "@gov/http";
import { createNoticesApp } from "@gov/notices";
import { createPublicApp, publicHttpOptionsFromEnv, siteRootFiles } from "@gov/public";
import { createPublishApp } from "@gov/publish";
import { createSupervisionApp } from "@gov/supervision";
import { Hono } from "hono";

/**
 * The four apps on one port under their base paths, as API Gateway routes them in the cloud.
 * The site's root answers what crawlers and people type there: `/robots.txt` and
 * `/sitemap.xml` are the portal's, and `/` and `/public/` lead to the portal's home.
 */
export function composeApps(deps: Deps, options: { consoleSessionKey?: string } = {}) {
  const app = new Hono();
  const portal = createPublicApp(deps, publicHttpOptionsFromEnv(process.env));
  app.get("/healthz", async (c) =>
    (await deps.store.ready()) ? c.json({ status: "ok" }) : problem("unavailable", "数据库暂时无法访问"),
  );
  // On the visitor's own origin: the answers hold absolute addresses of the site.
  for (const file of siteRootFiles)
    app.get(file, (c) => portal.request(new URL(file, c.req.url).href, { headers: c.req.raw.headers }));
  app.get("/", (c) => c.redirect("/public", 301));
  app.get("/public/", (c) => c.redirect("/public", 301));
  app.route("/publish", createPublishApp(deps));
  app.route("/public", portal);
  app.route("/notices", createNoticesApp(deps));
  app.route("/supervision", createSupervisionApp(deps, options));
  return app;
}
