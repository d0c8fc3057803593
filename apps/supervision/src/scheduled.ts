import { lambdaDeps } from "@gov/http/lambda";

const deps = lambdaDeps();

/**
 * The scheduled supervision scan (督办) entry point. Today it replays search-index work
 * left pending by a failure after a publication committed; the deadline rules arrive with
 * the supervision issue.
 */
export async function handler(): Promise<{ ranAt: string; searchIndexReplayed: number }> {
  const ranAt = deps.clock().toISOString();
  const searchIndexReplayed = await deps.store.search.replayPending();
  console.log(JSON.stringify({ level: "info", event: "supervision-scan", ranAt, searchIndexReplayed }));
  return { ranAt, searchIndexReplayed };
}
