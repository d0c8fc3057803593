import { readFileSync } from "node:fs";
import {
  addDays,
  canonicalDocNumbers,
  daysBetween,
  type SearchableItem,
  stripHtml,
  yearOf,
} from "@gov/domain";
import { demoItems } from "../../apps/local/src/demo/items.ts";
import {
  bodyOf,
  docNumberOf,
  keywordsOf,
  normativeIssuers,
  pickColumn,
  prng,
  subjectOf,
  titleOf,
  units,
} from "./content.ts";
import { searchQueries } from "./search.ts";

/**
 * The corpus and the judged queries of the segmenter comparison (issue 17): the bench's
 * generated items and the demo items, in memory, and queries built from the seed report's
 * titles and 文号s, the demo items' and a sample of the bench items'. Nothing here depends on
 * a segmenter, so both are judged by the same answers.
 */

export type Doc = SearchableItem & { id: string; firstPublishedAt: string; source: "bench" | "demo" };

const firstDay = "2019-01-01";
const lastDay = "2026-10-31";

/**
 * The bench's items as `load.ts` builds them (same generator, seed and field templates),
 * without DynamoDB: publication is the formation day plus the lag in calendar days, not
 * working days, which only moves dates and so the newest-first order by a few days.
 */
export function benchDocs(count: number, seed = 20_191_082): Doc[] {
  const plans = Array.from({ length: count }, (_, i) => {
    const r = prng(seed + i * 7919);
    const columnId = pickColumn(r);
    const generatedOn = addDays(firstDay, r.int(0, daysBetween(firstDay, lastDay)));
    const lag = r.chance(0.05) ? r.int(21, 40) : r.int(1, 8);
    const publishedAt = `${addDays(generatedOn, lag)}T0${r.int(0, 8)}:${String(r.int(0, 59)).padStart(2, "0")}:00.000Z`;
    return {
      r,
      columnId,
      generatedOn,
      publishedAt,
      normative: columnId === "normative-documents" && r.chance(0.7),
    };
  }).sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
  const sequences = new Map<string, number>();
  return plans.map(({ r, columnId, generatedOn, publishedAt, normative }, i) => {
    const unit = normative ? r.pick(units.slice(0, 2)) : r.pick(units);
    const year = yearOf(generatedOn);
    const subject = subjectOf(r, columnId);
    const issuer = r.pick(normativeIssuers);
    const key = `${issuer.prefix}#${year}`;
    sequences.set(key, (sequences.get(key) ?? 0) + 1);
    return {
      id: `itm_${publishedAt}_${String(i).padStart(5, "0")}`,
      source: "bench",
      firstPublishedAt: publishedAt,
      title: normative
        ? `共青城市${subject}办法`
        : titleOf(r, unit, subject, year, Number(generatedOn.slice(5, 7))),
      body: bodyOf(r, subject, unit),
      summary: `${unit.name}发布${subject}相关信息。`,
      keywords: keywordsOf(r, subject, columnId),
      docNumber: normative ? docNumberOf(issuer.prefix, year, sequences.get(key) ?? 1) : undefined,
    };
  });
}

export function demoDocs(): Doc[] {
  return demoItems.map((d, i) => {
    const at = `${d.generatedOn}T09:00:00.000Z`;
    return {
      id: `itm_${at}_demo${String(i).padStart(3, "0")}`,
      source: "demo",
      firstPublishedAt: at,
      title: d.title,
      body: d.body,
      summary: d.summary,
      keywords: d.keywords,
      docNumber: "docNumber" in d ? d.docNumber : undefined,
    };
  });
}

// --- judgments -------------------------------------------------------------------------------

export type QueryKind =
  | "seed title"
  | "seed 文号"
  | "demo title"
  | "demo 文号"
  | "demo 文号, other brackets"
  | "bench title"
  | "bench 文号, other brackets"
  | "topic";

/**
 * `relevant`: the items a correct engine must put in its top 10 (any one of them counts as
 * found); null when the query has no single answer and is judged by precision only.
 */
export type JudgedQuery = { q: string; kind: QueryKind; relevant: Set<string> | null };

/** Folded as the index folds, every 文号 written canonically, spaces gone: what containment compares. */
export const comparable = (text: string) => canonicalDocNumbers(text.normalize("NFKC").toLowerCase());

/**
 * The query's chunks: its runs of letters and digits (a 文号 kept whole). A result is
 * precise when its text contains every chunk, whatever segmenter found it.
 */
