/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { DomainError } from "@gov/domain";
import type { AppEnv } from "@gov/http";
import type { MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { honeypotField } from "../intake.ts";
import { type C, pageHeaders, pageHtml } from "./render.tsx";

/**
 * Citizens' forms work without JavaScript: a plain POST of the form, answered by a redirect
 * (303) to a GET page, or by the form again with each field's problem beside it (ADR 0051).
 */

/** A form's fields as the JSON input they stand for: `applicant.name` nests, empty fields are left out. */
export function formObject(
  text: string,
  booleans: readonly string[] = [],
  lists: readonly string[] = [],
): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (value === "" || !/^[a-zA-Z]+(\.[a-zA-Z]+)?$/.test(name)) continue;
    const path = name.split(".");
    let target = object;
    for (const segment of path.slice(0, -1)) {
      const inner = target[segment];
      const nested = typeof inner === "object" && inner !== null ? inner : {};
      target[segment] = nested;
      target = nested as Record<string, unknown>;
    }
    const last = path.at(-1) as string;
    if (lists.includes(name)) target[last] = [...((target[last] as string[] | undefined) ?? []), value];
    else target[last] = booleans.includes(name) ? value === "true" : value;
  }
  return object;
}

/**
 * Puts the form's fields where the intake guard reads a submission (the body as JSON), so a
 * form meets the same rate limit, body limit, bot trap and duplicate recognition as the API (ADR 0025).
 */
export function formIntake(
  booleans: readonly string[] = [],
  lists: readonly string[] = [],
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const fields = formObject(await c.req.text(), booleans, lists);
    // Hono types the cache by value but stores promises, hence the cast.
    c.req.bodyCache = { text: Promise.resolve(JSON.stringify(fields)) as unknown as string };
    await next();
  };
}

/** The submission as the route's schema reads it, after the guard took its honeypot out. */
export async function submitted(c: C): Promise<Record<string, unknown>> {
  const { [honeypotField]: _trap, ...fields } = JSON.parse(await c.req.text()) as Record<string, unknown>;
  return fields;
}

/**
 * The guard answers in JSON (a refusal as problem+json, a recognised duplicate as the first
 * answer): on a page it becomes a page, saying what happened in the visitor's words.
 */
export const pageAnswers: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!c.res.headers.get("content-type")?.includes("json")) return;
  const answer = (await c.res.clone().json()) as { title?: string; detail?: string; trackingCode?: string };
  const duplicate = c.res.headers.get("duplicate-submission") === "true";
  const heading = duplicate ? "已收到相同内容的提交" : (answer.title ?? "提交未成功");
  const status = duplicate ? 200 : (c.res.status as 400);
  const retryAfter = c.res.headers.get("retry-after");
  const text = await pageHtml(
    c,
    { title: heading, canonicalPath: new URL(c.req.url).pathname, description: heading },
    <>
      <h1>{heading}</h1>
      {duplicate && answer.trackingCode && (
        <p>
          查询码：<span class="secret">{answer.trackingCode}</span>。查询密钥只在第一次提交时显示。
        </p>
      )}
      {!duplicate && answer.detail && <p>{answer.detail}</p>}
      {retryAfter && <p>请在{retryAfter}秒后再试。</p>}
      <p>
        <a href={new URL(c.req.url).pathname}>返回</a>
      </p>
    </>,
  );
  const headers = pageHeaders(c, status, true);
  if (retryAfter) headers["retry-after"] = retryAfter;
  c.res = new Response(text, { status, headers });
};

/**
 * The receipt of a submission, with its secret, carried to the page the POST redirects to in a
 * cookie only that page receives and deletes on reading: shown once, never in an address.
 */
export function keepReceipt(c: C, path: string, receipt: object) {
  setCookie(c, "receipt", Buffer.from(JSON.stringify(receipt)).toString("base64url"), {
    path,
    httpOnly: true,
    sameSite: "Strict",
    maxAge: 600,
    secure: new URL(c.req.url).protocol === "https:",
  });
}

export function takeReceipt<T>(c: C, path: string): T | undefined {
  const value = getCookie(c, "receipt");
  if (!value) return undefined;
  deleteCookie(c, "receipt", { path });
  try {
    return JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as T;
  } catch {
    return undefined;
  }
}

/** A use case's refusal of a form: its field issues beside the fields, its message on top. */
export function refusal(error: unknown): { message: string; errors: Record<string, string> } {
  if (!(error instanceof DomainError) || error.kind === "unavailable") throw error;
  return { message: error.message, errors: Object.fromEntries(error.issues.map((i) => [i.path, i.message])) };
}

export type FormState = {
  values: Record<string, unknown>;
  errors: Record<string, string>;
  message?: string | undefined;
};

