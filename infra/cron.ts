import { table } from "./database";
import { runtime, supervisionScan } from "./plan";

export const scan = new sst.aws.CronV2(supervisionScan.name, {
  schedule: supervisionScan.schedule,
  timezone: supervisionScan.timezone,
  function: {
    handler: supervisionScan.handler,
    runtime,
    link: [table],
    environment: { TABLE_NAME: table.name },
  },
});
