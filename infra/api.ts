import { table } from "./database";
import { functions, publicCdn, runtime } from "./plan";

export const api = new sst.aws.ApiGatewayV2("Api");

/** CloudFront in front of the public API; answers say how long it may keep them, up to its max TTL. */
export const cdn = new sst.aws.Router(publicCdn.name, {
  transform: { cachePolicy: { maxTtl: publicCdn.maxTtlSeconds } },
});
cdn.route(publicCdn.path, api.url);
const distributionArn = cdn.nodes.cdn.apply((c) => c.nodes.distribution.arn);

for (const app of functions) {
  const invalidates = app.name === publicCdn.invalidatedBy;
  const fn = new sst.aws.Function(app.name, {
    handler: app.handler,
    runtime,
    // jieba is a native module loaded on first search, and Swagger UI's files are read from
    // their package for `<base>/docs`: ship both beside the bundle.
    nodejs: { install: ["@node-rs/jieba", "swagger-ui-dist"] },
    link: [table],
    environment: {
      TABLE_NAME: table.name,
      ...("environment" in app ? app.environment : {}),
      ...(invalidates ? { CDN_DISTRIBUTION_ID: cdn.distributionID } : {}),
    },
    permissions: invalidates
      ? [{ actions: ["cloudfront:CreateInvalidation"], resources: [distributionArn] }]
      : [],
  });
  // An ARN, not function settings: settings would build one more function for this route.
  for (const route of app.routes) api.route(route, fn.arn);
}
