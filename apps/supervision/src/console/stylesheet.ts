import { pagesCss } from "@gov/http";

/**
 * The console's stylesheet: the pages' own (the portal's) and what only the console draws, the
 * board's counts and the timeliness chart. The chart's three colours each meet 3:1 against white
 * (WCAG 1.4.11) and every bar is also labelled with its number, so colour is never the only cue; the chart keeps
 * its white ground in the high-contrast mode, where its dark text would otherwise vanish.
 */
export const consoleCss = `${pagesCss}
.sign-out{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0 0}
.sign-out button{font:inherit;padding:.25rem .75rem;border:1px solid #fff;background:#6d1010;color:#fff;cursor:pointer}
.sign-in{max-width:32rem}
.sign-in input{width:100%}
.primary{font:inherit;padding:.4rem 1.25rem;border:1px solid #06315f;background:#0b4f9c;color:#fff;cursor:pointer}
.board td.count{text-align:right}
.overdue{color:#a10000;font-weight:bold}
.chart{max-width:100%;height:auto;border:1px solid #d0d0d0;background:#fff}
.chart text{font-size:13px;fill:#1f1f1f}
.bar-on-time{fill:#1e6b30}
.bar-overdue{fill:#a10000}
.bar-extended{fill:#8a5a00}
.legend{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}
.swatch{display:inline-block;width:1rem;height:1rem;margin-right:.25rem;vertical-align:middle;border:1px solid #1f1f1f}
.swatch-on-time{background:#1e6b30}
.swatch-overdue{background:#a10000}
.swatch-extended{background:#8a5a00}
`;
