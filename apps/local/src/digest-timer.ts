import { type PortalLinks, scheduledDigest } from "@gov/core";
import type { Deps } from "@gov/http";
import { startDailyTimer } from "./supervision-timer.ts";

/**
 * The subscriptions' daily digest (ADR 0060) at the cloud's time of day, through the same core
 * use case; a second run the same day sends nothing again.
 */
export function startDigestTimer(
  deps: Deps,
  at: string,
  links: PortalLinks,
  log: (line: string) => void,
): { stop(): void } {
  return startDailyTimer(deps.clock, at, async () => {
    try {
      const run = await scheduledDigest(deps, links);
      if (run) log(`订阅摘要：${run.asOf} 发送 ${run.sent} 封，无新信息 ${run.nothingNew} 个订阅`);
    } catch (error) {
      log(`订阅摘要失败：${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
