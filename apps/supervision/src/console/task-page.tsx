/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { type TaskView, taskStateNames } from "@gov/domain";
import { beijingTime, consoleBase } from "./paths.ts";

/** One task as its unit and the office read it: what to fix, by when, and what has been reported. */
export function TaskPage(props: { task: TaskView; unitName: string }) {
  const { task } = props;
  return (
    <>
      <h1>整改任务：{task.problem}</h1>
      <table class="metadata">
        <tbody>
          <tr>
            <th scope="row">单位</th>
            <td>{props.unitName}</td>
          </tr>
          <tr>
            <th scope="row">指标</th>
            <td>{task.indicatorCodes.join("、")}</td>
          </tr>
          <tr>
            <th scope="row">整改措施</th>
            <td>{task.measures}</td>
          </tr>
          <tr>
            <th scope="row">整改期限</th>
            <td>
              {task.deadline}
              {task.overdue && <span class="overdue">（已逾期）</span>}
            </td>
          </tr>
          <tr>
            <th scope="row">状态</th>
            <td id="task-state">{taskStateNames[task.state]}</td>
          </tr>
          <tr>
            <th scope="row">进度</th>
            <td>{task.percent}%</td>
          </tr>
          {task.lostPoints !== null && (
            <tr>
              <th scope="row">扣分</th>
              <td>{task.lostPoints}</td>
            </tr>
          )}
        </tbody>
      </table>
      <h2>进展</h2>
      {task.progress.length === 0 ? (
        <p>尚未报送进展。</p>
      ) : (
        <ul>
          {task.progress.map((p) => (
            <li>
              {beijingTime(p.at)}：{p.percent}% {p.note}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={consoleBase}>返回整改看板</a>
      </p>
    </>
  );
}
