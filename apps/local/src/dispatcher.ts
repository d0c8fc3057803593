import { type Deps, dispatchUntilIdle } from "@gov/core";
import type { Senders } from "@gov/domain";

/**
 * The notice dispatcher of `pnpm start` (ADR 0048): a pass every `everyMs`, and one at once
 * when a notice is issued. Passes never overlap; a wake-up during a pass runs one more after
 * it, so a notice issued mid-pass is not left for the next tick.
 */
export function localDispatcher(
  deps: Deps,
  senders: Senders,
  options: { linkBase: string; everyMs: number; log: (line: string) => void },
) {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const passes = async () => {
    do {
      again = false;
      try {
        const result = await dispatchUntilIdle(deps, senders, {
          linkBase: options.linkBase,
          random: Math.random,
          timeLeftMs: () => Number.POSITIVE_INFINITY,
        });
        if (result.sent + result.dead > 0)
          options.log(
            `通知送达：发送 ${result.sent} 条，失败 ${result.dead} 条，待重试 ${result.retried} 条`,
          );
      } catch (error) {
        options.log(`通知送达出错（稍后重试）：${String(error)}`);
      }
    } while (again && !stopped);
  };

  const wake = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = passes().finally(() => {
      running = undefined;
    });
  };

  const timer = setInterval(wake, options.everyMs);
  timer.unref();
  return {
    wake: async () => wake(),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
