import { type DigestRun, scheduledDigest } from "@gov/core";
import { lambdaDeps } from "@gov/http/lambda";
import { z } from "zod";

const deps = lambdaDeps();

/** Where mails link back to: the public API's base as citizens reach it (`https://…/public`). */
const DigestEnv = z.object({ PORTAL_LINK_BASE: z.url({ protocol: /^https?$/ }) });

/** The subscriptions' daily digest (ADR 0060): the core use case, logged. */
export async function handler(): Promise<DigestRun | null> {
  const { PORTAL_LINK_BASE } = DigestEnv.parse(process.env);
  const run = await scheduledDigest(deps, { base: PORTAL_LINK_BASE });
  console.log(JSON.stringify({ level: "info", event: "subscription-digest", ...run }));
  return run;
}
