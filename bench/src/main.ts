import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { DomainError } from "@gov/domain";
import type { Deps } from "@gov/http";
import { startLocal } from "@gov/local";
import { createPublicApp, publicHttpOptionsFromEnv } from "@gov/public";
import type { CallCounter } from "@gov/store";
import { startDynamoDbLocal } from "@gov/store/local";
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { measureBundles } from "./bundle.ts";
import { units } from "./content.ts";
import { loadItems } from "./load.ts";
import { renderReport } from "./report.ts";
import { countCalls, type Measured, measure, measureStoreOnly, runLoad, type Scenario } from "./scenarios.ts";
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
    .get("/bare-sized", () => new Response(sized.body, { headers: sized.headers }))
    // The publish rows' baseline: a JSON body read and a 201 answered, nothing else.
    .post("/bare", async (c) => c.json({ received: Object.keys(await c.req.json()).length }, 201));
  return serveFetch(app.fetch);
}

const departments = 20;
const bearer = (key: string) => ({ authorization: `Bearer ${key}`, "content-type": "application/json" });
const draftBody = (unit: number, n: number) =>
  JSON.stringify({
    kind: "general",
    title: `关于做好第${n}批政务公开工作的通知（部门${unit + 1}）`,
    columnId: "responses",
    body: "<p>各乡镇（街道），市政府各部门：……</p>",
    generatedOn: "2026-10-30",
  });
const clearReview = JSON.stringify({
  review: { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false },
});

/** `departments` units, each with an editor's and a reviewer's key: the publish rows' clients. */
async function departmentKeys(deps: Deps) {
  const now = new Date().toISOString();
  return Promise.all(
    Array.from({ length: departments }, async (_, i) => {
      const unitCode = `B${String(900001 + i)}`;
      await deps.store.units.put({ code: unitCode, name: `压测部门${i + 1}`, kind: "department" });
      const issue = async (role: "editor" | "reviewer") =>
        (await deps.store.apiKeys.issue({ unitCode, roles: [role], label: "bench", now })).secret;
      return { editor: await issue("editor"), reviewer: await issue("reviewer") };
    }),
  );
}