export const chunksOf = (q: string) =>
  comparable(q)
    .split(/[^\p{L}\p{N}〔〕]+/u)
    .filter(Boolean);

export const textOf = (d: Doc) =>
  comparable(
    [d.title, d.docNumber ?? "", (d.keywords ?? []).join(" "), d.summary ?? "", stripHtml(d.body)].join("|"),
  );

/** 文号 styles people type instead of GB/T 9704's 〔〕. */
const otherBrackets = (docNumber: string): string[] =>
  ["[$1]", "($1)", "（$1）", "【$1】"].map((b) => docNumber.replace(/〔(\d{4})〕/, b));

const seedPath = "/work/shared/seed/gongqingcheng-2019-disclosure-rectification-report.txt";
const seedText = () => {
  try {
    return readFileSync(process.env.BENCH_SEED_FILE ?? seedPath, "utf8");
  } catch {
    return "";
  }
};

/** Queries every segmenter must answer, with their relevance judged from the corpus alone. */
export function judgedQueries(
  docs: Doc[],
  sample: { benchTitles: number; benchDocNumbers: number },
): JudgedQuery[] {
  const texts = new Map(docs.map((d) => [d.id, textOf(d)]));
  const titles = new Map(docs.map((d) => [d.id, comparable(d.title)]));
  const numbers = new Map(docs.map((d) => [d.id, d.docNumber ? comparable(d.docNumber) : ""]));
  const where = (test: (id: string) => boolean) => new Set(docs.map((d) => d.id).filter(test));
  const byTitle = (q: string) => where((id) => (titles.get(id) ?? "").includes(comparable(q)));
  const byDocNumber = (q: string) => {
    const own = where((id) => numbers.get(id) === comparable(q));
    // A 文号 no item carries (a superior's, cited in the text) is answered by the items citing it.
    return own.size > 0 ? own : where((id) => (texts.get(id) ?? "").includes(comparable(q)));
  };
  const orNull = (s: Set<string>) => (s.size > 0 ? s : null);

  const queries: JudgedQuery[] = [];
  const seed = seedText();
  for (const name of new Set([...seed.matchAll(/《([^》]{4,60})》/g)].map((m) => m[1] as string))) {
    const inTitle = byTitle(name);
    const cited = where((id) => (texts.get(id) ?? "").includes(comparable(name)));
    queries.push({ q: name, kind: "seed title", relevant: orNull(inTitle.size > 0 ? inTitle : cited) });
  }
  for (const n of new Set([...seed.matchAll(/[\p{sc=Han}]+〔\d{4}〕\d+号/gu)].map((m) => m[0]))) {
    queries.push({ q: n, kind: "seed 文号", relevant: orNull(byDocNumber(n)) });
  }
  const demo = docs.filter((d) => d.source === "demo");
  for (const d of demo) queries.push({ q: d.title, kind: "demo title", relevant: byTitle(d.title) });
  for (const d of demo.filter((d) => d.docNumber)) {
    const n = d.docNumber as string;
    queries.push({ q: n, kind: "demo 文号", relevant: byDocNumber(n) });
    for (const typed of otherBrackets(n))
      queries.push({ q: typed, kind: "demo 文号, other brackets", relevant: byDocNumber(n) });
  }
  const bench = docs.filter((d) => d.source === "bench");
  const every = <T>(list: T[], n: number) =>
    list.filter((_, i) => i % Math.max(1, Math.floor(list.length / n)) === 0).slice(0, n);
  for (const d of every(bench, sample.benchTitles))
    queries.push({ q: d.title, kind: "bench title", relevant: byTitle(d.title) });
  const numbered = bench.filter((d) => d.docNumber);
  every(numbered, sample.benchDocNumbers).forEach((d, i) => {
    const n = d.docNumber as string;
    const typed = otherBrackets(n)[i % 4] as string;
    queries.push({ q: typed, kind: "bench 文号, other brackets", relevant: byDocNumber(n) });
  });
  const topics = [
    ...searchQueries,
    "停车",
    "低保",
    "家庭医生",
    "稳岗补贴",
    "三公经费",
    "双随机一公开",
    "城南污水处理厂",
    "征收土地",
    "营养改善计划",
    "非法集资",
    "茶山街道",
    "鄱阳湖",
    "行政处罚",
    "预算执行审计",
    "义务教育招生",
  ];
  for (const q of new Set(topics)) queries.push({ q, kind: "topic", relevant: null });
  return queries;
}
