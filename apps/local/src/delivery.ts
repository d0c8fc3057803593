import { type ChannelConfig, channelConfig, createSenders } from "@gov/notices";

/**
 * The channels of the local stack (issue 13): both robots and the SMS gateway answer at the
 * capture endpoint, email goes to the SES v2 emulator. The emulator checks that a request is
 * signed, not by whom, so any key does.
 */
export function localChannelConfig(urls: { captureUrl: string; emailUrl: string }): ChannelConfig {
  return channelConfig({
    WECOM_API_BASE: `${urls.captureUrl}/wecom`,
    DINGTALK_API_BASE: `${urls.captureUrl}/dingtalk`,
    SES_REGION: "us-east-1",
    SES_ENDPOINT: urls.emailUrl,
    SES_FROM: "notices@gongqingcheng.example.gov.cn",
    SMS_GATEWAY_URL: `${urls.captureUrl}/sms`,
    SMS_TEMPLATE_ID: "SMS_NOTICE_LOCAL",
    SMS_SIGN_NAME: "共青城政务公开",
  });
}

export function localSenders(urls: { captureUrl: string; emailUrl: string }, clock: () => Date) {
  return createSenders(localChannelConfig(urls), {
    clock,
    emailCredentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
}
