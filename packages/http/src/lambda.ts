import { channelSecrets, publicChanges } from "@gov/core";
import { builtInCalendar, defaultSettings } from "@gov/domain";
import { createStore } from "@gov/store";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import { z } from "zod";
import type { App } from "./app.ts";
import { cdnInvalidation } from "./cdn.ts";
import { dispatchInvocation } from "./dispatch-invocation.ts";
import type { Deps } from "./env.ts";

/**
 * The one place a deployed function reads its configuration; infra/ sets these variables
 * (Lambda itself sets the credentials). A function given CDN_DISTRIBUTION_ID invalidates the
 * public API's CDN after each public change it commits; one given CHANNEL_SECRET_KEY seals and
 * opens units' delivery channels; one given NOTICE_DISPATCH_FUNCTION wakes that function after
 * each notice it issues (ADR 0048).
 */
const LambdaEnv = z.object({
  TABLE_NAME: z.string().min(1),
  CDN_DISTRIBUTION_ID: z.string().min(1).optional(),
  /** Seals units' delivery channels (ADR 0045); unset, channels cannot be set or sent. */
  CHANNEL_SECRET_KEY: z.string().min(1).optional(),
  NOTICE_DISPATCH_FUNCTION: z.string().min(1).optional(),
  AWS_REGION: z.string().optional(),
  AWS_ACCESS_KEY_ID: z.string().optional(),
  AWS_SECRET_ACCESS_KEY: z.string().optional(),
  AWS_SESSION_TOKEN: z.string().optional(),
});

export function lambdaDeps(environment: Record<string, string | undefined> = process.env): Deps {
  const env = LambdaEnv.parse(environment);
  const changes = publicChanges();
  const credentials =
    env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? {
          accessKeyId: env.AWS_ACCESS_KEY_ID,
          secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
          ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
        }
      : undefined;
  if (env.CDN_DISTRIBUTION_ID && credentials) {
    changes.subscribe(cdnInvalidation({ distributionId: env.CDN_DISTRIBUTION_ID, credentials }));
  }
  const wake =
    env.NOTICE_DISPATCH_FUNCTION && env.AWS_REGION && credentials
      ? dispatchInvocation({
          functionName: env.NOTICE_DISPATCH_FUNCTION,
          region: env.AWS_REGION,
          credentials,
        })
      : undefined;
  return {
    store: createStore({ tableName: env.TABLE_NAME }),
    clock: () => new Date(),
    calendar: builtInCalendar(),
    settings: defaultSettings,
    publicChanges: changes,
    ...(env.CHANNEL_SECRET_KEY ? { channelSecrets: channelSecrets(env.CHANNEL_SECRET_KEY) } : {}),
    ...(wake ? { wakeDispatcher: wake } : {}),
  };
}

/**
 * An app's Lambda handler. API Gateway hands the function the whole path (`/public/v1/…` for
 * the route `ANY /public/{proxy+}`, infra/plan.ts), while an app's routes start at `/v1`: the app
 * is mounted under its base path, as apps/local mounts the four apps.
 */
export function servedAt(basePath: string, app: App) {
  return handle(new Hono().route(basePath, app));
}
