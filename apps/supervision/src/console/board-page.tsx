/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { type TaskState, type TaskView, taskStateNames, type Unit } from "@gov/domain";
import { consoleBase, consolePath } from "./paths.ts";

const states = Object.keys(taskStateNames) as TaskState[];

/** Each unit's tasks by state, and how many are past their deadline (督办). */
function countsByUnit(tasks: TaskView[]) {
  const rows = new Map<string, Record<TaskState | "overdue", number>>();
  for (const task of tasks) {
    const row =
      rows.get(task.unitCode) ??
      ({ ...Object.fromEntries(states.map((s) => [s, 0])), overdue: 0 } as Record<
        TaskState | "overdue",
        number
      >);
    row[task.state] += 1;
    if (task.overdue) row.overdue += 1;
    rows.set(task.unitCode, row);
  }
  return [...rows.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * The rectification board (issue 16): a table of units by task state, each count a link to its
 * tasks, then the tasks the filter names, earliest deadline first, the overdue ones marked in
 * words as well as in colour.
 */
export function BoardPage(props: {
  all: TaskView[];
  shown: TaskView[];
  units: Unit[];
  filter: { unit?: string | undefined; state?: TaskState | undefined };
  office: boolean;
}) {
  const names = new Map(props.units.map((u) => [u.code, u.name]));
  const nameOf = (code: string) => names.get(code) ?? code;
  return (
    <>
      <h1>整改看板</h1>
      <h2 id="board-heading">各单位整改任务（按状态）</h2>
      {props.all.length === 0 ? (
        <p>暂无整改任务。</p>
      ) : (
        <table class="board" aria-labelledby="board-heading">
          <thead>
            <tr>
              <th scope="col">单位</th>
              {states.map((s) => (
                <th scope="col">{taskStateNames[s]}</th>
              ))}
              <th scope="col">已逾期</th>
            </tr>
          </thead>
          <tbody>
            {countsByUnit(props.all).map(([unit, row]) => (
              <tr>
                <th scope="row">
                  <a href={consolePath("", { unit })}>{nameOf(unit)}</a>
                </th>
                {states.map((state) => (
                  <td class="count">
                    {row[state] > 0 ? <a href={consolePath("", { unit, state })}>{row[state]}</a> : 0}
                  </td>
                ))}
                <td class={row.overdue > 0 ? "count overdue" : "count"}>{row.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>整改任务</h2>
      <form class="filters" method="get" action={consoleBase}>
        {props.office && (
          <div>
            <label for="unit">单位</label>
            <select id="unit" name="unit">
              <option value="">全部单位</option>
              {props.units.map((u) => (
                <option value={u.code} selected={props.filter.unit === u.code}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label for="state">状态</label>
          <select id="state" name="state">
            <option value="">全部状态</option>
            {states.map((s) => (
              <option value={s} selected={props.filter.state === s}>
                {taskStateNames[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">筛选</button>
      </form>
      <TaskTable tasks={props.shown} nameOf={nameOf} />
    </>
  );
}

export function TaskTable(props: { tasks: TaskView[]; nameOf: (code: string) => string }) {
  if (props.tasks.length === 0) return <p>没有符合条件的整改任务。</p>;
  return (
    <table class="tasks">
      <thead>
        <tr>
          <th scope="col">单位</th>
          <th scope="col">指标</th>
          <th scope="col">问题</th>
          <th scope="col">整改期限</th>
          <th scope="col">状态</th>
        </tr>
      </thead>
      <tbody>
        {props.tasks.map((task) => (
          <tr>
            <td>{props.nameOf(task.unitCode)}</td>
            <td>{task.indicatorCode}</td>
            <td>
              <a href={`${consoleBase}/tasks/${task.id}`}>{task.problem}</a>
            </td>
            <td>{task.deadline}</td>
            <td>
              {taskStateNames[task.state]}
              {task.overdue && <span class="overdue">（已逾期）</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
