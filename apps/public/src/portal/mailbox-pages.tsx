/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { PublishedLetter, Unit } from "@gov/domain";
import {
  Choice,
  ErrorSummary,
  Field,
  type FormState,
  Honeypot,
  NotifyByEmail,
  TrackingReceipt,
} from "./citizen-forms.tsx";
import { FeedLink, feeds } from "./feed-link.tsx";
import { portalBase } from "./paths.ts";

export const mailboxPath = `${portalBase}/mailbox`;

/** 市长信箱: the letter form and the latest replies published with the writers' consent. */
export function MailboxPage(props: { units: Unit[]; state: FormState; letters: PublishedLetter[] }) {
  const { state } = props;
  return (
    <>
      <h1>市长信箱</h1>
      <p>
        已写信的，可<a href={`${mailboxPath}/status`}>查询办理情况</a>
        。写信人姓名与联系方式只供承办单位联系使用，不会公开。
      </p>
      <ErrorSummary state={state} />
      <form method="post" action={mailboxPath} novalidate>
        <Field name="subject" label="标题" state={state} required={true} />
        <Field name="body" label="内容" state={state} required={true} multiline={true} />
        <fieldset>
          <legend>写信人</legend>
          <Field name="writer.name" label="姓名" state={state} required={true} autocomplete="name" />
          <Field name="writer.phone" label="联系电话" state={state} type="tel" autocomplete="tel" />
          <Field name="writer.email" label="电子邮箱" state={state} type="email" autocomplete="email" />
        </fieldset>
        <Choice
          name="unitCode"
          label="建议承办单位（可不选）"
          state={state}
          options={props.units.map((u): [string, string] => [u.code, u.name])}
        />
        <Choice
          name="consentToPublish"
          label="答复后是否同意公开信件和答复（不含写信人信息）"
          state={state}
          required={true}
          options={[
            ["true", "同意公开"],
            ["false", "不同意公开"],
          ]}
        />
        <NotifyByEmail state={state} />
        <Honeypot />
        <button type="submit">提交</button>
      </form>
      <h2>公开答复</h2>
      <FeedLink href={feeds.letters} label="公开答复" />
      {props.letters.length === 0 ? (
        <p>暂无公开答复。</p>
      ) : (
        <ul class="item-list">
          {props.letters.map((l) => (
            <li>
              <a href={`${mailboxPath}/replies/${l.id}`}>{l.subject}</a>
              <div class="meta">
                受理日期{l.receivedOn} · 答复日期{l.repliedOn} · 答复部门{l.unitName}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`${mailboxPath}/replies`}>全部公开答复</a> ·{" "}
        <a href={`${portalBase}/statistics/letters`}>市长信箱统计</a>
      </p>
    </>
  );
}

export type LetterReceiptView = { trackingCode: string; secret: string; receivedOn: string; dueOn: string };

export function LetterReceiptPage(props: { receipt: LetterReceiptView | undefined }) {
  const r = props.receipt;
  return (
    <TrackingReceipt
      receipt={r}
      heading="来信已受理"
      status={{ path: `${mailboxPath}/status`, label: "查询办理情况" }}
      dates={[
        ["受理日期", r?.receivedOn],
        ["答复期限", r?.dueOn],
      ]}
    />
  );
}

const letterStates: Record<string, string> = { received: "已收到", assigned: "办理中", replied: "已答复" };

export function LetterStatusPage(props: {
  status: {
    trackingCode: string;
    state: string;
    receivedOn: string;
    dueOn: string;
    overdue: boolean;
    reply: { repliedOn: string; unitName: string; body: string } | null;
  };
}) {
  const s = props.status;
  return (
    <>
      <h1>来信办理情况</h1>
      <table class="metadata">
        <tbody>
          <tr>
            <th scope="row">查询码</th>
            <td>{s.trackingCode}</td>
          </tr>
          <tr>
            <th scope="row">办理状态</th>
            <td id="letter-state">{letterStates[s.state] ?? s.state}</td>
          </tr>
          <tr>
            <th scope="row">受理日期</th>
            <td>{s.receivedOn}</td>
          </tr>
          <tr>
            <th scope="row">答复期限</th>
            <td>
              {s.dueOn}
              {s.overdue ? "（已逾期）" : ""}
            </td>
          </tr>
        </tbody>
      </table>
      {s.reply && (
        <section aria-labelledby="reply-heading">
          <h2 id="reply-heading">答复</h2>
          <p class="meta">
            {s.reply.unitName} · {s.reply.repliedOn}
          </p>
          <p>{s.reply.body}</p>
        </section>
      )}
    </>
  );
}
