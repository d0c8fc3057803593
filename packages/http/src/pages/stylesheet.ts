import { createHash } from "node:crypto";
import type { Context } from "hono";
import { displayOf } from "./reading-mode.ts";

/**
 * The pages' stylesheet (the portal's and the console's), served by each app itself (no
 * inline style, so the pages' CSP holds).
 * Colours meet WCAG AA on their backgrounds (body text 12.6:1, links 7.2:1); sizes are in rem,
 * so the browser's text size and a 200% zoom reflow rather than clip (GB/T 37668-2019).
 */
export const pagesCss = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;line-height:1.6;-webkit-text-size-adjust:100%}
body{margin:0;font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:#1f1f1f;background:#fff}
a{color:#0b4f9c}
a:hover{color:#06315f}
:focus-visible{outline:3px solid #d35400;outline-offset:2px}
.skip-link{position:absolute;left:-999em;top:0;padding:.5rem 1rem;background:#06315f;color:#fff;z-index:10}
.skip-link:focus{left:0}
.site-header{background:#8c1515;color:#fff;padding:.75rem 1rem}
.site-header a{color:#fff}
.site-name{margin:0;font-size:1.5rem}
.site-name a{text-decoration:none}
.site-nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:.5rem 0 0;padding:0}
.display-form{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0 0}
.display-form button{font:inherit;padding:.25rem .75rem;border:1px solid #fff;background:#6d1010;color:#fff;cursor:pointer}
main{max-width:72rem;margin:0 auto;padding:1rem}
.site-footer{border-top:1px solid #767676;padding:1rem;text-align:center;font-size:.875rem}
h1{font-size:1.75rem;line-height:1.3}
h2{font-size:1.375rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #767676;padding:.4rem .6rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}
.metadata th{width:9rem;white-space:nowrap}
.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end;margin:1rem 0}
.filters label,.form-field label{display:block;font-weight:bold}
input,select,textarea,button{font:inherit}
input,select,textarea{border:1px solid #595959;padding:.3rem .4rem;max-width:100%}
textarea{width:100%;min-height:8rem}
.form-field{margin:0 0 1rem}
.form-field label.checkbox{font-weight:normal}
.hint{color:#4a4a4a;margin:.25rem 0}
.field-error{color:#a10000;font-weight:bold}
.notice{border-left:4px solid #0b4f9c;background:#eef4fb;padding:.75rem 1rem}
.error-summary{border:3px solid #a10000;padding:.75rem 1rem}
.honeypot{position:absolute;left:-999em}
.item-list{list-style:none;padding:0}
.item-list li{border-bottom:1px solid #d0d0d0;padding:.5rem 0}
.meta{color:#4a4a4a;font-size:.875rem}
.column-tree ul{list-style:none;padding-left:1.25rem}
.column-tree>ul{padding-left:0}
.tombstone{border:3px solid #767676;padding:1rem}
.search-results em{font-style:normal;background:#ffe08a;color:#1f1f1f}
.pager{display:flex;gap:1rem;margin:1rem 0}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.secret{font-family:monospace;font-size:1.25rem;word-break:break-all}
`;

/**
 * What the larger-text and high-contrast modes add: a small second stylesheet chosen by the
 * visitor's cookie, so the pages themselves stay the same for everyone and remain cacheable.
 */
export function displayCss(display: { large: boolean; contrast: boolean }): string {
  return [
    display.large ? "html{font-size:125%}body{line-height:1.8}.display-large{text-decoration:underline}" : "",
    display.contrast
      ? "body,main,.site-footer{background:#000;color:#fff}a,a:hover{color:#ffeb3b}th{background:#1a1a1a;color:#fff}th,td{border-color:#fff}.site-header{background:#000;border-bottom:2px solid #fff}.notice{background:#000;border-color:#ffeb3b}.search-results em{background:#ffeb3b;color:#000}.meta{color:#e0e0e0}input,select,textarea{background:#000;color:#fff;border-color:#fff}.display-contrast{text-decoration:underline}"
      : "",
  ].join("\n");
}

/** A stylesheet that changes with a deploy only: cached an hour, revalidated by a hash of its text. */
export function stylesheetRoute(css: string) {
  const etag = `"${createHash("sha1").update(css).digest("base64url").slice(0, 16)}"`;
  return (c: Context) => {
    if (c.req.header("if-none-match") === etag) return c.body(null, 304);
    return c.body(css, 200, {
      "content-type": "text/css; charset=utf-8",
      "cache-control": "public, max-age=3600",
      etag,
    });
  };
}

/** The reading mode is the visitor's own: a private answer, asked again on each page (it is tiny). */
export const displayStylesheetRoute = (c: Context) =>
  c.body(displayCss(displayOf(c)), 200, {
    "content-type": "text/css; charset=utf-8",
    "cache-control": "private, no-cache",
    vary: "Cookie",
  });
