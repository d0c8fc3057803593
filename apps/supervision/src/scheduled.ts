import { type ScanResult, supervisionScan } from "@gov/core";
import { lambdaDeps } from "@gov/http/lambda";

const deps = lambdaDeps();

/** The scheduled supervision scan's entry point: the core use case, logged (the run itself is recorded). */
export async function handler(): Promise<ScanResult> {
  const result = await supervisionScan(deps);
  const { run } = result;
  const summary = run && {
    runId: run.id,
    asOf: run.asOf,
    skipped: run.skipped,
    noticesIssued: run.noticesIssued,
    errors: run.errors.length,
  };
  console.log(
    JSON.stringify({
      level: run?.errors.length ? "warn" : "info",
      event: "supervision-scan",
      ranAt: result.ranAt,
      searchIndexReplayed: result.searchIndexReplayed,
      ...summary,
    }),
  );
  return result;
}
