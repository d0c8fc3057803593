/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { NoticeView, ReceiptStatus, ReceiptsOverview, Unit } from "@gov/domain";
import { beijingTime, consoleBase } from "./paths.ts";

const statusNames: Record<ReceiptStatus, string> = {
  acknowledged: "已回执",
  pending: "待回执",
  late: "逾期",
};

const deadlineOf = (notice: NoticeView) =>
  notice.receiptDeadline
    ? `${notice.receiptDeadline.dueOn}${notice.receiptDeadline.provisional ? "（暂定）" : ""}`
    : "无需回执";

/** Notices newest first; the office sees each one's receipt counts, a unit its own receipt. */
export function NoticesPage(props: {
  notices: { notice: NoticeView; counts: ReceiptsOverview["counts"] | null }[];
  next: string | null;
}) {
  return (
    <>
      <h1>通知回执</h1>
      {props.notices.length === 0 ? (
        <p>暂无通知。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">通知</th>
              <th scope="col">发出日期</th>
              <th scope="col">回执期限</th>
              <th scope="col">回执情况</th>
            </tr>
          </thead>
          <tbody>
            {props.notices.map(({ notice, counts }) => (
              <tr>
                <td>
                  <a href={`${consoleBase}/notices/${notice.id}`}>{notice.title}</a>
                </td>
                <td>{notice.issuedOn}</td>
                <td>{deadlineOf(notice)}</td>
                <td>
                  {counts
                    ? `已回执 ${counts.acknowledged} / 待回执 ${counts.pending} / 逾期 ${counts.late}（共 ${counts.total}）`
                    : notice.ownReceipt
                      ? statusNames[notice.ownReceipt.status]
                      : "—"}
                </td>
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

/** One notice: the office sees every target unit's receipt, a unit its own. */
export function NoticePage(props: { notice: NoticeView; overview: ReceiptsOverview | null; units: Unit[] }) {
  const { notice, overview } = props;
  const names = new Map(props.units.map((u) => [u.code, u.name]));
  const receipts = overview?.receipts ?? (notice.ownReceipt ? [notice.ownReceipt] : []);
  return (
    <>
      <h1>{notice.title}</h1>
      <p>
        发出日期 {notice.issuedOn}；回执期限 {deadlineOf(notice)}。
      </p>
      <h2>回执</h2>
      {receipts.length === 0 ? (
        <p>本通知无需回执。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">状态</th>
              <th scope="col">回执时间</th>
            </tr>
          </thead>
          <tbody>
            {receipts.map((r) => (
              <tr>
                <td>{names.get(r.unitCode) ?? r.unitCode}</td>
                <td class={r.status === "late" ? "overdue" : undefined}>{statusNames[r.status]}</td>
                <td>{r.acknowledgedAt ? beijingTime(r.acknowledgedAt) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={`${consoleBase}/notices`}>返回通知列表</a>
      </p>
    </>
  );
}
