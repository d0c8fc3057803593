import { lambdaDeps } from "@gov/http/lambda";

const deps = lambdaDeps();

/**
 * The scheduled supervision scan (督办) entry point. The deadline rules it applies arrive
 * with the supervision issue; until then it records that it ran, so the schedule can be
 * deployed and watched.
 */
export async function handler(): Promise<{ ranAt: string; noticesIssued: number }> {
  const ranAt = deps.clock().toISOString();
  console.log(JSON.stringify({ level: "info", event: "supervision-scan", ranAt }));
  return { ranAt, noticesIssued: 0 };
}
