/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { clockTitles, levelTitles, type OverdueEntry, type Unit } from "@gov/domain";
import { consoleBase } from "./paths.ts";

/** Every deadline past due today across all clocks (ADR 0049), of the units the key may see. */
export function OverduePage(props: {
  asOf: string;
  items: OverdueEntry[];
  units: Unit[];
  unit: string | undefined;
  office: boolean;
}) {
  const names = new Map(props.units.map((u) => [u.code, u.name]));
  return (
    <>
      <h1>逾期事项</h1>
      <p>截至 {props.asOf}，各类时限中已过期限仍未办结的事项，期限最早的在前。</p>
      {props.office && (
        <form class="filters" method="get" action={`${consoleBase}/overdue`}>
          <div>
            <label for="unit">单位</label>
            <select id="unit" name="unit">
              <option value="">全部单位</option>
              {props.units.map((u) => (
                <option value={u.code} selected={props.unit === u.code}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">筛选</button>
        </form>
      )}
      {props.items.length === 0 ? (
        <p>没有逾期事项。</p>
      ) : (
        <table class="overdue-list">
          <caption class="visually-hidden">逾期事项 {props.items.length} 项</caption>
          <thead>
            <tr>
              <th scope="col">类别</th>
              <th scope="col">事项</th>
              <th scope="col">单位</th>
              <th scope="col">期限</th>
              <th scope="col">程度</th>
              <th scope="col">依据</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((item) => (
              <tr>
                <td>{clockTitles[item.kind]}</td>
                <td>
                  {item.kind === "rectification-task" ? (
                    <a href={`${consoleBase}/tasks/${item.id}`}>{item.title}</a>
                  ) : (
                    item.title
                  )}
                </td>
                <td>{names.get(item.unitCode) ?? item.unitCode}</td>
                <td>{item.dueOn}</td>
                <td class="overdue">{levelTitles[item.level]}</td>
                <td>{item.basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
