import autocannon from "autocannon";

/**
 * The load client, run as its own process by `runLoad` (scenarios.ts): autocannon parsing
 * every answer on the server's event loop made a bigger answer look like a slower route.
 * Reads one job as JSON on stdin, writes one result as JSON on stdout.
 */

export type LoadRequest = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

export type LoadJob = {
  url: string;
  connections: number;
  /** Seconds to run; ignored when `amount` is set. */
  seconds: number;
  /** Stop after this many answers (each request used once, e.g. approvals of distinct items). */
  amount?: number;
  /** Each request takes the next one of the rotation. */
  requests: LoadRequest[];
};

export type LoadResult = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
};

/** Exact percentile of latencies (ms) recorded per response. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function run(job: LoadJob): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        ...(job.amount ? { amount: job.amount } : { duration: job.seconds }),
        requests: [
          {
            setupRequest: (request) => {
              const r = job.requests[next++ % job.requests.length] as LoadRequest;
              return {
                ...request,
                method: r.method as "GET",
                path: r.path,
                headers: { ...request.headers, ...r.headers },
                ...(r.body === undefined ? {} : { body: r.body }),
              };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          requests: result.requests.total,
          // Answers over the time taken: with `amount` the run ends mid-second.
          rps: result.requests.total / result.duration,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
          statuses,
        });
      },
    );
    instance.on("response", (_client, status, _bytes, time) => {
      latencies.push(time);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
}

async function main() {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const result = await run(JSON.parse(Buffer.concat(chunks).toString("utf8")) as LoadJob);
  process.stdout.write(JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
