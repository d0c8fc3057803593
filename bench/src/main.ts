import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Deps } from "@gov/http";
import { startLocal } from "@gov/local";
import { createPublicApp, publicHttpOptionsFromEnv } from "@gov/public";
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { measureBundles } from "./bundle.ts";
import { units } from "./content.ts";
import { loadItems } from "./load.ts";
import { renderReport } from "./report.ts";
import { type Measured, measure, measureStoreOnly, type Scenario } from "./scenarios.ts";
import { postingCacheScenario, searchAvailable, searchIndexer, searchQueries } from "./search.ts";

/**
 * `pnpm bench`: loads published items into an in-memory local stack, measures the public read
 * API against a bare Hono route served by the same process, counts DynamoDB calls per
 * request, sizes the Lambda bundles, and writes the report to results/latest.md.
 */

const envInt = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const settings = {
  items: envInt("BENCH_ITEMS", 20_000),
  seconds: envInt("BENCH_SECONDS", 10),
  connections: envInt("BENCH_CONNECTIONS", 10),
  countRequests: envInt("BENCH_COUNT_REQUESTS", 200),
};
const loadConcurrency = envInt("BENCH_LOAD_CONCURRENCY", 50);
const importRuns = envInt("BENCH_IMPORT_RUNS", 5);
const log = (line: string) => console.log(line);

// The public API limits each client per minute; every benchmark request comes from one client.
process.env.RATE_LIMIT_PER_MINUTE ??= "1000000000";
// The stack's public app reads DynamoDB on every request (what "calls per request" measures);
// a second public app with the per-instance cache is served beside it for the cached rows.
process.env.PUBLIC_CACHE_SECONDS ??= "0";

/**
 * The baseline, plus a bare route answering a copy of a real detail answer (its bytes and
 * headers): autocannon parses every answer in this same process, so payload and headers cost
 * the client too; this row shows how much of a gap is size rather than our code.
 */
function serveBare(sized: { body: Uint8Array; headers: Record<string, string> }): Promise<ServerType> {
  const app = new Hono()
    .get("/bare", (c) => c.json({ ok: true }))
    .get("/bare-sized", () => new Response(sized.body, { headers: sized.headers }));
  return serveFetch(app.fetch);
}

/** One detail answer as the cached public app sends it, to be replayed by the bare server. */
async function detailAnswer(url: string) {
  const res = await fetch(url);
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (name !== "content-length" && name !== "date" && name !== "connection" && name !== "keep-alive")
      headers[name] = value;
  });
  return { body: new Uint8Array(await res.arrayBuffer()), headers };
}

/** The public API as deployed, with its 10-second per-instance cache, under /public. */
function serveCachedPublic(deps: Deps): Promise<ServerType> {
  const options = publicHttpOptionsFromEnv({ ...process.env, PUBLIC_CACHE_SECONDS: "10" });
  return serveFetch(new Hono().route("/public", createPublicApp(deps, options)).fetch);
}

function serveFetch(fetch: (request: Request) => Response | Promise<Response>): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(server));
    server.once("error", reject);
  });
}

const closeServer = (server: ServerType) => new Promise<void>((resolve) => server.close(() => resolve()));

