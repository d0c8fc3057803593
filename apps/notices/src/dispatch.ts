import { type Deps, type DispatchResult, dispatchUntilIdle } from "@gov/core";
import type { Senders } from "@gov/domain";
import { lambdaDeps } from "@gov/http/lambda";
import { channelConfig, createSenders } from "./channels/index.ts";

/**
 * The scheduled dispatcher (ADR 0045): every minute, and right after a notice is issued, one
 * run sends what is due until nothing is or its time is nearly spent. Its configuration is
 * the function's (TABLE_NAME, CHANNEL_SECRET_KEY) and the channels' (config.ts), with
 * NOTICE_LINK_BASE required: a message without a link to the whole notice is not sent.
 */

/** What a run needs besides the clock: the senders, where links lead, and the jitter's source. */
export type DispatchRun = { deps: Deps; senders: Senders; linkBase: string; random: () => number };

/** Lambda's context, as far as a run reads it. */
type RunContext = { getRemainingTimeInMillis(): number };

/**
 * One run. It starts no channel with less than 110 s left (a robot's 20 attempts at the
 * senders' 5 s timeout), so give the function a timeout of 3 minutes or more; it logs its
 * counts, never a channel or a message.
 */
export async function dispatchRun(run: DispatchRun, context: RunContext): Promise<DispatchResult> {
  const result = await dispatchUntilIdle(run.deps, run.senders, {
    linkBase: run.linkBase,
    random: run.random,
    timeLeftMs: () => context.getRemainingTimeInMillis(),
  });
  console.info(JSON.stringify({ event: "notice-deliveries", ...result }));
  return result;
}

/** The run as configured from the environment; a missing or wrong setting stops it, naming the setting. */
export function dispatchFromEnvironment(environment: Record<string, string | undefined>): DispatchRun {
  const deps = lambdaDeps(environment);
  const config = channelConfig(environment);
  if (!config.noticeLinkBase)
    throw new Error("送达渠道配置有误：NOTICE_LINK_BASE 未设置（通知全文的地址前缀）");
  return {
    deps,
    senders: createSenders(config, { clock: deps.clock }),
    linkBase: config.noticeLinkBase,
    random: Math.random,
  };
}

let configured: DispatchRun | undefined;

/** The scheduled Lambda's entry (CronV2 every minute; infra/ wires it). Built on first use, so importing reads no environment. */
export const handler = async (_event: unknown, context: RunContext): Promise<DispatchResult> => {
  configured ??= dispatchFromEnvironment(process.env);
  return dispatchRun(configured, context);
};
