import { table } from "./database";
import { channelKey, dispatcher } from "./dispatch";
import { lambdaBuild, runtime, supervisionScan } from "./plan";

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
