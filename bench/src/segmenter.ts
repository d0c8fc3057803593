import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { searchAnalyzer } from "@gov/domain";
import {
  benchDocs,
  chunksOf,
  type Doc,
  demoDocs,
  type JudgedQuery,
  judgedQueries,
  textOf,
} from "./segmenter-corpus.ts";
import { coldLoadPrelude, coldLoadScripts, cutters, domainCutter } from "./segmenter-cutters.ts";
import { type Engine, miniSearch, postingIndex, storeReadLimit } from "./segmenter-engines.ts";

/**
 * Issue 17's segmenter measurement: jieba against Intl.Segmenter on recall and precision of
 * judged queries, their cold load, memory and shipped bytes; and MiniSearch holding the same
 * items as the reference for what a query can cost in memory. Writes segmenter-run-<date>.md.
 *
 *   pnpm --filter @gov/bench segmenter
 *   BENCH_ITEMS=2000 pnpm --filter @gov/bench segmenter   # a quick run
 */

const benchDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const items = Number(process.env.BENCH_ITEMS ?? 20_000);
const coldRuns = Number(process.env.BENCH_IMPORT_RUNS ?? 5);
const latencyRounds = 2;
const log = (line: string) => console.error(line);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? Number.NaN;
const pct = (x: number | null) => (x === null || Number.isNaN(x) ? "–" : `${(x * 100).toFixed(1)} %`);
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));

type Judged = { found: boolean | null; precision: number | null; first: boolean | null; results: number };

function judge(engine: Engine, queries: JudgedQuery[], texts: Map<string, string>): Judged[] {
  return queries.map(({ q, relevant }) => {
    const top = engine.search(q);
    const chunks = chunksOf(q);
    const contains = (id: string) => chunks.every((c) => (texts.get(id) ?? "").includes(c));
    const precise = top.filter(contains).length;
    return {
      first: top[0] ? contains(top[0]) : null,
      found: relevant ? top.some((id) => relevant.has(id)) : null,
      precision: top.length ? precise / top.length : null,
      results: top.length,
    };
  });
}

function summarize(judged: Judged[]) {
  const recallable = judged.filter((j) => j.found !== null);
  const answered = judged.filter((j) => j.precision !== null);
  return {
    queries: judged.length,
    recall: recallable.length ? recallable.filter((j) => j.found).length / recallable.length : null,
    judged: recallable.length,
    precision: answered.length
      ? answered.reduce((s, j) => s + (j.precision ?? 0), 0) / answered.length
      : null,
    first: answered.length ? answered.filter((j) => j.first).length / answered.length : null,
    empty: judged.filter((j) => j.results === 0).length,
  };
}

function coldLoad(name: string) {
  const runs = Array.from({ length: coldRuns }, () => {
    const out = execFileSync(
      process.execPath,
      ["--input-type=module", "-e", `${coldLoadPrelude}\n${coldLoadScripts[name]}`],
      { cwd: benchDir, encoding: "utf8" },
    );
    return JSON.parse(out) as { ms: number; rss: number; external: number };
  });
  return { ms: median(runs.map((r) => r.ms)), rss: median(runs.map((r) => r.rss)) };
}

function folderBytes(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + folderBytes(join(path, entry)), 0);
}

/** What shipping jieba costs: its package (dictionary, idf table, loader) and the platform's native binary. */
function jiebaFootprint() {
  const require = createRequire(join(benchDir, "package.json"));
  const pkg = dirname(require.resolve("@node-rs/jieba/package.json"));
  const jiebaRequire = createRequire(join(pkg, "package.json"));
  const native = `@node-rs/jieba-${process.platform}-${process.arch}${process.platform === "linux" ? "-gnu" : ""}`;
  let nativeBytes = 0;
  try {
    nativeBytes = folderBytes(dirname(jiebaRequire.resolve(`${native}/package.json`)));
  } catch {
    nativeBytes = Number.NaN;
  }
  return {
    packageBytes: folderBytes(pkg),
    dictBytes: statSync(join(pkg, "dict.txt")).size,
    idfBytes: statSync(join(pkg, "idf.txt")).size,
    native,
    nativeBytes,
  };
}

