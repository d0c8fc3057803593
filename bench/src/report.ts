import { cpus } from "node:os";
import type { BundleReport, BundleSize } from "./bundle.ts";
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

const units = (n: number) => (n === 0 ? "0" : n.toFixed(2));

/** Each row's denominator: the row it names, else the bare route. */
function baselineOf(m: Measured, scenarios: Measured[]): Measured | undefined {
  return scenarios.find((s) => s.name === (m.baseline ?? "bare"));
}

type Target = {
  what: string;
  measured: string;
  baseline: string;
  ratio: number;
  target: string;
  met: boolean;
};

/** Issue 17's table: each row with its baseline from this same run, and whether the target is met. */
function targets(run: RunReport): Target[] {
  const { scenarios, bundles, load } = run;
  const byName = (name: string) => scenarios.find((m) => m.name === name);
  const rows: Target[] = [];
  const rps = (name: string, over: string, what: string, atLeast: number) => {
    const m = byName(name);
    const b = byName(over);
    if (!m || !b) return;
    const ratio = m.throughput.rps / b.throughput.rps;
    rows.push({
      what,
      measured: `${int(m.throughput.rps)} req/s`,
      baseline: `${over} ${int(b.throughput.rps)} req/s`,
      ratio,
      target: `≥ ${atLeast.toFixed(2)}`,
      met: ratio >= atLeast,
    });
  };
  rps("detail", "store", "uncached detail ÷ store floor", 0.8);
  rps("detail by 索引号", "store", "uncached detail by 索引号 ÷ store floor", 0.8);
  rps("list", "store, list", "uncached list ÷ store floor", 0.7);
  rps("detail, cached", "bare", "cached detail ÷ bare Hono", 0.6);
  rps("list, cached", "bare", "cached list ÷ bare Hono", 0.6);
  const search = byName("search");
  if (search)
    rows.push({
      what: `search p95, ${run.settings.connections} connections (${int(load.items)} items)`,
      measured: `${ms(search.throughput.p95)} ms`,
      baseline: "—",
      ratio: Number.NaN,
      target: "≤ 50 ms on 20,000 items",
      met: search.throughput.p95 <= 50 && load.items >= 20_000,
    });
  const perSecond = load.items / load.seconds;
  rows.push({
    what: `loading items${load.searchIndexed ? " with search indexing" : ""}`,
    measured: `${int(perSecond)} items/s`,
    baseline: "—",
    ratio: Number.NaN,
    target: "≥ 500 items/s",
    met: perSecond >= 500,
  });
  const base = bundles.baseline.bytes;
  const biggest = bundles.bundles.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const publicBundle = bundles.bundles.find((b) => b.name === "public");
  for (const b of [biggest, ...(publicBundle && publicBundle !== biggest ? [publicBundle] : [])])
    rows.push({
      what: `bundle, all in: ${b.name}${b === biggest ? " (the biggest)" : ""}`,
      measured: kb(b.bytes),
      baseline: `baseline bundle ${kb(base)}`,
      ratio: b.bytes / base,
      target: "≤ 1.20",
      met: b.bytes / base <= 1.2,
    });
  const imports = bundles.importMs;
  rows.push({
    what: "cold import of the public bundle and its first search's segmenter load",
    measured: `${ms(imports.public)} ms`,
    baseline: `baseline bundle ${ms(imports.baseline)} ms`,
    ratio: imports.public / imports.baseline,
    target: "≤ 1.20",
    met: imports.public / imports.baseline <= 1.2,
  });
  for (const name of ["drafts", "approvals"]) {
    const m = byName(name);
    const b = byName("bare POST");
    if (m && b)
      rows.push({
        what: `${name} per second, ${m.connections ?? run.settings.connections} departments at once`,
        measured: `${m.throughput.rps.toFixed(1)} /s`,
        baseline: `bare POST ${int(b.throughput.rps)} req/s`,
        ratio: m.throughput.rps / b.throughput.rps,
        target: "measured (no target)",
        met: true,
      });
  }
  return rows;
}

