import type { CallCounter } from "@gov/store";
import autocannon from "autocannon";

/**
 * One scenario = a rotating set of GET paths against one server. It is measured twice:
 * DynamoDB calls per request over a fixed number of sequential requests (which also warms
 * the process up), then throughput and latency with autocannon.
 */
export type Scenario = {
  name: string;
  description: string;
  baseUrl: string;
  paths: string[];
  /** Overrides BENCH_CONNECTIONS: latency with one request at a time, free of queueing. */
  connections?: number;
};

export type Throughput = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
};

export type CallsPerRequest = {
  total: number;
  byCommand: Record<string, number>;
  statuses: Record<number, number>;
};

export type Measured = Scenario & { throughput: Throughput; calls: CallsPerRequest };

const snapshot = (c: CallCounter): CallCounter => ({
  total: c.total,
  byCommand: { ...c.byCommand },
  readUnits: c.readUnits,
});

/** Calls made since `before`, per request. */
function callsSince(before: CallCounter, counter: CallCounter, requests: number) {
  const byCommand: Record<string, number> = {};
  for (const [command, n] of Object.entries(counter.byCommand)) {
    const diff = n - (before.byCommand[command] ?? 0);
    if (diff > 0) byCommand[command.replace(/Command$/, "")] = diff / requests;
  }
  return { total: (counter.total - before.total) / requests, byCommand };
}

/** DynamoDB calls per request, from the store's counter around `count` sequential requests. */
export async function countCalls(
  scenario: Scenario,
  counter: CallCounter,
  count: number,
): Promise<CallsPerRequest> {
  const before = snapshot(counter);
  const statuses: Record<number, number> = {};
  for (let i = 0; i < count; i++) {
    const res = await fetch(scenario.baseUrl + scenario.paths[i % scenario.paths.length]);
    await res.arrayBuffer();
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  }
  return { ...callsSince(before, counter, count), statuses };
}

/** Exact percentile of latencies (ms) recorded per response. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Throughput and latency with autocannon; each request takes the next path of the rotation. */
export function runLoad(
  scenario: Scenario,
  options: { seconds: number; connections: number },
): Promise<Throughput> {
  let next = 0;
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: scenario.baseUrl,
        connections: options.connections,
        duration: options.seconds,
        requests: [
          {
            method: "GET",
            setupRequest: (request) => ({
              ...request,
              path: scenario.paths[next++ % scenario.paths.length] as string,
            }),
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          requests: result.requests.total,
          rps: result.requests.average,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, time) => latencies.push(time));
  });
}

export async function measure(
  scenario: Scenario,
  counter: CallCounter,
  options: { seconds: number; connections: number; countRequests: number },
): Promise<Measured> {
  const calls = await countCalls(scenario, counter, options.countRequests);
  const throughput = await runLoad(scenario, {
    ...options,
    connections: scenario.connections ?? options.connections,
  });
  // autocannon stops at its deadline with requests still in flight; let them finish so their
  // DynamoDB calls are not counted against the next scenario.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return { ...scenario, calls, throughput };
}

/**
 * The floor DynamoDB Local sets: the detail read called on the store directly (no HTTP, no
 * Hono), `concurrency` at a time for `seconds`. The detail scenario's gap to it is what the
 * HTTP layer costs; its gap to the bare route is mostly the database.
 */
export async function measureStoreOnly(
  scenario: Omit<Scenario, "baseUrl">,
  read: (id: string) => Promise<unknown>,
  counter: CallCounter,
  options: { seconds: number; connections: number },
): Promise<Measured> {
  const ids = scenario.paths;
  const before = snapshot(counter);
  const latencies: number[] = [];
  const deadline = performance.now() + options.seconds * 1000;
  let next = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      await read(ids[next++ % ids.length] as string);
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
