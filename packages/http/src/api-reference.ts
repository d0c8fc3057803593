import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Hono } from "hono";
import { html } from "hono/html";
import { pageSecurityPolicy } from "./page-security.ts";

/**
 * The interactive API reference at `<base>/docs` (issue 16): Swagger UI's own files from the
 * installed `swagger-ui-dist`, served by the app itself, because a government intranet often
 * has no internet and a page that loads its script from a public CDN is blank there. Its
 * start-up is a file too, not an inline script, so the pages' CSP holds (ADR 0050).
 */
// Found on the first request for the docs, not at import: an instance that never serves them
// (a bundle without the package beside it, a cold start) never looks.
let found: { dist: string; version: string } | undefined;
const swaggerUi = () => {
  if (!found) {
    const dist = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
    const { version } = JSON.parse(readFileSync(join(dist, "package.json"), "utf8")) as { version: string };
    found = { dist, version };
  }
  return found;
};

const assets = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
} as const;
type Asset = keyof typeof assets;

// Read once per instance, on the first request for it: 1.9 MB nobody needs until someone opens the docs.
const loaded = new Map<Asset, string>();
const assetText = (name: Asset) => {
  const text = loaded.get(name) ?? readFileSync(join(swaggerUi().dist, name), "utf8");
  loaded.set(name, text);
  return text;
};

const immutable = () => ({
  "cache-control": "public, max-age=86400",
  etag: `"swagger-ui-${swaggerUi().version}"`,
});

export function apiReference(options: { basePath: string; title: string }) {
  const docs = `${options.basePath}/docs`;
  const app = new Hono();
  app.get("/", (c) => {
    const { version } = swaggerUi();
    c.header("content-security-policy", pageSecurityPolicy);
    return c.html(html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · 接口文档</title>
<link rel="stylesheet" href="${docs}/swagger-ui.css?v=${version}">
</head>
<body>
<main id="swagger-ui" aria-label="${options.title}"></main>
<noscript>接口文档需要启用JavaScript；OpenAPI文档见 <a href="${options.basePath}/openapi.json">${options.basePath}/openapi.json</a>。</noscript>
<script src="${docs}/swagger-ui-bundle.js?v=${version}"></script>
<script src="${docs}/start.js"></script>
</body>
</html>`);
  });
  app.get("/start.js", (c) =>
    c.body(
      `SwaggerUIBundle({ url: ${JSON.stringify(`${options.basePath}/openapi.json`)}, dom_id: "#swagger-ui", deepLinking: true });\n`,
      200,
      { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" },
    ),
  );
  for (const name of Object.keys(assets) as Asset[]) {
    app.get(`/${name}`, (c) => {
      const headers = immutable();
      if (c.req.header("if-none-match") === headers.etag) return c.body(null, 304, headers);
      return c.body(assetText(name), 200, { "content-type": assets[name], ...headers });
    });
  }
  return app;
}
