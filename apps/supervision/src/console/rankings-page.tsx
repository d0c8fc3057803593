/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { type LevelRanking, levelNames } from "@gov/domain";
import { consoleBase } from "./paths.ts";

/** The year's assessment scores, ranked per level (equal scores share a rank), with each unit's tasks. */
export function RankingsPage(props: { year: number; levels: LevelRanking[] }) {
  const levels = props.levels.filter((l) => l.rows.length > 0);
  return (
    <>
      <h1>考评得分与排名</h1>
      <form class="filters" method="get" action={`${consoleBase}/rankings`}>
        <div>
          <label for="year">年度</label>
          <input id="year" name="year" type="number" min={2008} max={2100} value={String(props.year)} />
        </div>
        <button type="submit">查看</button>
      </form>
      {levels.length === 0 && <p>{props.year}年暂无考评结果。</p>}
      {levels.map((level) => (
        <>
          <h2>{levelNames[level.level]}</h2>
          <table class="rankings">
            <thead>
              <tr>
                <th scope="col">名次</th>
                <th scope="col">单位</th>
                <th scope="col">得分</th>
                <th scope="col">满分</th>
                <th scope="col">得分率</th>
                <th scope="col">整改前得分</th>
                <th scope="col">整改任务（未完成/逾期/总数）</th>
              </tr>
            </thead>
            <tbody>
              {level.rows.map((row) => (
                <tr>
                  <td>{row.rank}</td>
                  <th scope="row">{row.unitName}</th>
                  <td>{row.total}</td>
                  <td>{row.maxTotal}</td>
                  <td>{row.rate}%</td>
                  <td>{row.baselineTotal ?? "—"}</td>
                  <td>
                    <a href={`${consoleBase}?unit=${row.unitCode}`}>
                      {row.tasks.open}/{row.tasks.overdue}/{row.tasks.total}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ))}
    </>
  );
}
