import { supervisionScan } from "@gov/core";
import type { Deps } from "@gov/http";
import { z } from "zod";

/** When `pnpm start` runs the scan: an Asia/Shanghai time of day ("08:30", as the cloud's schedule), or "off". */
export const SupervisionTimer = z
  .union([z.literal("off"), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "须为HH:MM（北京时间）或off")])
  .default("08:30");
export type SupervisionTimer = z.infer<typeof SupervisionTimer>;

const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // China keeps no daylight saving time

/** The next moment after `now` that is `at` (HH:MM) in Shanghai. */
export function nextRunAt(now: Date, at: string): Date {
  const [hours, minutes] = at.split(":").map(Number);
  const shanghai = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const today = Date.UTC(
    shanghai.getUTCFullYear(),
    shanghai.getUTCMonth(),
    shanghai.getUTCDate(),
    hours,
    minutes,
  );
  const next = today - SHANGHAI_OFFSET_MS;
  return new Date(next > now.getTime() ? next : next + 86_400_000);
}

/**
 * Runs `job` every day at `at` (Shanghai time) on the deps' clock; a failed run is logged by
 * the job, and the next day's runs again.
 */
export function startDailyTimer(clock: () => Date, at: string, job: () => Promise<void>): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    const now = clock();
    timer = setTimeout(fire, nextRunAt(now, at).getTime() - now.getTime());
    // The server keeps the process alive; a pending run must not.
    timer.unref();
  };
  const fire = async () => {
    await job();
    schedule();
  };
  schedule();
  return { stop: () => clearTimeout(timer) };
}

/**
 * The cloud's daily schedule, locally (ADR 0049): the same core scan at the same time of day.
 * The scan itself skips days off on the loaded calendar; a failed run is logged, and the
 * next day's runs again (a re-run with the same day issues only what is missing).
 */
export function startSupervisionTimer(deps: Deps, at: string, log: (line: string) => void): { stop(): void } {
  return startDailyTimer(deps.clock, at, async () => {
    try {
      const { run } = await supervisionScan(deps);
      if (run)
        log(
          `督办：${run.asOf} ${run.skipped ?? `发出督办通知 ${run.noticesIssued} 份，错误 ${run.errors.length} 个`}`,
        );
    } catch (error) {
      log(`督办失败：${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
