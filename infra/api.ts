import { table } from "./database";
import { functions, runtime } from "./plan";

export const api = new sst.aws.ApiGatewayV2("Api");

for (const app of functions) {
  const fn = new sst.aws.Function(app.name, {
    handler: app.handler,
    runtime,
    // jieba is a native module loaded on first search; ship it beside the bundle.
    nodejs: { install: ["@node-rs/jieba"] },
    link: [table],
    environment: { TABLE_NAME: table.name },
  });
  // An ARN, not function settings: settings would build one more function for this route.
  for (const route of app.routes) api.route(route, fn.arn);
}
