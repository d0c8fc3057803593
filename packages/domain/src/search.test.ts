import { describe, expect, it } from "vitest";
import {
  highlight,
  indexTerms,
  normalizeDocNumber,
  type Posting,
  parseSearchQuery,
  rankPostings,
  searchLimits,
  searchTokens,
  snippet,
  stripHtml,
  type TermPostings,
} from "./search.ts";

describe("normalizeDocNumber: one spelling for every way a 文号 is typed", () => {
  const canonical = "共府办发〔2019〕82号";
  it.each([
    "共府办发〔2019〕82号",
    "共府办发[2019]82号",
    "共府办发(2019)82号",
    "共府办发（2019）82号",
    "共府办发【2019】82号",
    "共府办发〖2019〗82号",
    "共府办发［２０１９］８２号",
    "共府办发2019 82号",
    "共府办发201982号",
    "共府办发〔2019〕082号",
    " 共府办发 〔 2019 〕 82 号 ",
  ])("%s → 共府办发〔2019〕82号", (typed) => {
    expect(normalizeDocNumber(typed)).toBe(canonical);
  });

  it("leaves a number that is not in the organ-year-serial form as typed, only folded", () => {
    expect(normalizeDocNumber("共青城市人民政府令 第3号")).toBe("共青城市人民政府令第3号");
  });
});

