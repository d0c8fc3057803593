import { createHmac } from "node:crypto";
import { dingtalkMessage, type Sender, webhookKey } from "@gov/domain";
import {
  type Attempt,
  type Errcode,
  failed,
  postJson,
  robotOutcome,
  withoutSecrets,
} from "./provider-answer.ts";

/**
 * DingTalk's codes a custom robot answers with (open.dingtalk.com/document/orgapp/custom-robot-access
 * and its error-code list). A robot sends at most 20 messages a minute and, over that, is held
 * back for 10 minutes ("如果超过20条，会限流10分钟"), so the throttle codes wait 600 s.
 */
export const dingtalkErrcodes: Record<number, Errcode> = {
  [-1]: { meaning: "系统繁忙", outcome: "retry" },
  130101: { meaning: "发送太快，每分钟超过20条", outcome: "retry", retryAfterSeconds: 600 },
  410100: { meaning: "发送速度太快而限流", outcome: "retry", retryAfterSeconds: 600 },
  300001: { meaning: "机器人令牌无效", outcome: "failed" },
  310000: { meaning: "关键词、加签或IP地址校验未通过", outcome: "failed" },
  400013: { meaning: "群已被解散", outcome: "failed" },
  400101: { meaning: "access_token不存在", outcome: "failed" },
  400102: { meaning: "机器人已停用", outcome: "failed" },
  400105: { meaning: "不支持的消息类型", outcome: "failed" },
  400106: { meaning: "机器人不存在", outcome: "failed" },
  430101: { meaning: "含有不安全的外链", outcome: "failed" },
  430102: { meaning: "含有不合适的文本", outcome: "failed" },
  430103: { meaning: "含有不合适的图片", outcome: "failed" },
  430104: { meaning: "含有不合适的内容", outcome: "failed" },
  460101: { meaning: "消息超过20000字节", outcome: "failed" },
};

/**
 * The 加签 signature: Base64 of HMAC-SHA256 keyed with the secret over
 * `timestamp + "\n" + secret` (timestamp in milliseconds); URL-encoded where it is sent.
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`, "utf8").digest("base64");
}

/**
 * POST `${base}/robot/send?access_token=<token>`, signed with `timestamp` and `sign` when the
 * robot has a secret. The timestamp is the passed clock's: DingTalk refuses one more than an
 * hour off, and a test fixes it.
 */
export function dingtalkSender(apiBase: string, attempt: Attempt): Sender {
  return async (channel, message) => {
    if (channel.kind !== "dingtalk") return failed("渠道类型不是钉钉");
    const token = webhookKey(channel);
    let url = `${apiBase}/robot/send?access_token=${encodeURIComponent(token)}`;
    let sign = "";
    if (channel.secret) {
      const timestamp = attempt.clock().getTime();
      sign = dingtalkSign(channel.secret, timestamp);
      url += `&timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
    }
    const answer = await postJson(url, dingtalkMessage(message), {}, attempt);
    const outcome =
      "outcome" in answer ? answer.outcome : robotOutcome(answer.json, "钉钉", dingtalkErrcodes);
    return withoutSecrets(outcome, [token, channel.secret ?? "", sign]);
  };
}
