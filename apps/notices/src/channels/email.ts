import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { type MailSender, noticeEmail, type PreparedMail, type Sender, type SendOutcome } from "@gov/domain";
import type { EmailConfig } from "./config.ts";
import { type Attempt, failed, retry, retryAfterSeconds, transportFailure } from "./provider-answer.ts";

/**
 * Set only by the local stack, whose emulator wants a signed request but no real key; in the
 * cloud the function's role signs.
 */
export type EmailCredentials = { accessKeyId: string; secretAccessKey: string };

type SdkError = {
  name?: string;
  message?: string;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
};

/**
 * An SES v2 error as an outcome. Throttling (TooManyRequestsException, 429), a 5xx, anything
 * the SDK marks retryable, a call that never got an answer and an answer the SDK could not
 * read (a 2xx it failed on) are worth another attempt. A 4xx is a refusal that will not
 * change: MessageRejected, MailFromDomainNotVerifiedException, AccountSuspendedException,
 * SendingPausedException, NotFoundException, BadRequestException, LimitExceededException.
 */
export function sesOutcome(error: unknown, attempt: Attempt): SendOutcome {
  const e = (error ?? {}) as SdkError;
  const status = e.$metadata?.httpStatusCode;
  if (status === undefined) return transportFailure(error, attempt);
  const reason = `邮件服务返回${e.name ?? "错误"}（HTTP ${status}）${e.message ? `：${e.message}` : ""}`;
  if (status >= 400 && status < 500 && status !== 429 && !e.$retryable) return failed(reason);
  return retry(reason, retryAfterSeconds(e.$response?.headers?.["retry-after"], attempt.clock()));
}

/**
 * SendEmail (POST /v2/email/outbound-emails) with an HTML and a text part: a notice to a
 * channel's addresses, or (`mail`) a citizen's mail to one address with its own headers
 * (RFC 8058's List-Unsubscribe pair; SES v2 takes them in `Content.Simple.Headers`). The SDK
 * tries once: retries, their pacing and the record of each belong to the dispatcher.
 */
export function emailSenders(
  config: EmailConfig | null,
  attempt: Attempt,
  credentials?: EmailCredentials,
): { email: Sender; mail: MailSender } {
  if (config === null) {
    const unset = async () => failed("未配置邮件发送（SES_REGION、SES_FROM）");
    return { email: unset, mail: unset };
  }
  const client = new SESv2Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(credentials ? { credentials } : {}),
    maxAttempts: 1,
  });
  const utf8 = (data: string) => ({ Data: data, Charset: "UTF-8" });
  const send = async (to: string[], email: PreparedMail): Promise<SendOutcome> => {
    try {
      const sent = await client.send(
        new SendEmailCommand({
          FromEmailAddress: config.from,
          Destination: { ToAddresses: to },
          Content: {
            Simple: {
              Subject: utf8(email.subject),
              Body: { Html: utf8(email.html), Text: utf8(email.text) },
              ...(email.headers.length
                ? { Headers: email.headers.map((h) => ({ Name: h.name, Value: h.value })) }
                : {}),
            },
          },
        }),
        { abortSignal: AbortSignal.timeout(attempt.timeoutMs) },
      );
      return sent.MessageId === undefined
        ? { outcome: "sent" }
        : { outcome: "sent", providerId: sent.MessageId };
    } catch (error) {
      return sesOutcome(error, attempt);
    }
  };
  return {
    email: async (channel, message) =>
      channel.kind === "email"
        ? send(channel.addresses, { ...noticeEmail(message), headers: [] })
        : failed("渠道类型不是电子邮件"),
    mail: (address, mail) => send([address], mail),
  };
}
