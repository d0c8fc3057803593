import { createRequire } from "node:module";
import { icuWords, type WordCutter } from "@gov/domain";
import type { Jieba } from "@node-rs/jieba";

/**
 * The segmenters compared, each as the domain's `WordCutter`: the bench owns its own jieba
 * (a devDependency) so the comparison can be re-run whichever one the domain uses.
 */

const load = createRequire(import.meta.url);
let jieba: Jieba | undefined;

/** jieba 2 (Rust, @node-rs) in search mode with its bundled dictionary, as the domain used it before ADR 0058. */
export const jiebaSearch: WordCutter = (folded) => {
  if (!jieba) {
    const { Jieba: Segmenter } = load("@node-rs/jieba") as typeof import("@node-rs/jieba");
    const { dict } = load("@node-rs/jieba/dict.js") as typeof import("@node-rs/jieba/dict.js");
    jieba = Segmenter.withDict(dict);
  }
  return jieba.cutForSearch(folded, true);
};

let intl: Intl.Segmenter | undefined;

/** Node's ICU word breaker as it comes (its Chinese dictionary is part of full-icu), word-like segments only. */
export const intlWords: WordCutter = (folded) => {
  intl ??= new Intl.Segmenter("zh", { granularity: "word" });
  const words: string[] = [];
  for (const s of intl.segment(folded)) if (s.isWordLike) words.push(s.segment);
  return words;
};

/** The domain's cutter since ADR 0058: ICU's words, unknown words as bigrams of their characters. */
export const domainCutter = "Intl.Segmenter + bigrams";

export const cutters: Record<string, WordCutter> = {
  jieba: jiebaSearch,
  "Intl.Segmenter": intlWords,
  [domainCutter]: icuWords,
};

/**
 * What loading a segmenter and cutting one sentence costs a fresh process: run by
 * `node --input-type=module -e` with the bench folder as the working directory.
 */
export const coldLoadScripts: Record<string, string> = {
  jieba: `
    import { createRequire } from "node:module";
    const require = createRequire(process.cwd() + "/package.json");
    const before = process.memoryUsage();
    const t0 = performance.now();
    const { Jieba } = require("@node-rs/jieba");
    const { dict } = require("@node-rs/jieba/dict.js");
    const j = Jieba.withDict(dict);
    const words = j.cutForSearch("共青城市人民政府办公室关于印发城区停车管理办法的通知", true);
    report(t0, before, words);`,
  "Intl.Segmenter": `
    const before = process.memoryUsage();
    const t0 = performance.now();
    const s = new Intl.Segmenter("zh", { granularity: "word" });
    const words = [...s.segment("共青城市人民政府办公室关于印发城区停车管理办法的通知")].filter((x) => x.isWordLike);
    report(t0, before, words);`,
};

export const coldLoadPrelude = `
  function report(t0, before, words) {
    const ms = performance.now() - t0;
    const after = process.memoryUsage();
    console.log(JSON.stringify({ ms, rss: after.rss - before.rss, external: after.external - before.external, words: words.length }));
  }`;
