/**
 * Chinese full-text search as pure functions: what an item contributes to the inverted
 * index, what a query asks for, how postings rank, and how a hit is highlighted. The store
 * keeps the postings; nothing here reads the database or the clock.
 */

/**
 * Cuts folded text into words, in reading order, repeats kept. Which segmenter does it
 * decides the index's terms: changing it means rebuilding the index (ADR 0058).
 */
export type WordCutter = (folded: string) => string[];

// Node's own ICU word breaker: its Chinese dictionary is inside the node binary (full-icu,
// every official build and Lambda's runtime), so there is no dependency or file to ship.
// It replaced jieba, a native module and an 8 MB dictionary loaded at first search (ADR 0058).
let icu: Intl.Segmenter | undefined;
const hanChar = /^\p{sc=Han}$/u;

/**
 * ICU's dictionary words; where ICU does not know a word (秸秆, 共府办发, place names) it
 * falls back to single characters, and a run of them becomes its overlapping bigrams
 * (秸秆禁烧 → 秸秆 秆禁 禁烧), as Lucene's CJK analyzer does: the query cuts the same way,
 * so an unknown word is found as itself, not as every text that shares one of its characters.
 */
export const icuWords: WordCutter = (folded) => {
  icu ??= new Intl.Segmenter("zh", { granularity: "word" });
  const words: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length === 1) words.push(run[0] as string);
    for (let i = 0; i + 1 < run.length; i++) words.push(`${run[i]}${run[i + 1]}`);
    run = [];
  };
  for (const s of icu.segment(folded)) {
    // A stopword (和, 的) ends a run rather than join its neighbours into a bigram.
    if (s.isWordLike && hanChar.test(s.segment) && !stopwords.has(s.segment)) run.push(s.segment);
    else {
      flush();
      if (s.isWordLike) words.push(s.segment);
    }
  }
  flush();
  return words;
};

export const searchLimits = {
  /** A query uses at most this many terms: each costs one Query. */
  maxQueryTerms: 8,
  /** An item writes at most this many postings (the best-weighted), so one publication stays cheap. */
  maxTermsPerItem: 1500,
  /** Longer tokens (URLs, long Latin strings) are not words anyone types. */
  maxTermLength: 30,
};

// Words so common in government text that they never tell documents apart; 的 alone is in
// nearly every sentence. Kept short on purpose: "too common" is otherwise judged from the
// index at query time (see rankPostings).
const stopwords = new Set(
  "的 了 和 与 及 或 等 在 是 对 为 将 把 被 之 其 以 于 并 而 也 就 都 各 由 从 向 按 给 号 年 月 日 第 个 有 不 中 上 下".split(
    " ",
  ),
);

/** Full-width letters and digits become ASCII, Latin becomes lower case. */
const fold = (text: string) => text.normalize("NFKC").toLowerCase();
const meaningful = /[\p{L}\p{N}]/u;

/** The tokens of a text in reading order (repeats kept, for term frequency), as `cut` finds the words. */
function tokensWith(cut: WordCutter, text: string): string[] {
  if (!text.trim()) return [];
  return cut(fold(text))
    .map((t) => t.trim())
    .filter((t) => t && t.length <= searchLimits.maxTermLength && meaningful.test(t) && !stopwords.has(t));
}

// --- 文号 -------------------------------------------------------------------------------

const open = "〔\\[(（【〖［﹝{｛<《";
const close = "〕\\])）】〗］﹞}｝>》";
/**
 * A 文号 as people type it: organ prefix, year (in any bracket or none), serial, 号.
 * Either a bracket or 号 must be there, so that "2019 82" in ordinary text is not a 文号.
 */
const docNumberPattern = new RegExp(
  `([\\p{sc=Han}A-Za-z]*)\\s*(?:[${open}]\\s*((?:19|20)\\d{2})\\s*[${close}]|((?:19|20)\\d{2}))\\s*第?\\s*(\\d{1,6})\\s*(号)?`,
  "gu",
);

type DocNumberMatch = { prefix: string; year: string; serial: number; start: number; end: number };

function docNumberMatches(text: string): DocNumberMatch[] {
  const folded = text.normalize("NFKC");
  const found: DocNumberMatch[] = [];
  for (const m of folded.matchAll(docNumberPattern)) {
    const [whole, prefix = "", bracketed, bare, serial, hao] = m;
    if (bare && !hao) continue;
    found.push({
      prefix,
      year: (bracketed ?? bare) as string,
      serial: Number(serial),
      start: m.index,
      end: m.index + whole.length,
    });
  }
  return found;
}

const canonical = (m: DocNumberMatch) => `${m.prefix}〔${m.year}〕${m.serial}号`;
/** The part of a 文号 that does not depend on how the organ is written: 〔2019〕82号. */
const serialTerm = (m: DocNumberMatch) => `〔${m.year}〕${m.serial}号`;

/** Every 文号 in a text written canonically, spaces removed: what an exact 文号 match compares. */
export function canonicalDocNumbers(text: string): string {
  let out = text.normalize("NFKC").replace(/\s+/g, "");
  for (const m of docNumberMatches(out).reverse())
    out = out.slice(0, m.start) + canonical(m) + out.slice(m.end);
  return out;
}