const valueAt = (values: Record<string, unknown>, name: string): string => {
  const found = name
    .split(".")
    .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], values);
  return typeof found === "string" ? found : "";
};

/** The problems of a form, listed first with links to their fields. */
export function ErrorSummary(props: { state: FormState }) {
  const entries = Object.entries(props.state.errors);
  if (!props.state.message && entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert">
      <h2>{props.state.message ?? "请修改以下内容"}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li>
            <a href={`#field-${name.replace(".", "-")}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled field; its problem, if any, is tied to it by aria-describedby. */
export function Field(props: {
  name: string;
  label: string;
  state: FormState;
  type?: string;
  required?: boolean;
  multiline?: boolean;
  autocomplete?: string;
}) {
  const id = `field-${props.name.replace(".", "-")}`;
  const error = props.state.errors[props.name];
  const described = error ? `${id}-error` : undefined;
  const value = props.type === "password" ? "" : valueAt(props.state.values, props.name);
  return (
    <div class="form-field">
      <label for={id}>
        {props.label}
        {props.required ? "（必填）" : ""}
      </label>
      {props.multiline ? (
        <textarea id={id} name={props.name} required={props.required} aria-describedby={described}>
          {value}
        </textarea>
      ) : (
        <input
          id={id}
          name={props.name}
          type={props.type ?? "text"}
          value={value}
          required={props.required}
          autocomplete={props.autocomplete}
          aria-describedby={described}
        />
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function Choice(props: {
  name: string;
  label: string;
  state: FormState;
  options: [value: string, label: string][];
  required?: boolean;
}) {
  const id = `field-${props.name.replace(".", "-")}`;
  const error = props.state.errors[props.name];
  const chosen = valueAt(props.state.values, props.name);
  return (
    <div class="form-field">
      <label for={id}>
        {props.label}
        {props.required ? "（必填）" : ""}
      </label>
      <select id={id} name={props.name} aria-describedby={error ? `${id}-error` : undefined}>
        {!props.required && <option value="">请选择</option>}
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === chosen}>
            {label}
          </option>
        ))}
      </select>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A list field as a group of checkboxes, one per option; the list's issues are shown at the group. */
export function Checkboxes(props: {
  name: string;
  label: string;
  hint?: string;
  state: FormState;
  options: [value: string, label: string][];
}) {
  const id = `field-${props.name}`;
  const error = props.state.errors[props.name];
  const given = props.state.values[props.name];
  const chosen = new Set(Array.isArray(given) ? given : []);
  return (
    <fieldset class="form-field" id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{props.label}</legend>
      {props.hint && <p class="hint">{props.hint}</p>}
      {props.options.map(([value, label]) => (
        <label class="checkbox">
          <input type="checkbox" name={props.name} value={value} checked={chosen.has(value)} /> {label}
        </label>
      ))}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The opt-in to status mails (ADR 0060); the address is the form's own email field. */
export function NotifyByEmail(props: { state: FormState }) {
  return (
    <div class="form-field">
      <label class="checkbox">
        <input
          type="checkbox"
          name="notifyByEmail"
          value="true"
          checked={props.state.values.notifyByEmail === true}
        />{" "}
        办理状态变化时发邮件告知我（须填写电子邮箱；每封邮件都可一键退订）
      </label>
    </div>
  );
}

/** The field people never see and bots fill (ADR 0025): off-screen, out of the tab order. */
export function Honeypot() {
  return (
    <div class="honeypot" aria-hidden="true">
      <label for="field-website">请勿填写此项</label>
      <input id="field-website" name={honeypotField} type="text" tabindex={-1} autocomplete="off" />
    </div>
  );
}

/**
 * The receipt of a submission, shown once (`takeReceipt`): the tracking code and the secret,
 * which is not kept anywhere the citizen could read it again; once shown, the way to the
 * status lookup instead.
 */
export function TrackingReceipt(props: {
  receipt: { trackingCode: string; secret: string } | undefined;
  heading: string;
  /** The status lookup and what it is called ("查询办理状态"). */
  status: { path: string; label: string };
  /** The dates the citizen is told, label then value. */
  dates: [string, unknown][];
  children?: unknown;
}) {
  const r = props.receipt;
  if (!r) {
    return (
      <>
        <h1>回执已显示过</h1>
        <p>
          查询密钥只显示一次。可凭查询码和查询密钥<a href={props.status.path}>{props.status.label}</a>。
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{props.heading}</h1>
      <p class="notice">请妥善保存查询码和查询密钥：查询密钥只显示这一次。</p>
      <dl>
        <dt>查询码</dt>
        <dd class="secret" id="tracking-code">
          {r.trackingCode}
        </dd>
        <dt>查询密钥</dt>
        <dd class="secret" id="secret">
          {r.secret}
        </dd>
        {props.dates.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
      {props.children}
    </>
  );
}
