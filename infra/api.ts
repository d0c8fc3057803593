import { table } from "./database";
import { channelKey, dispatcher } from "./dispatch";
import { api } from "./gateway";
import { functions, lambdaBuild, publicCdn, rootFileRewrite, runtime } from "./plan";

export { api };

/** Signs the office console's sessions and CSRF tokens (ADR 0054): `sst secret set ConsoleSessionKey "$(openssl rand -base64 32)"`. */
export const consoleKey = new sst.Secret("ConsoleSessionKey");

/** CloudFront in front of the public API; answers say how long it may keep them, up to its max TTL. */
export const cdn = new sst.aws.Router(publicCdn.name, {
  transform: { cachePolicy: { maxTtl: publicCdn.maxTtlSeconds } },
});
cdn.route(publicCdn.path, api.url);
for (const file of publicCdn.rootFiles) cdn.route(file, api.url, { rewrite: rootFileRewrite(file) });
const distributionArn = cdn.nodes.cdn.apply((c) => c.nodes.distribution.arn);

for (const app of functions) {
  const invalidates = app.name === publicCdn.invalidatedBy;
  const issuesNotices = "issuesNotices" in app && app.issuesNotices;
  const servesConsole = "servesConsole" in app && app.servesConsole;
  const fn = new sst.aws.Function(app.name, {
    handler: app.handler,
    runtime,
    // Swagger UI's files are read from their package for `<base>/docs`: shipped beside the
    // bundle. (Search needs nothing shipped: it segments with Node's Intl.Segmenter, ADR 0058.)
    nodejs: { ...lambdaBuild, install: ["swagger-ui-dist"] },
    link: [table],
    environment: {
      TABLE_NAME: table.name,
      ...("environment" in app ? app.environment : {}),
      ...(invalidates ? { CDN_DISTRIBUTION_ID: cdn.distributionID } : {}),
      // Sets channels (notices) or issues notices, and wakes the dispatcher after each (ADR 0048).
      ...(issuesNotices
        ? { CHANNEL_SECRET_KEY: channelKey.value, NOTICE_DISPATCH_FUNCTION: dispatcher.name }
        : {}),
      ...(servesConsole ? { CONSOLE_SESSION_KEY: consoleKey.value } : {}),
    },
    permissions: [
      ...(invalidates ? [{ actions: ["cloudfront:CreateInvalidation"], resources: [distributionArn] }] : []),
      ...(issuesNotices ? [{ actions: ["lambda:InvokeFunction"], resources: [dispatcher.arn] }] : []),
    ],
  });
  // An ARN, not function settings: settings would build one more function for this route.
  for (const route of app.routes) api.route(route, fn.arn);
}
