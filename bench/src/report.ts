import { cpus } from "node:os";
import type { BundleReport } from "./bundle.ts";
import type { LoadResult } from "./load.ts";
import type { Measured } from "./scenarios.ts";

/** The run as one Markdown document: what was measured, under which settings, and the ratios. */
export type RunReport = {
  startedAt: Date;
  settings: { items: number; seconds: number; connections: number; countRequests: number };
  load: LoadResult;
  scenarios: Measured[];
  skipped: string[];
  bundles: BundleReport;
};

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number) => (Number.isNaN(n) ? "–" : n < 10 ? n.toFixed(2) : n.toFixed(1));
/** Issue 16: a cached portal page must serve at least 80% of the cached JSON detail's requests per second. */
function pageVersusJson(scenarios: Measured[]): string[] {
  const rps = (name: string) => scenarios.find((m) => m.name === name)?.throughput.rps;
  const page = rps("detail page, cached");
  const json = rps("detail, cached");
  if (!page || !json) return [];
  const share = page / json;
  return [
    `Cached detail page ÷ cached JSON detail: ${ratio(share)} (target ≥ 0.80×, issue 16: ${share >= 0.8 ? "met" : "not met"}).`,
    "",
  ];
}

const ratio = (n: number) => `${n.toFixed(n < 0.1 ? 3 : 2)}×`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? "---" : "---:"))), ...rows.map(line)].join("\n");
}

function callsCell(m: Measured): string {
  const commands = Object.entries(m.calls.byCommand).map(([c, n]) => `${c} ${n.toFixed(2)}`);
  return commands.length ? `${m.calls.total.toFixed(2)} (${commands.join(", ")})` : m.calls.total.toFixed(2);
}

export function renderReport(run: RunReport): string {
  const { settings, load, scenarios, bundles } = run;
  const baseline = scenarios.find((s) => s.name === "bare")?.throughput.rps ?? Number.NaN;
  const cpu = cpus();
  const smallest = (pick: (b: BundleReport["bundles"][number]) => number) =>
    Math.min(...bundles.bundles.map(pick));
  const minFull = smallest((b) => b.bytes);
  const minNoSdk = smallest((b) => b.bytesWithoutSdk);

  return [
    "# Public read API benchmark",
    "",
    `Run ${run.startedAt.toISOString()} · Node ${process.version} · ${process.platform}/${process.arch} · ` +
      `${cpu.length} × ${cpu[0]?.model.trim() ?? "CPU"} · DynamoDB Local in memory · 127.0.0.1`,
    "",
    `Settings: ${int(settings.items)} published items; autocannon ${settings.connections} connections × ` +
      `${settings.seconds} s per scenario, one scenario at a time; DynamoDB calls counted over ` +
      `${settings.countRequests} sequential requests per scenario.`,
    "",
    load.path === "bulk"
      ? "## Loading the items (the bulk path: `store.items.loadMany`, BatchWriteItem, packed postings)"
      : "## Loading the items (publication's path: one TransactWriteItems per item, then its index work)",
    "",
    table(
      ["items", "seconds", "items/s", "in flight", "search indexed"],
      [
        [
          int(load.items),
          load.seconds.toFixed(1),
          int(load.items / load.seconds),
          load.path === "bulk" ? "6 BatchWriteItem" : String(load.concurrency),
          load.searchIndexed ? "yes" : "no (no store.search.index yet)",
        ],
      ],
    ),
    "",
    `Busiest columns: ${load.columns
      .slice(0, 5)
      .map(([c, n]) => `${c} ${int(n)}`)
      .join(", ")}.`,
    "",
    "## Throughput and latency (ratio = requests/s ÷ the bare Hono route's)",
    "",
    table(
      [
        "scenario",
        "req/s",
        "× bare",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "non-2xx",
        "errors",
        "DynamoDB calls/req",
      ],
      scenarios.map((m) => [
        `${m.name}: ${m.description}`,
        int(m.throughput.rps),
        ratio(m.throughput.rps / baseline),
        ms(m.throughput.p50),
        ms(m.throughput.p95),
        ms(m.throughput.p99),
        int(m.throughput.non2xx),
        int(m.throughput.errors),
        callsCell(m),
      ]),
    ),
    "",
    ...pageVersusJson(scenarios),
    ...(run.skipped.length ? [...run.skipped.map((s) => `- Skipped: ${s}`), ""] : []),
    "## Lambda bundles (esbuild: bundle, node22, ESM, minified)",
    "",
    table(
      ["entry", "all bundled", "× smallest", "@aws-sdk/* external", "× smallest"],
      [
        ...bundles.bundles.map((b) => [
          b.name,
          `${int(b.bytes)} B (${kb(b.bytes)})`,
          ratio(b.bytes / minFull),
          `${int(b.bytesWithoutSdk)} B (${kb(b.bytesWithoutSdk)})`,
          ratio(b.bytesWithoutSdk / minNoSdk),
        ]),
        [
          "bare Hono (reference)",
          `${int(bundles.bareHonoBytes)} B (${kb(bundles.bareHonoBytes)})`,
          "",
          "",
          "",
        ],
      ],
    ),
    "",
    `Cold import (median of ${bundles.importRuns} fresh processes, \`import()\` of the all-bundled file): ` +
      `public ${ms(bundles.importMs.public)} ms, bare Hono ${ms(bundles.importMs.bareHono)} ms, ` +
      `ratio ${ratio(bundles.importMs.public / bundles.importMs.bareHono)}.`,
    "",
  ].join("\n");
}
