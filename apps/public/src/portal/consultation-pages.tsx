/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { PublicConsultation } from "@gov/domain";
import { ErrorSummary, Field, type FormState, Honeypot } from "./citizen-forms.tsx";
import { FeedLink, feeds } from "./feed-link.tsx";
import { itemPath, portalBase } from "./paths.ts";

export const consultationsPath = `${portalBase}/consultations`;

const phaseNames = { upcoming: "未开始", open: "征求中", closed: "已结束" } as const;

export function ConsultationList(props: { items: PublicConsultation[]; next: string | null }) {
  return (
    <>
      <h1>征求意见</h1>
      <FeedLink href={feeds.consultations} label="征求意见" />
      {props.items.length === 0 && <p>暂无征求意见。</p>}
      <ul class="item-list">
        {props.items.map((x) => (
          <li>
            <a href={`${consultationsPath}/${x.id}`}>{x.title}</a>
            <div class="meta">
              {phaseNames[x.phase]} · {x.opensOn} 至 {x.closesOn}
            </div>
          </li>
        ))}
      </ul>
      {props.next && (
        <nav class="pager" aria-label="分页">
          <a href={props.next} rel="next">
            下一页
          </a>
        </nav>
      )}
    </>
  );
}

/** A consultation, its feedback once published, and the comment form while it is open. */
export function ConsultationPage(props: {
  consultation: PublicConsultation;
  state: FormState;
  thanked: boolean;
}) {
  const x = props.consultation;
  const { state } = props;
  return (
    <>
      <h1>{x.title}</h1>
      <p class="meta">
        {phaseNames[x.phase]} · 征求期 {x.opensOn} 至 {x.closesOn}
      </p>
      <p>{x.description}</p>
      {x.itemId && (
        <p>
          <a href={itemPath({ id: x.itemId, indexNumber: null })}>查看征求意见稿全文</a>
        </p>
      )}
      {props.thanked && (
        <p class="notice" role="status">
          您的意见已收到，感谢参与。
        </p>
      )}
      {x.phase === "open" && !props.thanked && (
        <section aria-labelledby="comment-heading">
          <h2 id="comment-heading">提交意见建议</h2>
          <ErrorSummary state={state} />
          <form method="post" action={`${consultationsPath}/${x.id}/comments`} novalidate>
            <Field name="content" label="意见建议" state={state} required={true} multiline={true} />
            <Field name="commenter.name" label="姓名（可不填）" state={state} autocomplete="name" />
            <Field
              name="commenter.phone"
              label="联系电话（可不填）"
              state={state}
              type="tel"
              autocomplete="tel"
            />
            <Field
              name="commenter.email"
              label="电子邮箱（可不填）"
              state={state}
              type="email"
              autocomplete="email"
            />
            <Honeypot />
            <button type="submit">提交意见</button>
          </form>
        </section>
      )}
      {x.feedback && (
        <section aria-labelledby="feedback-heading">
          <h2 id="feedback-heading">意见采纳情况</h2>
          <p>
            共收到意见{x.feedback.received}条，采纳{x.feedback.adopted}条。
          </p>
          <ul>
            {x.feedback.notAdopted.map((n) => (
              <li>
                {n.summary}：{n.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