/**
 * One spelling for every way a 文号 is typed: 共府办发[2019]82号, (2019), （2019）, 【2019】,
 * 2019 without brackets, full-width digits, a leading zero in the serial: all become
 * 共府办发〔2019〕82号, the form of GB/T 9704. Text that is not a 文号 is only folded.
 */
export function normalizeDocNumber(text: string): string {
  const folded = text.normalize("NFKC").replace(/\s+/g, "");
  const [m] = docNumberMatches(folded);
  return m && m.start === 0 ? canonical(m) + folded.slice(m.end) : folded;
}

// --- indexing ----------------------------------------------------------------------------

/** The fields of a published item that search reads. */
export type SearchableItem = {
  title: string;
  body: string;
  docNumber?: string | undefined;
  summary?: string | undefined;
  keywords?: string[] | undefined;
};

/**
 * What ranking reads of a posting. The stored posting also carries the fields the list
 * filters name (unit, column, kind, category, validity), which DynamoDB filters on before
 * projecting only these, so a query moves a quarter of the bytes.
 */
export type Posting = {
  itemId: string;
  impact: number;
  firstPublishedAt: string;
  /** The normalized 文号, for the exact-match rank. */
  docNumber: string | null;
};

const fieldWeights = { title: 5, docNumber: 3, keywords: 3, summary: 2, body: 1 };
/** BM25's saturation and length normalization; the average length is a constant for the city's documents. */
const k1 = 1.2;
const b = 0.75;
const averageLength = 800;
/** A term in the title outranks the same term anywhere else, however often the body repeats it. */
const titleBonus = (k1 + 1) * 1.0;
/** A 文号's serial names one document per issuing organ: weighted like a title word. */
const serialImpact = 4;

/**
 * An item's terms, each with its impact: BM25's term-frequency part computed once at
 * indexing (fields weighted, title bonus added), so a query only multiplies by idf and sums.
 */
