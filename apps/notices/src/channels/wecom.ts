import { type Sender, webhookKey, wecomMessage } from "@gov/domain";
import {
  type Attempt,
  type Errcode,
  failed,
  postJson,
  robotOutcome,
  withoutSecrets,
} from "./provider-answer.ts";

/**
 * WeCom's codes a group robot answers with (global code table,
 * developer.work.weixin.qq.com/document/path/90455; robot page .../path/91770).
 * A robot sends at most 20 messages a minute; over that it answers 45009, so the next
 * attempt waits out the minute.
 */
export const wecomErrcodes: Record<number, Errcode> = {
  [-1]: { meaning: "系统繁忙", outcome: "retry" },
  45009: { meaning: "接口调用超过频率限制", outcome: "retry", retryAfterSeconds: 60 },
  45033: { meaning: "接口并发调用超过限制", outcome: "retry" },
  40008: { meaning: "不合法的消息类型", outcome: "failed" },
  40058: { meaning: "不合法的参数（如内容超长）", outcome: "failed" },
  44004: { meaning: "消息内容为空", outcome: "failed" },
  93000: { meaning: "机器人地址无效", outcome: "failed" },
  93004: { meaning: "机器人已被停用", outcome: "failed" },
  93008: { meaning: "机器人不在群里", outcome: "failed" },
};

/**
 * POST `${base}/cgi-bin/webhook/send?key=<key>`: the key is taken from the stored address and
 * the address rebuilt on the configured base, never called as given (ADR 0044).
 */
export function wecomSender(apiBase: string, attempt: Attempt): Sender {
  return async (channel, message) => {
    if (channel.kind !== "wecom") return failed("渠道类型不是企业微信");
    const key = webhookKey(channel);
    const url = `${apiBase}/cgi-bin/webhook/send?key=${encodeURIComponent(key)}`;
    const answer = await postJson(url, wecomMessage(message), {}, attempt);
    const outcome =
      "outcome" in answer ? answer.outcome : robotOutcome(answer.json, "企业微信", wecomErrcodes);
    return withoutSecrets(outcome, [key]);
  };
}