/** `count` drafts submitted for review through the API, `departments` at a time: what approvals take. */
async function submittedDrafts(url: string, keys: { editor: string; reviewer: string }[], count: number) {
  const ids: { id: string; reviewer: string }[] = [];
  let next = 0;
  const worker = async (unit: number) => {
    const key = keys[unit] as { editor: string; reviewer: string };
    for (let n = next++; n < count; n = next++) {
      const drafted = await fetch(`${url}/publish/v1/items`, {
        method: "POST",
        headers: bearer(key.editor),
        body: draftBody(unit, n),
      });
      const { id } = (await drafted.json()) as { id: string };
      const submitted = await fetch(`${url}/publish/v1/items/${id}/submit`, {
        method: "POST",
        headers: bearer(key.editor),
        body: "{}",
      });
      await submitted.arrayBuffer();
      if (submitted.status !== 200) throw new Error(`submit answered ${submitted.status}`);
      ids.push({ id, reviewer: key.reviewer });
    }
  };
  await Promise.all(keys.map((_, unit) => worker(unit)));
  return ids;
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

/**
 * Publish throughput: drafts and approvals per second from `departments` clients at once (each
 * request the next department's key), against a bare route taking the same JSON bodies.
 */
async function measurePublishing(url: string, bareUrl: string, deps: Deps, counter: CallCounter) {
  log(`准备 ${departments} 个部门的密钥与待审稿件……`);
  const keys = await departmentKeys(deps);
  const count = Math.min(settings.countRequests, 40);
  const drafts = keys.map((key, unit) => ({
    method: "POST",
    path: "/publish/v1/items",
    headers: bearer(key.editor),
    body: draftBody(unit, 0),
  }));
  // Each approval needs its own submitted draft: enough for the run at up to 100 approvals/s.
  const waiting = await submittedDrafts(url, keys, count + 100 * settings.seconds);
  const approvals = waiting.map(({ id, reviewer }) => ({
    method: "POST",
    path: `/publish/v1/items/${id}/approve`,
    headers: bearer(reviewer),
    body: clearReview,
  }));
  const clients = { connections: departments, baseline: "bare POST" };
  const measured: Measured[] = [];
  log(`测量 bare POST（${departments} 连接 × ${settings.seconds} 秒）……`);
  measured.push(
    await measure(
      {
        name: "bare POST",
        description:
          "bare Hono route `POST /bare` reading the same draft bodies (baseline of the publish rows)",
        baseUrl: bareUrl,
        paths: [],
        requests: drafts.map((d) => ({ ...d, path: "/bare" })),
        connections: departments,
      },
      counter,
      { ...settings, countRequests: count },
    ),
  );
  log(`测量 起草（${departments} 连接 × ${settings.seconds} 秒）……`);
  measured.push(
    await measure(
      {
        name: "drafts",
        description: `\`POST /publish/v1/items\` (a general item), ${departments} departments' editors at once`,
        baseUrl: url,
        paths: [],
        requests: drafts,
        ...clients,
      },
      counter,
      { ...settings, countRequests: count },
    ),
  );
  log(`测量 审核发布（${departments} 连接，${approvals.length - count} 件）……`);
  // The first `count` approvals are counted one by one; the load approves each of the rest once.
  const approve: Scenario = {
    name: "approvals",
    description: `\`POST /publish/v1/items/{id}/approve\` (保密审查 cleared, 索引号 allocated), ${departments} departments' reviewers at once, ${approvals.length - count} submitted drafts each approved once`,
    baseUrl: url,
    paths: [],
    requests: approvals.slice(0, count),
    ...clients,
  };
  const calls = await countCalls(approve, counter, count);
  const rest = { ...approve, requests: approvals.slice(count), amount: approvals.length - count };
  const throughput = await runLoad(rest, settings);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  measured.push({ ...approve, calls, throughput });
  return measured;
}

const closeServer = (server: ServerType) => new Promise<void>((resolve) => server.close(() => resolve()));

async function main() {
  const startedAt = new Date();
  log("启动本地环境（DynamoDB Local，内存模式）……");
  // The launcher's 512 MB heap suits tests; a bench table of 20,000 items and their postings
  // made DynamoDB Local spend its time in full collections (ADR 0063), so it gets BENCH_HEAP_MB.
  const database = await startDynamoDbLocal({ maxHeapMb: envInt("BENCH_HEAP_MB", 2048) });
  const stack = await startLocal({
    port: 0,
    dataDir: undefined,
    seed: "none",
    log,
    database: { endpoint: database.endpoint, tableName: "gov-disclosure" },
  });
  let bare: ServerType | undefined;
  const cached = await serveCachedPublic(stack.deps);
  const cachedUrl = `http://127.0.0.1:${(cached.address() as AddressInfo).port}`;
  const scenarios: Measured[] = [];
  const skipped: string[] = [];
  let load: Awaited<ReturnType<typeof loadItems>>;
  try {
    const indexOnce = searchIndexer(stack.deps.store);
    // On two shared cores a batch of postings can outlast the local 5 s call limit; indexing
    // is idempotent, so a timed-out item is indexed again rather than failing the whole run.
    const indexer = async (item: Parameters<typeof indexOnce>[0]) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await indexOnce(item);
        } catch (error) {
          if (attempt >= 4 || !(error instanceof DomainError) || error.kind !== "unavailable") throw error;
          await new Promise((resolve) => setTimeout(resolve, attempt * 500));
        }
      }
    };
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
    const listPath = `/public/v1/items?column=${busiest}&limit=20`;
    const { store } = stack.deps;
    const sampled = await store.items.getMany(load.sampleIds);
    const indexNumbers = [...sampled.values()].flatMap((item) =>
      item.indexNumber ? [item.indexNumber] : [],
    );
    const detailPaths = load.sampleIds.map((id) => `/public/v1/items/${id}`);
    const list: Scenario[] = [
      {
        name: "bare",
        description: "bare Hono route `GET /bare` (baseline of the cached rows)",
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
        paths: detailPaths,
        baseline: "store",
      },
      {
        name: "detail by 索引号",
        description: `\`GET /public/v1/items/{索引号}\` over the same ${indexNumbers.length} items`,
        baseUrl: stack.url,
        paths: indexNumbers.map((n) => `/public/v1/items/${encodeURIComponent(n)}`),
        baseline: "store",
      },
      {
        name: "list",
        description: `\`GET ${listPath}\``,
        baseUrl: stack.url,
        paths: [listPath],
        baseline: "store, list",
      },
      {
        name: "detail, cached",
        description: "the same details through the public app with its 10 s per-instance cache, warmed",
        baseUrl: cachedUrl,
        paths: detailPaths,
        warm: true,
      },
      {
        name: "detail page, cached",
        description:
          "the same items as portal pages (`GET /public/items/{id}`, HTML) through the cached public app, warmed",
        baseUrl: cachedUrl,
        warm: true,
        paths: load.sampleIds.map((id) => `/public/items/${id}`),
      },
      {
        name: "list, cached",
        description: "the same list through the public app with its 10 s per-instance cache",
        baseUrl: cachedUrl,
        paths: [listPath],
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
    const counter = store.calls;
    const floors: Record<string, () => Promise<Measured>> = {
      detail: () =>
        measureStoreOnly(
          {
            name: "store",
            description:
              "`store.items.getWithLinks(id)` called directly, no HTTP (DynamoDB Local floor of a detail)",
            paths: load.sampleIds,
          },
          (id) => store.items.getWithLinks(id),
          counter,
          settings,
        ),
      list: () =>
        measureStoreOnly(
          {
            name: "store, list",
            description: `\`store.items.listPublishedEntries({ column: "${busiest}" }, { limit: 20 })\` called directly, no HTTP`,
            paths: [busiest],
          },
          (column) => store.items.listPublishedEntries({ column }, { limit: 20 }),
          counter,
          settings,
        ),
    };
    for (const scenario of list) {
      const floor = floors[scenario.name];
      if (floor) {
        log(
          `测量 ${scenario.name} 的存储层下限（${settings.connections} 并发 × ${settings.seconds} 秒，无 HTTP）……`,
        );
        scenarios.push(await floor());
      }
      log(
        `测量 ${scenario.name}（${scenario.connections ?? settings.connections} 连接 × ${settings.seconds} 秒）……`,
      );
      scenarios.push(await measure(scenario, counter, settings));
    }
    scenarios.push(...(await measurePublishing(stack.url, bareUrl, stack.deps, counter)));
  } finally {
    if (bare) await closeServer(bare);
    await closeServer(cached);
    await stack.stop();
    await database.stop();
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