function indexTermsWith(cut: WordCutter, item: SearchableItem): Map<string, number> {
  const fields: [keyof typeof fieldWeights, string][] = [
    ["title", item.title],
    ["docNumber", item.docNumber ?? ""],
    ["keywords", (item.keywords ?? []).join(" ")],
    ["summary", item.summary ?? ""],
    ["body", stripHtml(item.body)],
  ];
  const weighted = new Map<string, number>();
  const inTitle = new Set<string>();
  let length = 0;
  for (const [field, text] of fields) {
    const tokens = tokensWith(cut, text);
    length += tokens.length;
    for (const token of tokens) {
      weighted.set(token, (weighted.get(token) ?? 0) + fieldWeights[field]);
      if (field === "title") inTitle.add(token);
    }
  }
  const norm = k1 * (1 - b + (b * length) / averageLength);
  const impacts = new Map<string, number>();
  for (const [term, tf] of weighted) {
    impacts.set(term, round((tf * (k1 + 1)) / (tf + norm) + (inTitle.has(term) ? titleBonus : 0)));
  }
  for (const m of docNumberMatches(item.docNumber ?? "")) impacts.set(serialTerm(m), serialImpact);
  const best = [...impacts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  return new Map(best.slice(0, searchLimits.maxTermsPerItem));
}

const round = (n: number) => Math.round(n * 1000) / 1000;

// --- querying ----------------------------------------------------------------------------

export type SearchQuery = {
  /** At most `maxQueryTerms`, most specific first. */
  terms: string[];
  /** The query with any 文号 in it written canonically: a posting whose 文号 it contains is an exact match. */
  docNumberText: string;
  /** What to highlight: every token of the query, 文号 included as typed in the index. */
  highlightTerms: string[];
};

function parseSearchQueryWith(cut: WordCutter, q: string): SearchQuery {
  const folded = q.normalize("NFKC").trim();
  const matches = docNumberMatches(folded);
  const serials = matches.map(serialTerm);
  // The organ prefix stays for the word terms; the year and serial are in the serial term.
  let words = folded;
  for (const m of [...matches].reverse())
    words = `${words.slice(0, m.start)}${m.prefix} ${words.slice(m.end)}`;
  const tokens = [...new Set(tokensWith(cut, words))];
  // Longer words are rarer and say more; the sort is stable, so ties keep the typed order.
  const byLength = [...tokens].sort((x, y) => y.length - x.length);
  const terms = [...new Set([...serials, ...byLength])].slice(0, searchLimits.maxQueryTerms);
  return { terms, docNumberText: canonicalDocNumbers(folded), highlightTerms: tokens };
}

/**
 * Tokens, index terms and query parsing, all with one segmenter: the index and the queries
 * must cut text the same way. The bench builds one per segmenter to compare them.
 */
export function searchAnalyzer(cut: WordCutter) {
  return {
    searchTokens: (text: string) => tokensWith(cut, text),
    indexTerms: (item: SearchableItem) => indexTermsWith(cut, item),
    parseSearchQuery: (q: string) => parseSearchQueryWith(cut, q),
  };
}

/** The analyzer the index is built with (ADR 0058). */
export const { searchTokens, indexTerms, parseSearchQuery } = searchAnalyzer(icuWords);

/** What one term's Query returned: the postings read, and whether they are all there are. */
export type TermPostings = {
  term: string;
  postings: Posting[];
  complete: boolean;
  documentFrequency: number;
};

export type RankedHit = { itemId: string; score: number; exactDocNumber: boolean; firstPublishedAt: string };

/** idf as BM25 has it, against a fixed city-scale collection size: only the ratio between terms matters. */
const collectionSize = 50_000;
const idf = (n: number) => Math.log(1 + (collectionSize - n + 0.5) / (n + 0.5));
const exactDocNumberBonus = 1_000;

/** The query names this 文号 in full (a bare "3号" is too short to be an exact match of anything). */
function isExactDocNumber(query: SearchQuery, docNumber: string | null): boolean {
  return !!docNumber && docNumber.length >= 5 && query.docNumberText.includes(docNumber);
}

/**
 * Ranks the documents the postings name. A term whose postings were cut off (more than one
 * read's worth) is too common to choose candidates when a rarer term was read in full: it
 * only adds to the score of documents the rare terms found. An exact 文号 ranks first.
 * Ties go to the newer publication, then the id, so paging over the ranking is stable.
 */
export function rankPostings(query: SearchQuery, results: TermPostings[]): RankedHit[] {
  const selective = results.filter((r) => r.complete && r.postings.length > 0);
  const choosers = selective.length > 0 ? selective : results;
  const candidates = new Set(choosers.flatMap((r) => r.postings.map((p) => p.itemId)));
  const hits = new Map<string, RankedHit>();
  for (const result of results) {
    const weight = idf(result.documentFrequency);
    for (const p of result.postings) {
      if (!candidates.has(p.itemId)) continue;
      let hit = hits.get(p.itemId);
      if (!hit) {
        const exactDocNumber = isExactDocNumber(query, p.docNumber);
        hit = {
          itemId: p.itemId,
          score: exactDocNumber ? exactDocNumberBonus : 0,
          exactDocNumber,
          firstPublishedAt: p.firstPublishedAt,
        };
        hits.set(p.itemId, hit);
      }
      hit.score += weight * p.impact;
    }
  }
  return [...hits.values()]
    .map((h) => ({ ...h, score: round(h.score) }))
    .sort(
      (x, y) =>
        y.score - x.score ||
        (x.firstPublishedAt < y.firstPublishedAt ? 1 : x.firstPublishedAt > y.firstPublishedAt ? -1 : 0) ||
        (x.itemId < y.itemId ? -1 : 1),
    );
}

// --- highlighting ----------------------------------------------------------------------------

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

// Inline tags sit inside a word (<strong>生活</strong>垃圾); block tags separate text.
const inlineTag = /<\/?(?:a|b|strong|em|i|u|s|sub|sup|span|code)\b[^>]*>/gi;

/** The text of a (sanitized) body: block tags become spaces, entities their characters, runs of space one. */
export function stripHtml(html: string): string {
  return html
    .replace(inlineTag, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
      if (name[0] === "#") {
        const code =
          name[1]?.toLowerCase() === "x" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
      }
      return entities[name.toLowerCase()] ?? all;
    })
    .replace(/\s+/g, " ")
    .trim();
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function termPattern(terms: string[]): RegExp | null {
  const usable = [...new Set(terms)].filter(Boolean).sort((x, y) => y.length - x.length);
  return usable.length ? new RegExp(usable.map(escapeRegExp).join("|"), "gi") : null;
}

/**
 * Plain text as safe HTML with every matched term wrapped in <em>: the text is escaped,
 * so the only markup in the answer is ours. Longer terms win where terms overlap.
 */
export function highlight(text: string, terms: string[]): string {
  const pattern = termPattern(terms);
  if (!pattern) return escapeHtml(text);
  let out = "";
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    out += `${escapeHtml(text.slice(last, m.index))}<em>${escapeHtml(text.slice(m.index, m.index + m[0].length))}</em>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/**
 * A window of the body's text around its first matched term, highlighted; the start of the
 * text when no term occurs in it (the match was in the title or 文号).
 */
export function snippet(html: string, terms: string[], width = 120): string {
  const text = stripHtml(html);
  const pattern = termPattern(terms);
  const first = pattern ? text.search(pattern) : -1;
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(width / 4));
  const window = text.slice(start, start + width);
  return `${start > 0 ? "…" : ""}${highlight(window, terms)}${start + width < text.length ? "…" : ""}`;
}

/** The title and 文号 highlighted, and a body snippet: what a search result shows. */
export function searchHighlights(item: SearchableItem, query: SearchQuery) {
  const terms = [...query.highlightTerms];
  const docNumber = item.docNumber ?? "";
  const exact = docNumber && isExactDocNumber(query, normalizeDocNumber(docNumber));
  return {
    title: highlight(item.title, terms),
    docNumber: docNumber ? (exact ? `<em>${escapeHtml(docNumber)}</em>` : highlight(docNumber, terms)) : null,
    body: snippet(item.body, terms),
  };
}