export function renderReport(run: RunReport): string {
  const { settings, load, scenarios, bundles } = run;
  const cpu = cpus();

  return [
    "# Benchmark: public reads, publishing, bundles",
    "",
    `Run ${run.startedAt.toISOString()} · Node ${process.version} · ${process.platform}/${process.arch} · ` +
      `${cpu.length} × ${cpu[0]?.model.trim() ?? "CPU"} · DynamoDB Local in memory · 127.0.0.1`,
    "",
    `Settings: ${int(settings.items)} published items; autocannon in its own process, ${settings.connections} connections × ` +
      `${settings.seconds} s per scenario, one scenario at a time; DynamoDB calls counted over ` +
      `${settings.countRequests} sequential requests per scenario (40 for the publish rows).`,
    "",
    "## Issue 17: every row against its baseline from this run",
    "",
    table(
      ["what", "measured", "baseline", "ratio", "target", "met"],
      targets(run).map((t) => [
        t.what,
        t.measured,
        t.baseline,
        Number.isNaN(t.ratio) ? "—" : ratio(t.ratio),
        t.target,
        t.target.startsWith("measured") ? "—" : t.met ? "met" : "not met",
      ]),
    ),
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
    "## Throughput and latency (ratio = requests/s ÷ the row's baseline)",
    "",
    "Store rows call the store directly (no HTTP) in the bench's process; every other row is",
    "loaded by autocannon in a child process. RCU/WCU are the capacity units DynamoDB reports per request.",
    "",
    table(
      [
        "scenario",
        "req/s",
        "baseline",
        "× baseline",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "non-2xx",
        "errors",
        "DynamoDB calls/req",
        "RCU/req",
        "WCU/req",
      ],
      scenarios.map((m) => {
        const b = baselineOf(m, scenarios);
        return [
          `${m.name}: ${m.description}`,
          int(m.throughput.rps),
          b ? b.name : "—",
          b ? ratio(m.throughput.rps / b.throughput.rps) : "—",
          ms(m.throughput.p50),
          ms(m.throughput.p95),
          ms(m.throughput.p99),
          int(m.throughput.non2xx),
          int(m.throughput.errors),
          callsCell(m),
          units(m.calls.readUnits),
          units(m.calls.writeUnits),
        ];
      }),
    ),
    "",
    ...pageVersusJson(scenarios),
    ...(run.skipped.length ? [...run.skipped.map((s) => `- Skipped: ${s}`), ""] : []),
    ...bundleSection(bundles),
  ].join("\n");
}

/** The bundle table and the cold import, also printed alone by `pnpm --filter @gov/bench bundles`. */
export function bundleSection(bundles: BundleReport): string[] {
  const base = bundles.baseline;
  const top = (b: BundleSize) => b.top.map((t) => `${t.module} ${kb(t.bytes)}`).join(", ");
  const imports = bundles.importMs;
  return [
    "## Lambda bundles (as deployed: SST's esbuild with infra's `lambdaBuild`, ADR 0062)",
    "",
    `Baseline: ${base.name}, built the same way. Top modules by bytes (esbuild metafile).`,
    "",
    table(
      ["entry", "bytes", "× baseline", "top modules"],
      [...bundles.bundles, bundles.publicSignedFetch, base].map((b) => [
        b.name,
        kb(b.bytes),
        ratio(b.bytes / base.bytes),
        top(b),
      ]),
    ),
    "",
    `Cold import (median of ${bundles.importRuns} fresh processes each, taken in turns; the public bundles with ` +
      "their first search's segmenter load; target ≤ 1.20×):",
    "",
    table(
      ["bundle", "cold import", "× baseline"],
      [
        ["public", imports.public],
        ["public, signed-fetch DynamoDB client (measured, not deployed)", imports.publicSignedFetch],
        ["baseline", imports.baseline],
      ].map(([name, value]) => [
        String(name),
        `${ms(Number(value))} ms`,
        ratio(Number(value) / imports.baseline),
      ]),
    ),
    "",
  ];
}
