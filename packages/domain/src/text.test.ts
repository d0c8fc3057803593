import { describe, expect, it } from "vitest";
import { textIssue } from "./text.ts";

describe("issue 12 #11 the text rule: one rule for every text field", () => {
  it.each([
    ["NUL", "标题\u0000", "控制字符（U+0000）"],
    ["an ESC sequence", "\u001b[31m红色\u001b[0m", "控制字符（U+001B）"],
    ["another C0 control", "a\u000bb", "控制字符（U+000B）"],
    ["DEL", "a\u007f", "控制字符（U+007F）"],
    ["a C1 control", "a\u0085b", "控制字符（U+0085）"],
    ["a lone high surrogate", "a\ud800b", "孤立的代理码元（U+D800）"],
    ["a lone low surrogate", "\udc00", "孤立的代理码元（U+DC00）"],
    ["the right-to-left override", "txt.\u202Eexe", "双向文本控制符（U+202E）"],
    ["an embedding", "\u202Aa", "双向文本控制符（U+202A）"],
    ["an isolate", "a\u2067b\u2069", "双向文本控制符（U+2067）"],
    ["a noncharacter", "a\uFDD0", "非字符码位（U+FDD0）"],
    ["U+FFFF", "\uFFFF", "非字符码位（U+FFFF）"],
    ["a supplementary noncharacter", "\u{10FFFF}", "非字符码位（U+10FFFF）"],
  ])("refuses %s, naming the character", (_what, text, message) => {
    expect(textIssue(text)).toBe(`含有不允许的${message}`);
  });

  it("names the first offending character when there are several", () => {
    expect(textIssue("a\u202Eb\u0000")).toBe("含有不允许的双向文本控制符（U+202E）");
  });

  it.each([
    [
      "CJK punctuation and brackets",
      "关于《共青城市停车管理办法》的意见：一、二；（三）“引号”〔2026〕1号……——",
    ],
    ["full-width forms", "ＡＢＣ１２３！？％"],
    ["the ideographic space", "第一条\u3000总则"],
    ["emoji, as valid surrogate pairs and with joiners", "👍 👨‍👩‍👧 🇨🇳"],
    ["tab, line feed and carriage return", "第一段\r\n第二段\t完"],
    ["Latin with accents, Tibetan, Uyghur (Arabic script)", "Café བོད་ཡིག ئۇيغۇرچە"],
    ["the empty string", ""],
  ])("keeps %s", (_what, text) => {
    expect(textIssue(text)).toBeUndefined();
  });
});
