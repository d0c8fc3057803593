import { z } from "zod";

/**
 * The one place the channel settings are read (ADR 0044). The robot bases default to the
 * official hosts; the local stack points them at its capture endpoint. Email and SMS are each
 * all or nothing: a deployment without them still runs, and a delivery on such a channel
 * fails visibly, naming the missing setting.
 */

// An empty variable is an unset one (a blank line in an env file).
const setting = z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).optional());
const httpUrl = z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^https?$/ }).optional());

const groups = {
  email: ["SES_REGION", "SES_FROM"],
  sms: ["SMS_GATEWAY_URL", "SMS_TEMPLATE_ID", "SMS_SIGN_NAME"],
} as const;

export const ChannelEnv = z
  .object({
    WECOM_API_BASE: httpUrl,
    DINGTALK_API_BASE: httpUrl,
    SES_REGION: setting,
    SES_ENDPOINT: httpUrl,
    SES_FROM: setting.refine((v) => v === undefined || v.includes("@"), "须为发件邮箱地址"),
    SMS_GATEWAY_URL: httpUrl,
    SMS_TEMPLATE_ID: setting,
    SMS_SIGN_NAME: setting,
    SMS_GATEWAY_TOKEN: setting,
    /** Where a unit reads the whole notice: each message links `${NOTICE_LINK_BASE}/<notice id>`. */
    NOTICE_LINK_BASE: httpUrl,
  })
  .superRefine((env, ctx) => {
    for (const names of Object.values(groups)) {
      const missing = names.filter((name) => env[name] === undefined);
      if (missing.length > 0 && missing.length < names.length)
        for (const name of missing)
          ctx.addIssue({ code: "custom", path: [name], message: `须与${names.join("、")}一并设置` });
    }
  })
  .transform((env) => ({
    wecomApiBase: trimSlash(env.WECOM_API_BASE ?? "https://qyapi.weixin.qq.com"),
    dingtalkApiBase: trimSlash(env.DINGTALK_API_BASE ?? "https://oapi.dingtalk.com"),
    noticeLinkBase: env.NOTICE_LINK_BASE ? trimSlash(env.NOTICE_LINK_BASE) : null,
    email:
      env.SES_REGION && env.SES_FROM
        ? { region: env.SES_REGION, endpoint: env.SES_ENDPOINT, from: env.SES_FROM }
        : null,
    sms:
      env.SMS_GATEWAY_URL && env.SMS_TEMPLATE_ID && env.SMS_SIGN_NAME
        ? {
            url: env.SMS_GATEWAY_URL,
            templateId: env.SMS_TEMPLATE_ID,
            signName: env.SMS_SIGN_NAME,
            token: env.SMS_GATEWAY_TOKEN,
          }
        : null,
  }));
export type ChannelConfig = z.output<typeof ChannelEnv>;
export type EmailConfig = NonNullable<ChannelConfig["email"]>;
export type SmsConfig = NonNullable<ChannelConfig["sms"]>;

function trimSlash(base: string) {
  return base.replace(/\/+$/, "");
}

/** The channel settings from the environment; a wrong one stops the start with its name. */
export function channelConfig(environment: Record<string, string | undefined>): ChannelConfig {
  const parsed = ChannelEnv.safeParse(environment);
  if (!parsed.success)
    throw new Error(
      `送达渠道配置有误：${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("；")}`,
    );
  return parsed.data;
}
