import { table } from "./database";
import { api } from "./gateway";
import { channelEnvironment, lambdaBuild, noticeDispatch, runtime } from "./plan";

/** Seals the units' delivery channels (ADR 0045): `sst secret set ChannelSecretKey "$(openssl rand -base64 32)"`. */
export const channelKey = new sst.Secret("ChannelSecretKey");

export const dispatcher = new sst.aws.Function(noticeDispatch.name, {
  handler: noticeDispatch.handler,
  runtime,
  nodejs: lambdaBuild,
  timeout: `${noticeDispatch.timeoutSeconds} seconds`,
  link: [table],
  environment: {
    TABLE_NAME: table.name,
    CHANNEL_SECRET_KEY: channelKey.value,
    // Until the console (issue 16) has a notice page, a message links to the notice in the API.
    NOTICE_LINK_BASE: $interpolate`${api.url}/notices/v1/notices`,
    ...channelEnvironment(process.env),
  },
  permissions: [{ actions: ["ses:SendEmail"], resources: ["*"] }],
});

export const dispatchSchedule = new sst.aws.CronV2(`${noticeDispatch.name}Schedule`, {
  schedule: noticeDispatch.schedule,
  function: dispatcher,
});
