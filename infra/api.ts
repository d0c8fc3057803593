import { table } from "./database";
import { functions, runtime } from "./plan";

export const api = new sst.aws.ApiGatewayV2("Api");

for (const fn of functions) {
  const handler = {
    handler: fn.handler,
    runtime,
    link: [table],
    environment: { TABLE_NAME: table.name },
  } as const;
  api.route(`ANY ${fn.basePath}`, handler);
  api.route(`ANY ${fn.basePath}/{proxy+}`, handler);
}
