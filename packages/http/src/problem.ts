import type { FailureKind, FieldIssue } from "@gov/domain";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export const statusOf: Record<FailureKind, ContentfulStatusCode> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  gone: 410,
  "precondition-failed": 412,
  unprocessable: 422,
  "precondition-required": 428,
  "too-many-requests": 429,
  unavailable: 503,
};

export function kindOfStatus(status: number): FailureKind | undefined {
  return (Object.keys(statusOf) as FailureKind[]).find((kind) => statusOf[kind] === status);
}

const titles: Record<FailureKind, string> = {
  validation: "请求参数有误",
  unauthenticated: "未认证",
  forbidden: "无权操作",
  "not-found": "资源不存在",
  conflict: "当前状态不允许此操作",
  gone: "信息已撤回",
  "precondition-failed": "版本已过期",
  unprocessable: "请求无法处理",
  "precondition-required": "缺少If-Match请求头",
  "too-many-requests": "请求过于频繁",
  unavailable: "服务暂不可用",
};

/**
 * Seconds a client waits before trying again after a 503: about one spent retry chain of the
 * database client (`callLimits` in @gov/store), so a retry meets a database that had time to
 * recover rather than the same throttle (ADR 0042).
 */
export const unavailableRetryAfter = 5;

/** RFC 9457 problem details. The type is a relative URI naming the failure kind. */
export function problem(
  kind: FailureKind,
  detail: string,
  errors: FieldIssue[] = [],
  extra: object = {},
): Response {
  const status = statusOf[kind];
  const body = {
    type: `/problems/${kind}`,
    title: titles[kind],
    status,
    detail,
    ...(errors.length ? { errors } : {}),
    ...extra,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "content-type": "application/problem+json; charset=utf-8",
      ...(kind === "unavailable" ? { "retry-after": String(unavailableRetryAfter) } : {}),
    },
  });
}
