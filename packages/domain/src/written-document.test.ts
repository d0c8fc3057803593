import { describe, expect, it } from "vitest";
import { blocksMarkdown, htmlPage, markdownText } from "./written-document.ts";

describe("user text in a written document's Markdown stays text (ADR 0040)", () => {
  it("HTML becomes entities and inline markup is escaped", () => {
    expect(markdownText("<script>alert(1)</script> & <b>")).toBe(
      "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;",
    );
    expect(markdownText("*粗体* _斜体_ `代码` [链接](http://x) ![图](y) ~~删~~ a|b \\")).toBe(
      "\\*粗体\\* \\_斜体\\_ \\`代码\\` \\[链接\\](http://x) !\\[图\\](y) \\~\\~删\\~\\~ a\\|b \\\\",
    );
  });

  it("cannot open a block: line breaks fold into a space and a leading marker is escaped", () => {
    expect(markdownText("第一行\n# 标题\r\n- 列表")).toBe("第一行 # 标题 - 列表");
    for (const [text, escaped] of [
      ["# 标题", "\\# 标题"],
      ["- 列表", "\\- 列表"],
      ["+ 列表", "\\+ 列表"],
      ["===", "\\==="],
      ["> 引用", "&gt; 引用"],
      ["1. 编号", "1\\. 编号"],
      ["2) 编号", "2\\) 编号"],
      ["    缩进代码", "缩进代码"],
    ]) {
      expect(markdownText(text as string), text).toBe(escaped);
    }
  });

  it("leaves ordinary Chinese text, dates and figures as they are", () => {
    for (const text of [
      "一、考评结果",
      "2020-01-06",
      "88%",
      "92.5",
      "（指标2）：佐证不足；当前退回重改",
      "—",
    ]) {
      expect(markdownText(text)).toBe(text);
    }
  });

  it("a table cell with a pipe or a line break stays one cell of one row", () => {
    const md = blocksMarkdown(
      "标题",
      [{ type: "table", head: ["单位", "说明"], rows: [["财政局", "甲|乙\n丙"]] }],
      [],
    );
    expect(md).toContain("| 财政局 | 甲\\|乙 丙 |");
  });

  it("the HTML page escapes its title as the fragment escapes its text", () => {
    expect(htmlPage("<b>通报</b>", "<p>x</p>")).toContain("<title>&lt;b&gt;通报&lt;/b&gt;</title>");
  });
});