describe("parseSearchQuery", () => {
  it("turns a 文号 in any bracket style into the same serial term, keeping the organ's words", () => {
    for (const q of ["共府办发[2019]82号", "共府办发（2019）82号", "共府办发2019 82号"]) {
      const query = parseSearchQuery(q);
      expect(query.terms[0]).toBe("〔2019〕82号");
      // ICU knows no organ abbreviation: 共府办发 becomes its bigrams, as it does in the index.
      expect(query.terms).toEqual(expect.arrayContaining(["共府", "府办", "办发"]));
      expect(query.terms.slice(1).some((t) => /\d/.test(t))).toBe(false);
      expect(query.docNumberText).toBe("共府办发〔2019〕82号");
    }
  });

  it("drops stopwords and punctuation and keeps at most the term cap, longest words first", () => {
    const query = parseSearchQuery("关于的、农村生活垃圾治理和城市公共交通运营补贴资金管理办法的实施细则！");
    expect(query.terms).not.toContain("的");
    expect(query.terms).not.toContain("、");
    expect(query.terms.length).toBe(searchLimits.maxQueryTerms);
    const lengths = query.terms.map((t) => t.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });

  it("a query of only punctuation and stopwords has no terms", () => {
    expect(parseSearchQuery("的，了！").terms).toEqual([]);
  });
});

describe("searchTokens: ICU's dictionary words (ADR 0058)", () => {
  it("cuts a title into its dictionary words, folds full-width Latin and case", () => {
    expect(searchTokens("城区停车管理办法ＡＢＣ")).toEqual(["城区", "停车", "管理", "办法", "abc"]);
  });

  it("a word ICU does not know becomes the bigrams of its characters, so it is found as itself", () => {
    expect(searchTokens("秸秆禁烧工作方案")).toEqual(["秸秆", "秆禁", "禁烧", "工作", "方案"]);
    expect(parseSearchQuery("秸秆").terms).toEqual(["秸秆"]);
    expect(parseSearchQuery("绕城线").terms).toEqual(["绕城", "城线"]);
  });

  it("a stopword ends a run of unknown characters instead of joining a bigram", () => {
    expect(searchTokens("推进秸秆综合利用和禁烧巡查")).toEqual([
      "推进",
      "秸秆",
      "综合",
      "利用",
      "禁烧",
      "巡查",
    ]);
  });

  it("drops punctuation and stopwords, keeps numbers", () => {
    expect(searchTokens("关于2019年“三公”经费的说明")).toEqual(["关于", "2019", "三公", "经费", "说明"]);
  });
});

describe("a 文号 typed in any bracket style finds its item, first and as an exact match", () => {
  // Index two items as the store does (term → postings from indexTerms) and rank a query's
  // terms against them: the other organ's 82号 shares the serial but is not the exact match.
  const items = [
    { id: "itm_right", title: "共青城市城区停车管理办法", docNumber: "共府办发〔2019〕82号" },
    { id: "itm_other", title: "共青城市社会救助暂行办法", docNumber: "共府发〔2019〕82号" },
    { id: "itm_plain", title: "共府办发文件目录", docNumber: undefined },
  ];
  const postings = new Map<string, Posting[]>();
  for (const item of items)
    for (const [term, impact] of indexTerms({ ...item, body: "" })) {
      const docNumber = item.docNumber ? normalizeDocNumber(item.docNumber) : null;
      postings.set(term, [...(postings.get(term) ?? []), posting(item.id, impact, { docNumber })]);
    }
  it.each([
    "共府办发〔2019〕82号",
    "共府办发[2019]82号",
    "共府办发(2019)82号",
    "共府办发（2019）82号",
    "共府办发【2019】82号",
    "共府办发［２０１９］８２号",
    "共府办发2019 82号",
  ])("%s", (typed) => {
    const query = parseSearchQuery(typed);
    const ranked = rankPostings(
      query,
      query.terms.map((t) => read(t, postings.get(t) ?? [])),
    );
    expect(ranked[0]).toMatchObject({ itemId: "itm_right", exactDocNumber: true });
    expect(ranked.find((h) => h.itemId === "itm_other")?.exactDocNumber).toBe(false);
  });
});

describe("indexTerms: each term's precomputed impact", () => {
  it("a word in the title outweighs the same word repeated in the body", () => {
    const terms = indexTerms({
      title: "垃圾分类实施方案",
      body: `<p>${"公交补贴".repeat(30)}</p>`,
    });
    expect(terms.get("垃圾")).toBeGreaterThan(terms.get("补贴") as number);
  });

  it("a 文号 is indexed by its bracket-free serial term", () => {
    const terms = indexTerms({ title: "通知", body: "", docNumber: "共府办发【2019】082号" });
    expect(terms.has("〔2019〕82号")).toBe(true);
  });

  it("an item writes at most the per-item term cap", () => {
    const body = Array.from({ length: 4000 }, (_, i) => `词${i}号文`).join("，");
    expect(indexTerms({ title: "长文", body }).size).toBeLessThanOrEqual(searchLimits.maxTermsPerItem);
  });
});

const posting = (itemId: string, impact: number, extra: Partial<Posting> = {}): Posting => ({
  itemId,
  impact,
  firstPublishedAt: "2026-01-01T00:00:00.000Z",
  docNumber: null,
  ...extra,
});
const read = (term: string, postings: Posting[], complete = true, df = postings.length): TermPostings => ({
  term,
  postings,
  complete,
  documentFrequency: df,
});

describe("rankPostings", () => {
  it("an exact 文号 match ranks first, above any word score", () => {
    const query = parseSearchQuery("共府办发(2019)82号");
    const ranked = rankPostings(query, [
      read("〔2019〕82号", [
        posting("itm_a", 4, { docNumber: "共府办发〔2019〕82号" }),
        posting("itm_b", 4, { docNumber: "共府发〔2019〕82号" }),
      ]),
      read("办发", [posting("itm_b", 9), posting("itm_c", 9)]),
    ]);
    expect(ranked[0]).toMatchObject({ itemId: "itm_a", exactDocNumber: true });
  });

  it("a rare term chooses the candidates; a cut-off common term only adds to their score", () => {
    const query = parseSearchQuery("垃圾 通知");
    const ranked = rankPostings(query, [
      read("垃圾", [posting("itm_a", 1)]),
      read("通知", [posting("itm_a", 1), posting("itm_z", 5)], false, 200),
    ]);
    expect(ranked.map((h) => h.itemId)).toEqual(["itm_a"]);
    expect(ranked[0]?.score).toBeGreaterThan(
      rankPostings(query, [read("垃圾", [posting("itm_a", 1)])])[0]?.score as number,
    );
  });

  it("equal scores go newest first, then by id, so the order is stable between pages", () => {
    const query = parseSearchQuery("垃圾");
    const ranked = rankPostings(query, [
      read("垃圾", [
        posting("itm_b", 1),
        posting("itm_a", 1),
        posting("itm_c", 1, { firstPublishedAt: "2026-02-01T00:00:00.000Z" }),
      ]),
    ]);
    expect(ranked.map((h) => h.itemId)).toEqual(["itm_c", "itm_a", "itm_b"]);
  });
});

describe("highlighting", () => {
  it("wraps every matched term in <em> and escapes everything else", () => {
    expect(highlight("垃圾<分类>与垃圾", ["垃圾"])).toBe("<em>垃圾</em>&lt;分类&gt;与<em>垃圾</em>");
  });

  it("prefers the longer term where terms overlap", () => {
    expect(highlight("共青城市", ["共青", "共青城"])).toBe("<em>共青城</em>市");
  });

  it("a snippet is a window of the body's text around the first match, tags stripped", () => {
    const body = `<p>${"前言".repeat(100)}</p><p>第三条 <strong>生活垃圾</strong>应当分类投放。</p><p>${"附则".repeat(100)}</p>`;
    const s = snippet(body, ["垃圾"]);
    expect(s).toMatch(/^…/);
    expect(s).toContain("生活<em>垃圾</em>应当分类投放");
    expect(s).not.toContain("<strong>");
    expect(s).toMatch(/…$/);
  });

  it("stripHtml keeps the text and decodes entities", () => {
    expect(stripHtml("<p>甲 &lt; 乙&nbsp;&amp;&#20025;</p><p>丁</p>")).toBe("甲 < 乙 &丹 丁");
  });
});