async function main() {
  const startedAt = new Date();
  log("启动本地环境（DynamoDB Local，内存模式）……");
  const stack = await startLocal({ port: 0, dataDir: undefined, seed: "none", log });
  let bare: ServerType | undefined;
  const cached = await serveCachedPublic(stack.deps);
  const cachedUrl = `http://127.0.0.1:${(cached.address() as AddressInfo).port}`;
  const scenarios: Measured[] = [];
  const skipped: string[] = [];
  let load: Awaited<ReturnType<typeof loadItems>>;
  try {
    const indexer = searchIndexer(stack.deps.store);
    log(`写入 ${settings.items} 条已发布信息（并发 ${loadConcurrency}）……`);
    load = await loadItems(
      stack.deps,
      { count: settings.items, concurrency: loadConcurrency, search: indexer },
      log,
    );
    log(`  用时 ${load.seconds.toFixed(1)} 秒`);

    const sample = await detailAnswer(`${cachedUrl}/public/v1/items/${load.sampleIds[0]}`);
    bare = await serveBare(sample);
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
    const busiest = load.columns[0]?.[0] ?? "environment-news";
    const list: Scenario[] = [
      {
        name: "bare",
        description: "bare Hono route `GET /bare` (baseline)",
        baseUrl: bareUrl,
        paths: ["/bare"],
      },
      {
        name: "bare, detail-sized",
        description: `bare Hono route answering a copy of one detail answer (${sample.body.byteLength} B, same headers)`,
        baseUrl: bareUrl,
        paths: ["/bare-sized"],
      },
      {
        name: "detail",
        description: `\`GET /public/v1/items/{id}\` over ${load.sampleIds.length} ids`,
        baseUrl: stack.url,
        paths: load.sampleIds.map((id) => `/public/v1/items/${id}`),
      },
      {
        name: "list",
        description: `\`GET /public/v1/items?column=${busiest}&limit=20\``,
        baseUrl: stack.url,
        paths: [`/public/v1/items?column=${busiest}&limit=20`],
      },
      {
        name: "detail, cached",
        description: "the same details through the public app with its 10 s per-instance cache",
        baseUrl: cachedUrl,
        paths: load.sampleIds.map((id) => `/public/v1/items/${id}`),
      },
      {
        name: "detail page, cached",
        description:
          "the same items as portal pages (`GET /public/items/{id}`, HTML) through the cached public app",
        baseUrl: cachedUrl,
        paths: load.sampleIds.map((id) => `/public/items/${id}`),
      },
      {
        name: "list, cached",
        description: "the same list through the public app with its 10 s per-instance cache",
        baseUrl: cachedUrl,
        paths: [`/public/v1/items?column=${busiest}&limit=20`],
      },
    ];
    if (await searchAvailable(stack.url)) {
      if (!load.searchIndexed)
        skipped.push("search index not built (no store.search.index): search results are empty");
      const paths = searchQueries.map((q) => `/public/v1/search?q=${encodeURIComponent(q)}`);
      const queries = `\`GET /public/v1/search?q=\` over ${searchQueries.length} queries`;
      list.push(
        { name: "search", description: queries, baseUrl: stack.url, paths },
        {
          name: "search, 1 connection",
          description: "the same queries one at a time: latency without queueing",
          baseUrl: stack.url,
          paths,
          connections: 1,
        },
        {
          name: "search, cached",
          description: "the same queries through the public app with its 10 s per-instance cache",
          baseUrl: cachedUrl,
          paths,
        },
        postingCacheScenario(
          cachedUrl,
          units.map((u) => u.code),
        ),
      );
    } else {
      skipped.push("search: `GET /public/v1/search` answers 404 (not built yet); runs once it exists.");
      log("说明：检索接口尚未实现，跳过检索场景。");
    }
    const counter = stack.deps.store.calls;
    for (const scenario of list) {
      log(
        `测量 ${scenario.name}（${scenario.connections ?? settings.connections} 连接 × ${settings.seconds} 秒）……`,
      );
      scenarios.push(await measure(scenario, counter, settings));
      if (scenario.name === "detail") {
        log(`测量 store（${settings.connections} 并发 × ${settings.seconds} 秒，无 HTTP）……`);
        const store = {
          name: "store",
          description: `\`store.items.getWithLinks(id)\` called directly, no HTTP (DynamoDB Local floor)`,
          paths: load.sampleIds,
        };
        scenarios.push(
          await measureStoreOnly(store, (id) => stack.deps.store.items.getWithLinks(id), counter, settings),
        );
      }
    }
  } finally {
    if (bare) await closeServer(bare);
    await closeServer(cached);
    await stack.stop();
  }

  log("构建 Lambda 包并测量冷启动导入时间……");
  const bundles = await measureBundles({ importRuns });
  const report = renderReport({ startedAt, settings, load, scenarios, skipped, bundles });
  const out = fileURLToPath(new URL("../results/latest.md", import.meta.url));
  mkdirSync(fileURLToPath(new URL("../results/", import.meta.url)), { recursive: true });
  writeFileSync(out, report);
  console.log(`\n${report}`);
  log(`报告已写入 ${out}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
