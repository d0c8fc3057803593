import { tableDefinition } from "@gov/store/table";

/**
 * What the cloud runs, as plain data: the SST modules turn it into resources, and the
 * offline tests check it against the code (handlers exist, every app is routed to its own
 * function, the table has the store's keys) without the `sst` CLI.
 *
 * One function per app, and every route of the app goes to it: a route given function
 * settings instead would build a function of its own, one per route, each cold on its own.
 */
export const functions = [
  {
    name: "Publish",
    handler: "apps/publish/src/lambda.handler",
    routes: ["ANY /publish", "ANY /publish/{proxy+}"],
  },
  {
    name: "Public",
    handler: "apps/public/src/lambda.handler",
    routes: ["ANY /public", "ANY /public/{proxy+}"],
    // Behind the CDN: the one hop it appends to X-Forwarded-For is the client (ADR 0041).
    environment: { TRUSTED_PROXIES: "1" },
    // Subscriptions seal citizens' addresses and put their confirmation mails in the outbox (ADR 0060).
    issuesNotices: true,
  },
  {
    name: "Notices",
    handler: "apps/notices/src/lambda.handler",
    routes: ["ANY /notices", "ANY /notices/{proxy+}"],
    issuesNotices: true,
  },
  {
    name: "Supervision",
    handler: "apps/supervision/src/lambda.handler",
    routes: ["ANY /supervision", "ANY /supervision/{proxy+}"],
    // Assessment rounds, rectification tasks and 督办 digests issue notices through the core.
    issuesNotices: true,
    // The office console's pages (ADR 0054) sign their session cookies with CONSOLE_SESSION_KEY.
    servesConsole: true,
  },
] as const;

/**
 * The public API behind a CDN (CloudFront, through `sst.aws.Router`), so a hot item or column
 * is served from the edge. It keeps nothing longer than `maxTtlSeconds`, whatever an answer
 * says, and the function that commits public changes (approve, withdraw, validity) invalidates
 * it after each: a withdrawal stops being served within 60 s (ADR 0041). The keyed apps are
 * not behind it: their answers are per key and never shared.
 */
export const publicCdn = {
  name: "PublicCdn",
  path: "/public",
  maxTtlSeconds: 30,
  invalidatedBy: "Publish",
  /**
   * Crawlers ask for these at the site's root, not under `/public` (issue 16): the router
   * answers them with the portal's own, as apps/local does for `pnpm start`.
   */
  rootFiles: ["/robots.txt", "/sitemap.xml"],
} as const;

/** The CDN's rewrite of a root file to the portal's: that exact path only, nothing under or beside it. */
export const rootFileRewrite = (file: string) => ({
  regex: `^${file.replace(/\./g, "\\.")}$`,
  to: `${publicCdn.path}${file}`,
});

/**
 * The supervision scan runs every morning at 08:30 Beijing time and skips days off itself on
 * the loaded calendar (ADR 0049): a make-up working day can be a Saturday or a Sunday, which no
 * weekday pattern of the scheduler knows.
 */
export const supervisionScan = {
  name: "SupervisionScan",
  handler: "apps/supervision/src/scheduled.handler",
  schedule: "cron(30 8 * * ? *)",
  timezone: "Asia/Shanghai",
  // A run reads only due clocks, but issues a digest per unit and replays the search index.
  timeoutSeconds: 300,
} as const;

/**
 * The subscriptions' daily digest (ADR 0060): every morning at 07:00 Beijing time, days off
 * included; each subscription's digest of a day is sent once however often it runs.
 */
export const subscriptionDigest = {
  name: "SubscriptionDigest",
  handler: "apps/public/src/digest.handler",
  schedule: "cron(0 7 * * ? *)",
  timezone: "Asia/Shanghai",
  timeoutSeconds: 300,
} as const;

/**
 * The notice dispatcher (ADR 0045, 0048): every minute, and woken by each function that issues
 * notices (`issuesNotices`). A run starts no channel with less than 110 s left, so its timeout
 * leaves room for one.
 */
export const noticeDispatch = {
  name: "NoticeDispatch",
  handler: "apps/notices/src/dispatch.handler",
  schedule: "rate(1 minute)",
  timeoutSeconds: 180,
} as const;

/**
 * The channel settings (apps/notices/src/channels/config.ts) the dispatcher reads, taken from
 * the deployer's environment at deploy time; unset ones stay unset (email or SMS then fail
 * visibly, naming the setting). CHANNEL_SECRET_KEY is not here: it is an `sst.Secret`.
 */
export const channelSettings = [
  "WECOM_API_BASE",
  "DINGTALK_API_BASE",
  "SES_REGION",
  "SES_ENDPOINT",
  "SES_FROM",
  "SMS_GATEWAY_URL",
  "SMS_TEMPLATE_ID",
  "SMS_SIGN_NAME",
  "SMS_GATEWAY_TOKEN",
] as const;

export function channelEnvironment(deployer: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    channelSettings.flatMap((name) => (deployer[name] ? [[name, deployer[name] as string]] : [])),
  );
}

export const runtime = "nodejs22.x";

/**
 * How every function is bundled (SST's `nodejs` options over its own esbuild settings, which
 * infra/sst-build.ts copies). bench/ builds the frames and the baseline with these same options
 * and plugins, so the sizes it reports are the deployed ones (ADR 0062). The plugins path is
 * from the repo root, where `sst` runs. No `esbuild.target`: SST's Go side reads it into an enum
 * that a JSON string does not fit, and keeps its own `esnext`.
 */
export const lambdaBuild = {
  minify: true,
  plugins: "infra/esbuild-plugins.mjs",
} as const;

/** The table's fields and indexes in the shape `sst.aws.Dynamo` takes. */
export function dynamoArgs() {
  const { partitionKey, sortKey, indexes, ttlAttribute } = tableDefinition;
  const fields: Record<string, "string"> = { [partitionKey]: "string", [sortKey]: "string" };
  const globalIndexes: Record<string, { hashKey: string; rangeKey: string }> = {};
  for (const [name, index] of Object.entries(indexes)) {
    fields[index.partitionKey] = "string";
    fields[index.sortKey] = "string";
    globalIndexes[name] = { hashKey: index.partitionKey, rangeKey: index.sortKey };
  }
  return {
    fields,
    primaryIndex: { hashKey: partitionKey, rangeKey: sortKey },
    globalIndexes,
    ttl: ttlAttribute,
  };
}
