import { cdn } from "./api";
import { table } from "./database";
import { channelKey, dispatcher } from "./dispatch";
import { lambdaBuild, publicCdn, runtime, subscriptionDigest, supervisionScan } from "./plan";

export const scan = new sst.aws.CronV2(supervisionScan.name, {
  schedule: supervisionScan.schedule,
  timezone: supervisionScan.timezone,
  function: {
    handler: supervisionScan.handler,
    runtime,
    nodejs: lambdaBuild,
    timeout: `${supervisionScan.timeoutSeconds} seconds`,
    link: [table],
    // The scan issues the notices tasks and rounds owe, and wakes the dispatcher after each.
    environment: {
      TABLE_NAME: table.name,
      CHANNEL_SECRET_KEY: channelKey.value,
      NOTICE_DISPATCH_FUNCTION: dispatcher.name,
    },
    permissions: [{ actions: ["lambda:InvokeFunction"], resources: [dispatcher.arn] }],
  },
});

export const digest = new sst.aws.CronV2(subscriptionDigest.name, {
  schedule: subscriptionDigest.schedule,
  timezone: subscriptionDigest.timezone,
  function: {
    handler: subscriptionDigest.handler,
    runtime,
    nodejs: lambdaBuild,
    timeout: `${subscriptionDigest.timeoutSeconds} seconds`,
    link: [table],
    // The digest opens the sealed addresses, writes its mails to the outbox and wakes the dispatcher.
    environment: {
      TABLE_NAME: table.name,
      CHANNEL_SECRET_KEY: channelKey.value,
      NOTICE_DISPATCH_FUNCTION: dispatcher.name,
      // The portal's address as citizens reach it: through the CDN, not the gateway behind it.
      PORTAL_LINK_BASE: $interpolate`${cdn.url}${publicCdn.path}`,
    },
    permissions: [{ actions: ["lambda:InvokeFunction"], resources: [dispatcher.arn] }],
  },
});
