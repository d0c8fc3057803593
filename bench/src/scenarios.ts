import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { CallCounter } from "@gov/store";
import type { LoadJob, LoadRequest, LoadResult } from "./client.ts";

/**
 * One scenario = a rotating set of requests against one server. It is measured twice:
 * DynamoDB calls per request over a fixed number of sequential requests (which also warms
 * the process up), then throughput and latency with autocannon in a child process.
 */
export type Scenario = {
  name: string;
  description: string;
  baseUrl: string;
  /** GET paths, each request taking the next; or `requests` for other methods. */
  paths: string[];
  requests?: LoadRequest[];
  /** Overrides BENCH_CONNECTIONS: latency with one request at a time, free of queueing. */
  connections?: number;
  /** Stop after this many answers instead of after BENCH_SECONDS (each request used once). */
  amount?: number;
  /** The row this one is divided by (its name); the bare route when unset. */
  baseline?: string;
  /**
   * Request every path once before measuring: a cached row measures answers served from the
   * cache, not the first pass that fills it (1,000 ids × one miss each would otherwise be most
   * of a short run).
   */
  warm?: boolean;
};

export type Throughput = Omit<LoadResult, "statuses">;

export type CallsPerRequest = {
  total: number;
  byCommand: Record<string, number>;
  /** Read and write capacity units per request, as DynamoDB reports them. */
  readUnits: number;
  writeUnits: number;
  statuses: Record<number, number>;
};

export type Measured = Scenario & { throughput: Throughput; calls: CallsPerRequest };

const snapshot = (c: CallCounter): CallCounter => ({
  total: c.total,
  byCommand: { ...c.byCommand },
  readUnits: c.readUnits,
  writeUnits: c.writeUnits,
});

/** Calls made since `before`, per request. */
function callsSince(before: CallCounter, counter: CallCounter, requests: number) {
  const byCommand: Record<string, number> = {};
  for (const [command, n] of Object.entries(counter.byCommand)) {
    const diff = n - (before.byCommand[command] ?? 0);
    if (diff > 0) byCommand[command.replace(/Command$/, "")] = diff / requests;
  }
  return {
    total: (counter.total - before.total) / requests,
    byCommand,
    readUnits: (counter.readUnits - before.readUnits) / requests,
    writeUnits: (counter.writeUnits - before.writeUnits) / requests,
  };
}

const requestsOf = (scenario: Scenario): LoadRequest[] =>
  scenario.requests ?? scenario.paths.map((path) => ({ method: "GET", path }));

/** DynamoDB calls per request, from the store's counter around `count` sequential requests. */
export async function countCalls(
  scenario: Scenario,
  counter: CallCounter,
  count: number,
): Promise<CallsPerRequest> {
  const requests = requestsOf(scenario);
  const before = snapshot(counter);
  const statuses: Record<number, number> = {};
  for (let i = 0; i < count; i++) {
    const r = requests[i % requests.length] as LoadRequest;
    const res = await fetch(scenario.baseUrl + r.path, {
      method: r.method,
      ...(r.headers ? { headers: r.headers } : {}),
      ...(r.body === undefined ? {} : { body: r.body }),
    });
    await res.arrayBuffer();
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  }
  return { ...callsSince(before, counter, count), statuses };
}

const clientScript = fileURLToPath(new URL("./client.ts", import.meta.url));

/**
 * Throughput and latency with autocannon in its own Node process, so the client's parsing of
 * answers does not take the server's event loop (both still share the machine's cores).
 */
export function runLoad(
  scenario: Scenario,
  options: { seconds: number; connections: number },
): Promise<Throughput> {
  const job: LoadJob = {
    url: scenario.baseUrl,
    connections: scenario.connections ?? options.connections,
    seconds: options.seconds,
    ...(scenario.amount ? { amount: scenario.amount } : {}),
    requests: requestsOf(scenario),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", clientScript], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`load client exited with ${code}`));
      const { statuses: _statuses, ...throughput } = JSON.parse(out) as LoadResult;
      resolve(throughput);
    });
    child.stdin.end(JSON.stringify(job));
  });
}

export async function measure(
  scenario: Scenario,
  counter: CallCounter,
  options: { seconds: number; connections: number; countRequests: number },
): Promise<Measured> {
  if (scenario.warm) await countCalls(scenario, counter, requestsOf(scenario).length);
  const calls = await countCalls(scenario, counter, options.countRequests);
  const throughput = await runLoad(scenario, options);
  // autocannon stops at its deadline with requests still in flight; let them finish so their
  // DynamoDB calls are not counted against the next scenario.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return { ...scenario, calls, throughput };
}

/** Exact percentile of latencies (ms). */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/**
 * The floor DynamoDB Local sets: a read called on the store directly (no HTTP, no Hono),
 * `concurrency` at a time for `seconds`. A route's gap to it is what the HTTP layer costs;
 * its gap to the bare route is mostly the database.
 */
export async function measureStoreOnly(
  scenario: Omit<Scenario, "baseUrl">,
  read: (key: string) => Promise<unknown>,
  counter: CallCounter,
  options: { seconds: number; connections: number },
): Promise<Measured> {
  const keys = scenario.paths;
  const before = snapshot(counter);
  const latencies: number[] = [];
  const deadline = performance.now() + options.seconds * 1000;
  let next = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      await read(keys[next++ % keys.length] as string);
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const throughput: Throughput = {
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: 0,
    errors: 0,
  };
  return {
    ...scenario,
    baseUrl: "",
    calls: { ...callsSince(before, counter, latencies.length), statuses: {} },
    throughput,
  };
}
