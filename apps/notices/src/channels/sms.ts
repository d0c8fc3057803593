import { createHash } from "node:crypto";
import { type Sender, smsParams } from "@gov/domain";
import { z } from "zod";
import type { SmsConfig } from "./config.ts";
import {
  type Attempt,
  failed,
  postJson,
  retry,
  retryAfterSeconds,
  withoutSecrets,
} from "./provider-answer.ts";

/**
 * The SMS gateway contract (ADR 0044, apps/notices/README.md): one generic HTTP gateway in
 * front of whichever SMS provider a city contracts. We POST
 * `{ phones, templateId, signName, params }` with `Authorization: Bearer <token>` when a token
 * is set and an `Idempotency-Key` that is the same on every attempt of one delivery; it
 * answers 2xx with `{ code, message?, messageId? }`.
 */
const GatewayAnswer = z.object({
  code: z.string(),
  message: z.string().optional(),
  messageId: z.string().optional(),
});

/** The codes worth another attempt; any other code but OK is a refusal that will not change. */
const passing: Record<string, string> = { THROTTLED: "网关限流", UNAVAILABLE: "网关暂不可用" };

export function smsSender(config: SmsConfig | null, attempt: Attempt): Sender {
  if (config === null)
    return async () => failed("未配置短信网关（SMS_GATEWAY_URL、SMS_TEMPLATE_ID、SMS_SIGN_NAME）");
  return async (channel, message) => {
    if (channel.kind !== "sms") return failed("渠道类型不是短信");
    const phones = [...channel.phones].sort();
    // A gateway that took a message whose answer timed out can tell the next attempt is the same.
    const idempotencyKey = `${message.notice.id}-${createHash("sha256").update(phones.join(",")).digest("hex").slice(0, 16)}`;
    const answer = await postJson(
      config.url,
      {
        phones: channel.phones,
        templateId: config.templateId,
        signName: config.signName,
        params: smsParams(message),
      },
      {
        "idempotency-key": idempotencyKey,
        ...(config.token ? { authorization: `Bearer ${config.token}` } : {}),
      },
      attempt,
    );
    return withoutSecrets("outcome" in answer ? answer.outcome : gatewayOutcome(answer, attempt), [
      config.token ?? "",
    ]);
  };
}

function gatewayOutcome(answer: { json: unknown; headers: Headers }, attempt: Attempt) {
  const parsed = GatewayAnswer.safeParse(answer.json);
  if (!parsed.success) return retry("应答格式不正确：缺少code");
  const { code, message, messageId } = parsed.data;
  if (code === "OK")
    return messageId === undefined
      ? { outcome: "sent" as const }
      : { outcome: "sent" as const, providerId: messageId };
  const reason = `短信网关返回${code}${message ? `：${message}` : ""}`;
  return Object.hasOwn(passing, code)
    ? retry(
        `${reason}（${passing[code]}）`,
        retryAfterSeconds(answer.headers.get("retry-after"), attempt.clock()),
      )
    : failed(reason);
}
