import { type ScanResult, supervisionScan } from "@gov/core";
import { lambdaDeps } from "@gov/http/lambda";

const deps = lambdaDeps();

/** The scheduled supervision scan's entry point: the core use case, logged. */
export async function handler(): Promise<ScanResult> {
  const result = await supervisionScan(deps);
  console.log(JSON.stringify({ level: "info", event: "supervision-scan", ...result }));
  return result;
}
