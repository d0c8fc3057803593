import type { SendOutcome } from "@gov/domain";
import { z } from "zod";

/**
 * What one HTTP call to a provider came to, the same way for every channel (ADR 0044): a
 * timeout, a network error, a 5xx, a 429 or an answer that cannot be read is worth another
 * attempt (the message may not have been taken); any other 4xx is not. Nothing here throws.
 */

export type Attempt = {
  /** How long one attempt may take, answer body included. */
  timeoutMs: number;
  clock: () => Date;
};

export const retry = (reason: string, retryAfterSeconds?: number): SendOutcome =>
  retryAfterSeconds === undefined
    ? { outcome: "retry", reason }
    : { outcome: "retry", reason, retryAfterSeconds };
export const failed = (reason: string): SendOutcome => ({ outcome: "failed", reason });

/** `Retry-After` as delay-seconds or an HTTP-date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterSeconds(value: string | null | undefined, now: Date): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  // Every HTTP-date form starts with the day's name; anything else is no date ("-5" would parse).
  if (!/^[A-Za-z]{3,9},?\s/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/** A thrown fetch or SDK call as an outcome: every one of them is worth another attempt. */
export function transportFailure(error: unknown, attempt: Attempt): SendOutcome {
  const { name, cause } = (error ?? {}) as { name?: string; cause?: { code?: string } };
  if (name === "TimeoutError" || name === "AbortError")
    return retry(`超时：${attempt.timeoutMs / 1000}秒内无应答`);
  return retry(`网络错误：${cause?.code ?? name ?? "未知"}`);
}

/** An HTTP status that is not a success, as an outcome; undefined for a 2xx. */
export function statusOutcome(status: number, retryAfter: string | null | undefined, now: Date) {
  if (status >= 200 && status < 300) return undefined;
  if (status === 429) return retry("请求过于频繁：HTTP 429", retryAfterSeconds(retryAfter, now));
  if (status >= 500) return retry(`服务暂不可用：HTTP ${status}`, retryAfterSeconds(retryAfter, now));
  return failed(`请求被拒绝：HTTP ${status}`);
}

export type JsonAnswer = { json: unknown; headers: Headers } | { outcome: SendOutcome };

/**
 * POST a JSON body and read a 2xx answer as JSON. Redirects are not followed: a robot's
 * request goes to the configured host and nowhere else.
 */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  attempt: Attempt,
): Promise<JsonAnswer> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", ...headers },
      body: JSON.stringify(body),
      redirect: "manual",
      signal: AbortSignal.timeout(attempt.timeoutMs),
    });
    const outcome = statusOutcome(response.status, response.headers.get("retry-after"), attempt.clock());
    if (outcome) {
      // Frees the connection; not awaited, since a stalled body must not hold the attempt.
      response.body?.cancel().catch(() => {});
      return { outcome };
    }
    const text = await response.text();
    try {
      return { json: JSON.parse(text), headers: response.headers };
    } catch {
      return { outcome: retry("应答格式不正确：不是JSON") };
    }
  } catch (error) {
    return { outcome: transportFailure(error, attempt) };
  }
}

/** What a robot's errcode means and whether another attempt can succeed. */
export type Errcode = { meaning: string; outcome: "retry" | "failed"; retryAfterSeconds?: number };

const RobotAnswer = z.object({ errcode: z.number().int(), errmsg: z.string().optional() });

/**
 * A robot answers HTTP 200 even when it refuses: `errcode` 0 is sent, a listed code means
 * what the table says, and a code nobody listed is worth another attempt.
 */
export function robotOutcome(json: unknown, provider: string, codes: Record<number, Errcode>): SendOutcome {
  const answer = RobotAnswer.safeParse(json);
  if (!answer.success) return retry(`应答格式不正确：缺少errcode`);
  const { errcode, errmsg } = answer.data;
  if (errcode === 0) return { outcome: "sent" };
  const known = codes[errcode];
  const reason = `${provider}返回错误码${errcode}（${known?.meaning ?? "未列明的错误"}）${errmsg ? `：${errmsg}` : ""}`;
  return known?.outcome === "failed" ? failed(reason) : retry(reason, known?.retryAfterSeconds);
}

const reasonChars = 500;

/**
 * The outcome with every secret of the attempt (a robot key, a signing secret, a gateway
 * token, in plain and URL-encoded form) masked, cut to a length fit for a delivery record.
 */
export function withoutSecrets(outcome: SendOutcome, secrets: readonly string[]): SendOutcome {
  if (outcome.outcome === "sent") return outcome;
  const forms = secrets.filter((s) => s !== "").flatMap((s) => [s, encodeURIComponent(s)]);
  const reason = forms.reduce((text, secret) => text.split(secret).join("***"), outcome.reason);
  return { ...outcome, reason: Array.from(reason).slice(0, reasonChars).join("") };
}
