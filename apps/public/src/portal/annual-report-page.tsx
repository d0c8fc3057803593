/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { raw } from "hono/html";
import { portalBase } from "./paths.ts";

/** The years with a report: from the platform's first year to the current one. */
export function AnnualReportIndex(props: { years: number[] }) {
  return (
    <>
      <h1>政府信息公开工作年度报告</h1>
      <ul>
        {props.years.map((y) => (
          <li>
            <a href={`${portalBase}/reports/annual/${y}`}>{y}年度报告</a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The report's own HTML (every text escaped where it was made) inside the portal's frame. */
export function AnnualReportPage(props: { fragment: string; year: number }) {
  return (
    <>
      <div class="annual-report">{raw(props.fragment)}</div>
      <p>
        <a href={`${portalBase}/v1/reports/annual/${props.year}?format=md`}>下载Markdown</a> ·{" "}
        <a href={`${portalBase}/reports/annual`}>其他年度</a>
      </p>
    </>
  );
}
