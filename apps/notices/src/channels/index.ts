import type { Senders } from "@gov/domain";
import type { ChannelConfig } from "./config.ts";
import { dingtalkSender } from "./dingtalk.ts";
import { type EmailCredentials, emailSenders } from "./email.ts";
import { smsSender } from "./sms.ts";
import { wecomSender } from "./wecom.ts";

export { type ChannelConfig, channelConfig } from "./config.ts";

/** A provider that has not answered in 5 s is treated as down; the dispatcher tries again later. */
export const defaultAttemptTimeoutMs = 5_000;

/** The four senders (and the email channel's sender of citizens' mails) on the configured providers, each attempt bounded and timed by the clock given. */
export function createSenders(
  config: ChannelConfig,
  options: { clock: () => Date; timeoutMs?: number; emailCredentials?: EmailCredentials },
): Senders {
  const attempt = { clock: options.clock, timeoutMs: options.timeoutMs ?? defaultAttemptTimeoutMs };
  const { email, mail } = emailSenders(config.email, attempt, options.emailCredentials);
  return {
    wecom: wecomSender(config.wecomApiBase, attempt),
    dingtalk: dingtalkSender(config.dingtalkApiBase, attempt),
    email,
    mail,
    sms: smsSender(config.sms, attempt),
  };
}
