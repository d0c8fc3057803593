/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { ErrorSummary, Field, type FormState, Honeypot } from "./citizen-forms.tsx";
import { portalBase } from "./paths.ts";

/** 邮件订阅 (ADR 0060) as a page: the same topic fields the JSON route takes, one of them. */
export const subscribePath = `${portalBase}/subscribe`;

export type SubscribeTopic = { field: "columnId" | "unitCode" | "q"; value: string; label: string };

/** Where a list or a search links to offer its topic by email. */
export const subscribeLink = (field: SubscribeTopic["field"], value: string) =>
  `${subscribePath}?${new URLSearchParams({ [field]: value })}`;

export function SubscribeLink(props: { href: string }) {
  return (
    <p>
      <a href={props.href}>邮件订阅（每日汇总新公开信息）</a>
    </p>
  );
}

export function SubscribePage(props: { topic: SubscribeTopic | undefined; state: FormState }) {
  const { topic, state } = props;
  return (
    <>
      <h1>邮件订阅</h1>
      {topic ? (
        <>
          <p>
            订阅{topic.label}
            的新公开信息：提交后我们向该邮箱发送确认邮件，确认后每日汇总发送；每封邮件都可一键退订，退订即删除邮箱地址。邮箱地址加密保存，不会公开。
          </p>
          <ErrorSummary state={state} />
          <form method="post" action={subscribePath} novalidate>
            <input type="hidden" name={topic.field} value={topic.value} />
            <Field
              name="email"
              label="电子邮箱"
              state={state}
              type="email"
              required={true}
              autocomplete="email"
            />
            <Honeypot />
            <button type="submit">订阅</button>
          </form>
        </>
      ) : (
        <>
          <ErrorSummary state={state} />
          <p>请从栏目列表、单位列表或检索结果页进入订阅。</p>
        </>
      )}
    </>
  );
}
