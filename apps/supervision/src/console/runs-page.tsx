/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { SupervisionRun } from "@gov/domain";
import { beijingTime } from "./paths.ts";

const triggers = { schedule: "定时", request: "手动" } as const;

const foundTotal = (run: SupervisionRun) => Object.values(run.found).reduce((sum, n) => sum + n, 0);

/** Recent supervision runs (督办), newest first: what each found, sent and failed. */
export function RunsPage(props: { runs: SupervisionRun[]; next: string | null }) {
  return (
    <>
      <h1>督办记录</h1>
      {props.runs.length === 0 ? (
        <p>尚无督办记录。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">截至日</th>
              <th scope="col">方式</th>
              <th scope="col">开始时间（北京时间）</th>
              <th scope="col">发现</th>
              <th scope="col">已告知过</th>
              <th scope="col">发出督办通知</th>
              <th scope="col">错误</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {props.runs.map((run) => (
              <tr>
                <td>{run.asOf}</td>
                <td>
                  {triggers[run.trigger]}
                  {run.dryRun ? "（试运行）" : ""}
                </td>
                <td>{beijingTime(run.startedAt)}</td>
                <td>{foundTotal(run)}</td>
                <td>{run.alreadyTold}</td>
                <td>{run.noticesIssued}</td>
                <td class={run.errors.length > 0 ? "overdue" : undefined}>{run.errors.length}</td>
                <td>{run.skipped ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.next && (
        <p class="pager">
          <a href={props.next}>下一页</a>
        </p>
      )}
    </>
  );
}
