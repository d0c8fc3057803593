import { describe, expect, it } from "vitest";
import { sanitizeBody } from "./html.ts";

/** A body as a department pastes it: title, numbered articles, a table with merged cells. */
const document = [
  "<h1>共青城市人民政府关于印发《政府信息公开工作实施办法》的通知</h1>",
  "<h2>第一章 总则</h2>",
  "<p><strong>第一条</strong> 为了保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》，制定本办法。</p>",
  '<ol start="2"><li>主动公开</li><li>依申请公开<sup>注</sup></li></ol>',
  "<table><caption>2025年政府信息公开情况统计表</caption>",
  '<thead><tr><th rowspan="2" scope="col">项目</th><th colspan="2" scope="col">件数</th></tr>',
  "<tr><th>本年</th><th>上年</th></tr></thead>",
  '<tbody><tr><td>主动公开</td><td>1528</td><td>1402</td></tr><tr><td colspan="3">合计以统计年报为准</td></tr></tbody></table>',
  '<p>详见<a href="https://www.gov.cn/zhengce/" target="_blank" rel="noopener noreferrer">中国政府网</a>、',
  '<a href="/xxgk/2025/1.html">本网站专栏</a>或来信<a href="mailto:gk@example.gov.cn">公开办</a>。</p>',
  '<p><img src="https://www.gov.cn/images/gtx.png" alt="国徽" width="120" height="120" /><br />',
  "<em>附件</em>：<u>申请表</u>（<s>旧版</s>）H<sub>2</sub>O</p><hr />",
  "<blockquote><span>共青城市人民政府</span></blockquote><div><pre><code>000014349/2025-1528049</code></pre></div>",
].join("");

describe("sanitizeBody: ordinary government document HTML", () => {
  it("keeps headings, lists, links, images and a table with merged cells (合并单元格) unchanged", () => {
    expect(sanitizeBody(document)).toBe(document);
  });

  it("keeps Chinese text and escapes markup-like characters in text rather than dropping them", () => {
    expect(sanitizeBody("<p>甲 < 乙 & 丙</p>")).toBe("<p>甲 &lt; 乙 &amp; 丙</p>");
  });
});

describe("sanitizeBody: attack vectors are removed", () => {
  it("removes <script> and its content", () => {
    expect(sanitizeBody("<p>前<script>alert(1)</script>后</p>")).toBe("<p>前后</p>");
  });

  it("removes <style> elements with their rules", () => {
    expect(sanitizeBody("<style>body{display:none}</style><p>正文</p>")).toBe("<p>正文</p>");
  });

  it("removes event handlers such as onerror and onclick, keeping the element", () => {
    expect(sanitizeBody('<img src="https://www.gov.cn/a.png" onerror="alert(1)" alt="图" />')).toBe(
      '<img src="https://www.gov.cn/a.png" alt="图" />',
    );
    expect(sanitizeBody('<p onclick="alert(1)" onmouseover="alert(2)">正文</p>')).toBe("<p>正文</p>");
  });

  it("removes javascript: links however spelt: mixed case, entity-encoded, with a tab or leading space", () => {
    for (const href of [
      "JaVaScRiPt:alert(1)",
      "&#106;&#97;vascript&#58;alert(1)",
      "&#x6A;avascript:alert(1)",
      "java&#x09;script:alert(1)",
      " javascript:alert(1)",
    ]) {
      const out = sanitizeBody(`<a href="${href}">链接</a>`);
      expect(out, href).toBe("<a>链接</a>");
    }
  });

  it("removes vbscript: and data: links", () => {
    expect(sanitizeBody('<a href="vbscript:msgbox(1)">链接</a>')).toBe("<a>链接</a>");
    expect(sanitizeBody('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">链接</a>')).toBe(
      "<a>链接</a>",
    );
  });

  it("removes protocol-relative links, which leave the portal while looking relative", () => {
    expect(sanitizeBody('<a href="//evil.example.com/">链接</a>')).toBe("<a>链接</a>");
  });

  it("removes <svg> with its onload and everything inside", () => {
    expect(
      sanitizeBody('<svg onload="alert(1)"><script>alert(2)</script><text>x</text></svg><p>正文</p>'),
    ).toBe("<p>正文</p>");
  });

  it("removes <iframe>, including markup smuggled inside it", () => {
    expect(
      sanitizeBody('<iframe src="https://evil.example.com"><img src=x onerror=alert(1)></iframe><p>正文</p>'),
    ).toBe("<p>正文</p>");
  });

  it("removes style and class attributes", () => {
    expect(sanitizeBody('<p style="position:fixed;top:0" class="banner">正文</p>')).toBe("<p>正文</p>");
  });

  it("drops images whose source is data:, javascript: or not an absolute http(s) URL", () => {
    for (const src of [
      "data:image/png;base64,iVBORw0KGgo=",
      "javascript:alert(1)",
      "/uploads/a.png",
      "//cdn.example.com/a.png",
    ]) {
      expect(sanitizeBody(`<p>前<img src="${src}" alt="图" />后</p>`), src).toBe("<p>前后</p>");
    }
  });

  it("removes forms, objects and embeds", () => {
    expect(
      sanitizeBody(
        '<form action="https://evil.example.com"><input name="pw" /></form><object data="x"></object><embed src="x" /><p>正文</p>',
      ),
    ).toBe("<p>正文</p>");
  });
});

describe("sanitizeBody: links opening a new tab", () => {
  it('adds rel="noopener noreferrer" to target="_blank", replacing whatever rel was given', () => {
    expect(sanitizeBody('<a href="https://www.gov.cn" target="_BLANK" rel="opener">中国政府网</a>')).toBe(
      '<a href="https://www.gov.cn" target="_blank" rel="noopener noreferrer">中国政府网</a>',
    );
  });

  it("drops other targets and a rel without target", () => {
    expect(sanitizeBody('<a href="https://www.gov.cn" target="_self" rel="opener">中国政府网</a>')).toBe(
      '<a href="https://www.gov.cn">中国政府网</a>',
    );
  });
});
