import { gzipSync } from "node:zlib";
import {
  normalizeDocNumber,
  type Posting,
  rankPostings,
  type searchAnalyzer,
  stripHtml,
  type TermPostings,
} from "@gov/domain";
import MiniSearch from "minisearch";
import type { Doc } from "./segmenter-corpus.ts";

/**
 * Two engines answering a query with a given analyzer: the store's inverted index as it is
 * read (one Query per term, newest first, cut at the store's limit), held in memory so that
 * only segmentation differs; and MiniSearch, the library reference of issue 17.
 */

type Analyzer = ReturnType<typeof searchAnalyzer>;
export type Engine = { search: (q: string) => string[] };

/** packages/store/src/search.ts's `maxPostingsPerTerm`: a term's one Query reads at most this many. */
export const storeReadLimit = 200;

export function postingIndex(analyzer: Analyzer, docs: Doc[]) {
  const terms = new Map<string, Posting[]>();
  let postings = 0;
  const started = performance.now();
  for (const d of docs) {
    const docNumber = d.docNumber ? normalizeDocNumber(d.docNumber) : null;
    for (const [term, impact] of analyzer.indexTerms(d)) {
      const list = terms.get(term) ?? [];
      if (list.length === 0) terms.set(term, list);
      list.push({ itemId: d.id, impact, firstPublishedAt: d.firstPublishedAt, docNumber });
      postings++;
    }
  }
  const indexMs = performance.now() - started;
  // Item ids are time-ordered: DynamoDB reads a term's postings newest first.
  for (const list of terms.values()) list.sort((x, y) => (x.itemId < y.itemId ? 1 : -1));
  const common = [...terms.values()].filter((l) => l.length >= storeReadLimit).length;

  /** `limit` as the store reads (LastEvaluatedKey once the limit is reached), or every posting. */
  const engine = (limit: number): Engine => ({
    search(q) {
      const query = analyzer.parseSearchQuery(q);
      const results: TermPostings[] = query.terms.map((term) => {
        const all = terms.get(term) ?? [];
        const read = all.slice(0, limit);
        return { term, postings: read, complete: all.length < limit, documentFrequency: read.length };
      });
      return rankPostings(query, results)
        .slice(0, 10)
        .map((h) => h.itemId);
    },
  });
  return {
    stats: { indexMs, terms: terms.size, postings, common },
    store: engine(storeReadLimit),
    uncapped: engine(Number.POSITIVE_INFINITY),
  };
}

/** Heap in use once garbage is collected (the script runs with --expose-gc). */
export function heapAfterGc(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

const boost = { title: 5, docNumber: 3, keywords: 3, summary: 2, body: 1, serial: 4 };

/**
 * MiniSearch over the same fields, weighted as `indexTerms` weighs them, tokenized by the
 * same analyzer; a 文号's serial term is its own field, and an exact 文号 ranks first as in
 * `rankPostings`.
 */
export function miniSearch(analyzer: Analyzer, docs: Doc[]) {
  const serialOf = (d: Doc) =>
    d.docNumber ? analyzer.parseSearchQuery(d.docNumber).terms.filter((t) => t.startsWith("〔")) : [];
  const options = {
    fields: Object.keys(boost),
    storeFields: ["docNumber"],
    extractField: (d: Record<string, unknown>, field: string) => {
      const doc = d as Doc;
      if (field === "body") return stripHtml(doc.body);
      if (field === "keywords") return (doc.keywords ?? []).join(" ");
      if (field === "serial") return serialOf(doc).join(" ");
      if (field === "docNumber") return doc.docNumber ? normalizeDocNumber(doc.docNumber) : "";
      return String(d[field] ?? "");
    },
    tokenize: (text: string, field?: string) =>
      field === "serial" ? text.split(" ").filter(Boolean) : analyzer.searchTokens(text),
    processTerm: (term: string) => term,
    searchOptions: { boost, tokenize: (text: string) => [text], processTerm: (term: string) => term },
  };
  const heapBefore = heapAfterGc();
  const started = performance.now();
  let index: MiniSearch | undefined = new MiniSearch(options);
  index.addAll(docs);
  const buildMs = performance.now() - started;
  let snapshot: string | undefined = JSON.stringify(index);
  const snapshotBytes = Buffer.byteLength(snapshot);
  const snapshotGzipBytes = gzipSync(snapshot).length;
  const loadStarted = performance.now();
  const loaded = MiniSearch.loadJSON(snapshot, options);
  const loadMs = performance.now() - loadStarted;
  // Only the loaded index stays, as in an instance that loaded the snapshot.
  index = undefined;
  snapshot = undefined;
  const heapBytes = heapAfterGc() - heapBefore;
  const engine: Engine = {
    search(q) {
      const query = analyzer.parseSearchQuery(q);
      if (query.terms.length === 0) return [];
      const exact = (docNumber: unknown) =>
        typeof docNumber === "string" && docNumber.length >= 5 && query.docNumberText.includes(docNumber);
      return loaded
        .search(
          { combineWith: "OR", queries: query.terms },
          { boostDocument: (_id, _term, stored) => (exact(stored?.docNumber) ? 1_000 : 1) },
        )
        .slice(0, 10)
        .map((r) => String(r.id));
    },
  };
  return {
    stats: { buildMs, loadMs, snapshotBytes, snapshotGzipBytes, heapBytes },
    engine,
  };
}
