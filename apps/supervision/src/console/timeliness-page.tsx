/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { UnitTimeliness } from "@gov/core";
import { consoleBase } from "./paths.ts";

const series = [
  ["onTime", "按时办结", "on-time"],
  ["overdue", "逾期", "overdue"],
  ["extended", "延期", "extended"],
] as const;

const labelWidth = 200;
const barHeight = 16;
const rowGap = 14;
const chartWidth = 720;

/**
 * The chart as inline SVG (no script, no image request): per unit three bars, each labelled
 * with its number. It is one image to assistive technology (role="img" with its <title> and a
 * description); the same numbers follow in a table, which is what a screen reader reads.
 */
export function TimelinessChart(props: { year: number; units: UnitTimeliness[] }) {
  const most = Math.max(1, ...props.units.flatMap((u) => [u.onTime, u.overdue, u.extended]));
  const scale = (chartWidth - labelWidth - 60) / most;
  const rowHeight = barHeight * series.length + rowGap;
  const height = rowHeight * props.units.length + rowGap;
  const total = (key: (typeof series)[number][0]) => props.units.reduce((sum, u) => sum + u[key], 0);
  return (
    <svg
      class="chart"
      role="img"
      aria-labelledby="chart-title chart-desc"
      viewBox={`0 0 ${chartWidth} ${height}`}
      width={chartWidth}
      height={height}
    >
      <title id="chart-title">{`${props.year}年各单位依申请公开办理时效`}</title>
      <desc id="chart-desc">
        {`共${props.units.length}个单位：按时办结${total("onTime")}件，逾期${total("overdue")}件，延期${total("extended")}件。各单位数字见下表。`}
      </desc>
      {props.units.map((unit, row) => {
        const top = rowGap + row * rowHeight;
        return (
          <g>
            <text x={0} y={top + barHeight * 1.5 + 4}>
              {unit.unitName}
            </text>
            {series.map(([key, , css], i) => {
              const y = top + i * barHeight;
              const width = Math.round(Math.max(unit[key] * scale, unit[key] > 0 ? 2 : 0) * 10) / 10;
              return (
                <>
                  <rect class={`bar-${css}`} x={labelWidth} y={y + 1} width={width} height={barHeight - 2} />
                  <text x={labelWidth + width + 6} y={y + barHeight - 4}>
                    {unit[key]}
                  </text>
                </>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

/** The timeliness page: the year's chart, its legend and the same numbers as a table. */
export function TimelinessPage(props: { year: number; asOf: string; units: UnitTimeliness[] }) {
  return (
    <>
      <h1>依申请公开办理时效</h1>
      <form class="filters" method="get" action={`${consoleBase}/timeliness`}>
        <div>
          <label for="year">年度</label>
          <input id="year" name="year" type="number" min={2008} max={2100} value={String(props.year)} />
        </div>
        <button type="submit">查看</button>
      </form>
      <p>
        {props.year}年，统计截至 {props.asOf}
        。按时、逾期按《政府信息公开条例》第三十三条的答复期限（含延期）判断，延期为当年批准延长答复期限的件数。
      </p>
      {props.units.length === 0 ? (
        <p>该年度没有依申请公开记录。</p>
      ) : (
        <>
          <ul class="legend" aria-hidden="true">
            {series.map(([, label, css]) => (
              <li>
                <span class={`swatch swatch-${css}`} />
                {label}
              </li>
            ))}
          </ul>
          <TimelinessChart year={props.year} units={props.units} />
          <table class="timeliness">
            <caption>{props.year}年各单位办理时效（件）</caption>
            <thead>
              <tr>
                <th scope="col">单位</th>
                {series.map(([, label]) => (
                  <th scope="col">{label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.units.map((unit) => (
                <tr>
                  <th scope="row">{unit.unitName}</th>
                  {series.map(([key]) => (
                    <td>{unit[key]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