async function main() {
  const started = performance.now();
  const docs: Doc[] = [...benchDocs(items), ...demoDocs()];
  const texts = new Map(docs.map((d) => [d.id, textOf(d)]));
  const queries = judgedQueries(docs, { benchTitles: 100, benchDocNumbers: 100 });
  const kinds = [...new Set(queries.map((q) => q.kind))];
  log(`语料 ${docs.length} 条，查询 ${queries.length} 个`);

  const lines: string[] = [];
  const out = (line = "") => lines.push(line);
  out(`# Segmenter run ${new Date().toISOString().slice(0, 10)}: jieba vs Intl.Segmenter, and MiniSearch`);
  out();
  out(
    `Node ${process.version} (ICU ${process.versions.icu}), ${cpus().length} × ${cpus()[0]?.model ?? "?"}. ` +
      `Corpus: ${items} bench items (bench/src/content.ts, seed 20191082) + ${docs.length - items} demo items. ` +
      `${queries.length} queries (\`pnpm --filter @gov/bench segmenter\`, bench/src/segmenter*.ts). ` +
      `Load average at start ${loadavg()[0]?.toFixed(1)}: timings are for comparing rows of this run.`,
  );
  out();

  const perCutter = new Map<string, { store: Judged[]; uncapped: Judged[]; mini: Judged[] | null }>();
  const indexRows: string[] = [];
  const miniRows: string[] = [];
  const queryCost: string[] = [];
  for (const [name, cut] of Object.entries(cutters)) {
    const analyzer = searchAnalyzer(cut);
    analyzer.searchTokens("预热"); // the cold load is measured apart, in fresh processes
    log(`${name}：建立倒排索引…`);
    const { stats, store, uncapped } = postingIndex(analyzer, docs);
    indexRows.push(
      `| ${name} | ${(docs.length / (stats.indexMs / 1000)).toFixed(0)} | ${stats.terms} | ${(stats.postings / docs.length).toFixed(0)} | ${stats.common} |`,
    );
    const parse: number[] = [];
    for (let round = 0; round < 5; round++)
      for (const { q } of queries) {
        const t0 = performance.now();
        analyzer.parseSearchQuery(q);
        parse.push(performance.now() - t0);
      }
    queryCost.push(`| ${name} | ${ms(percentile(parse, 50))} | ${ms(percentile(parse, 95))} |`);

    if (name !== domainCutter) {
      perCutter.set(name, {
        store: judge(store, queries, texts),
        uncapped: judge(uncapped, queries, texts),
        mini: null,
      });
      continue;
    }
    log(`${name}：MiniSearch…`);
    const mini = miniSearch(analyzer, docs);
    const miniJudged = judge(mini.engine, queries, texts); // also the warm-up
    const latencies: number[] = [];
    for (let round = 0; round < latencyRounds; round++)
      for (const { q } of queries) {
        const t0 = performance.now();
        mini.engine.search(q);
        latencies.push(performance.now() - t0);
      }
    const s = mini.stats;
    miniRows.push(
      `| ${name} | ${(s.buildMs / 1000).toFixed(1)} s | ${mb(s.snapshotBytes)} (${mb(s.snapshotGzipBytes)} gzip) | ${ms(s.loadMs)} ms | ${mb(s.heapBytes)} | ${ms(percentile(latencies, 50))} | ${ms(percentile(latencies, 95))} | ${ms(percentile(latencies, 99))} |`,
    );
    perCutter.set(name, {
      store: judge(store, queries, texts),
      uncapped: judge(uncapped, queries, texts),
      mini: miniJudged,
    });
  }

  out("## Recall@10 and precision@10");
  out();
  out(
    "Recall@10: share of the queries with a judged answer whose answer is among the top 10 (a title query's answer is " +
      "every item whose title contains it; a 文号's, the item carrying it, else the items citing it). " +
      "Precision@10: share of the top 10 whose text (title, 文号, keywords, summary, body) contains every chunk of the query " +
      "(its runs of letters and digits, a 文号 written canonically), averaged over the queries with results; P@1 the same for the first result. " +
      "A title or 文号 query usually has one such item, so its P@10 tops out near 10 %: compare the columns, not with 100 %. " +
      `**store** reads each term as packages/store/src/search.ts does (newest first, at most ${storeReadLimit}, ` +
      "a cut-off term only adds to the score); **uncapped** reads every posting; **MiniSearch** is the library (run with the domain's analyzer only). " +
      "**Intl.Segmenter + bigrams** is the domain's cutter since ADR 0058: ICU's words, and a run of single characters ICU does not know as a word cut into overlapping bigrams.",
  );
  out();
  const names = [...perCutter.keys()];
  out(
    `| queries | n | ${names.flatMap((n) => [`${n} recall (store / uncapped / MiniSearch)`, `${n} P@10 / P@1 (store)`, `${n} no result`]).join(" | ")} |`,
  );
  out(`| --- | --: | ${names.flatMap(() => ["--:", "--:", "--:"]).join(" | ")} |`);
  const row = (label: string, pick: (j: Judged[]) => Judged[]) => {
    const cells = names.flatMap((n) => {
      const r = perCutter.get(n);
      if (!r) return [];
      const [st, un] = [summarize(pick(r.store)), summarize(pick(r.uncapped))];
      const mi = r.mini ? summarize(pick(r.mini)) : { recall: null };
      return [
        `${pct(st.recall)} / ${pct(un.recall)} / ${pct(mi.recall)}`,
        `${pct(st.precision)} / ${pct(st.first)}`,
        String(st.empty),
      ];
    });
    const n = summarize(pick(perCutter.get(names[0] as string)?.store ?? []));
    out(`| ${label} | ${n.queries} (${n.judged} judged) | ${cells.join(" | ")} |`);
  };
  for (const kind of kinds) row(kind, (j) => j.filter((_, i) => queries[i]?.kind === kind));
  row("**all**", (j) => j);
  out();

  // Where the two disagree: the queries one finds and the other misses, for the ADR.
  const [a, b] = [names[0], domainCutter];
  const ra = perCutter.get(a as string)?.store ?? [];
  const rb = perCutter.get(b as string)?.store ?? [];
  const differ = queries
    .map((q, i) => ({ q, a: ra[i], b: rb[i] }))
    .filter(({ a: x, b: y }) => x?.found !== y?.found);
  out(`Queries found by one and missed by the other (store reading, ${differ.length}):`);
  out();
  for (const d of differ.slice(0, 15))
    out(
      `- \`${d.q.q}\` (${d.q.kind}): ${a} ${d.a?.found ? "found" : "missed"}, ${b} ${d.b?.found ? "found" : "missed"}`,
    );
  out();

  out("## Indexing (in memory, the domain's `indexTerms`)");
  out();
  out(`| segmenter | items/s | distinct terms | terms per item | terms with ≥ ${storeReadLimit} postings |`);
  out("| --- | --: | --: | --: | --: |");
  for (const r of indexRows) out(r);
  out();
  out("Query parsing (`parseSearchQuery`, warm), ms per query:");
  out();
  out("| segmenter | p50 | p95 |");
  out("| --- | --: | --: |");
  for (const r of queryCost) out(r);
  out();

  log("冷启动测量…");
  out(`## Cold load (fresh process, median of ${coldRuns}: load + first cut)`);
  out();
  const footprint = jiebaFootprint();
  out("| segmenter | load + first cut | RSS added | shipped beside the bundle |");
  out("| --- | --: | --: | --- |");
  for (const name of Object.keys(coldLoadScripts)) {
    const c = coldLoad(name);
    const shipped =
      name === "jieba"
        ? `${mb(footprint.packageBytes)} package (dict.txt ${mb(footprint.dictBytes)}, idf.txt ${mb(footprint.idfBytes)}) + ${mb(footprint.nativeBytes)} native (${footprint.native}); one native build per platform`
        : "nothing: ICU's word-break dictionary is inside the node binary (full-icu, the default build and Lambda's)";
    out(`| ${name} | ${ms(c.ms)} ms | ${mb(c.rss)} | ${shipped} |`);
  }
  out();

  const miniVersion = (
    JSON.parse(readFileSync(join(benchDir, "node_modules/minisearch/package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  out(`## MiniSearch ${miniVersion}: the same items in memory`);
  out();
  out(
    `Analyzer: ${domainCutter}. Fields weighted as \`indexTerms\` weighs them, tokenized by the same analyzer, OR of the query's terms, an exact 文号 boosted first. ` +
      "Build = `addAll`; snapshot = `JSON.stringify(index)`, load = `MiniSearch.loadJSON`; heap = after build and load, after GC; " +
      `latency = one query, warm, over ${queries.length} queries × ${latencyRounds}.`,
  );
  out();
  out("| analyzer | build | snapshot | load snapshot | heap | query p50 ms | p95 ms | p99 ms |");
  out("| --- | --: | --: | --: | --: | --: | --: | --: |");
  for (const r of miniRows) out(r);
  out();
  out(`Run took ${((performance.now() - started) / 1000).toFixed(0)} s.`);

  const report = `${lines.join("\n")}\n`;
  console.log(report);
  const file =
    process.env.BENCH_REPORT_FILE ??
    join(benchDir, `segmenter-run-${new Date().toISOString().slice(0, 10)}.md`);
  writeFileSync(file, report);
  log(`写入 ${file}`);
}

await main();
