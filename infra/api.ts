import { table } from "./database";
import { functions, runtime } from "./plan";

export const api = new sst.aws.ApiGatewayV2("Api");

for (const fn of functions) {
  const handler = {
    handler: fn.handler,
    runtime,
    // jieba is a native module loaded on first search; ship it beside the bundle.
    nodejs: { install: ["@node-rs/jieba"] },
    link: [table],
    environment: { TABLE_NAME: table.name },
  } as const;
  api.route(`ANY ${fn.basePath}`, handler);
  api.route(`ANY ${fn.basePath}/{proxy+}`, handler);
}
