import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  ScanCommand,
  type ScanCommandOutput,
  ThrottlingException,
} from "@aws-sdk/client-dynamodb";
import { type Deps, publicChanges, supervisionRun } from "@gov/core";
import {
  type AuditEntry,
  addDays,
  builtInCalendar,
  defaultSettings,
  manualTask,
  type RectificationTask,
} from "@gov/domain";
import { createStore, newId, type Principal } from "@gov/store";
import { startDynamoDbLocal } from "@gov/store/local";

/**
 * `pnpm --filter @gov/bench supervision` (issue 14): open rectification tasks, each with its
 * supervision clock and audit entry as the store writes them, of which 100 are due on the as-of
 * day; one 督办 run against a full Scan of the same table, in read units (ReturnConsumedCapacity)
 * and time. BENCH_CLOCKS sets how many tasks (default 100,000).
 */

const clocks = Number(process.env.BENCH_CLOCKS ?? 100_000);
const due = 100;
const asOf = "2026-06-10"; // a Wednesday
const office: Principal = { unitCode: "000014349", roles: ["office"], keyId: "bench" };
const units = Array.from({ length: 12 }, (_, i) => `0000144${String(i).padStart(2, "0")}`);
/** Tasks per load call (three records each, sent 25 records per BatchWriteItem, four at a time). */
const perLoad = 500;
const inFlight = Number(process.env.BENCH_IN_FLIGHT ?? 2);

// Deadlines of the tasks that are not due spread over the rest of 2026 (a loaded year).
const notDue = (i: number) => addDays("2026-07-01", i % 170);
// Half are overdue by a day or two, half due in a day or two (within every clock's window).
const dueOn = (i: number) =>
  i % 2 === 0 ? addDays(asOf, -1 - (i % 4) / 2) : addDays(asOf, 1 + ((i - 1) % 4) / 2);

/** A task as the office issues one by hand (the domain's own step), with its audit entry. */
function task(i: number, deadline: string, at: string): { task: RectificationTask; audit: AuditEntry } {
  const input = {
    unitCode: units[i % units.length] ?? "000014400",
    indicatorCode: "2.1",
    problem: `第${i}项：主动公开信息未在20个工作日内公开`,
    measures: "补充公开并建立台账",
    deadline,
  };
  const made = manualTask(input, { assessment: null, system: null }, newId("rectificationTask"), at);
  return {
    task: made,
    audit: {
      entityType: "rectification-task",
      entityId: made.id,
      action: "create",
      version: 1,
      actorUnitCode: office.unitCode,
      actorKeyId: office.keyId,
      at,
    },
  };
}

/** Throttled, or a server fault (DynamoDB Local under load answers InternalFailure, 500). */
const isRetryable = (error: unknown) =>
  error instanceof ProvisionedThroughputExceededException ||
  error instanceof ThrottlingException ||
  error instanceof RequestLimitExceeded ||
  (error as { $fault?: string } | undefined)?.$fault === "server";

/**
 * One Scan page, again after a backoff when throttled or failed on the server's side: a
 * provisioned table in the cloud throttles a full Scan long before it ends, and a page lost
 * would make the figure wrong.
 */
async function throttled(page: () => Promise<ScanCommandOutput>): Promise<ScanCommandOutput> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await page();
    } catch (error) {
      if (!isRetryable(error) || attempt >= 10) throw error;
      console.log(`Scan page retried after ${String(error)}`);
      await new Promise((r) => setTimeout(r, Math.min(5000, 100 * 2 ** attempt)));
    }
  }
}

async function main() {
  // On disk (BENCH_DATA_DIR) or in memory: in memory loads several times faster on two cores.
  const dataDir = process.env.BENCH_DATA_DIR
    ? mkdtempSync(join(process.env.BENCH_DATA_DIR, "bench-supervision-"))
    : undefined;
  // 300,000 records in memory: the full Scan failed with InternalFailure under the default 512 MB
  // heap and stalled in garbage collection at 2 GB.
  const maxHeapMb = Number(process.env.BENCH_HEAP_MB ?? 6144);
  const db = await startDynamoDbLocal({ ...(dataDir ? { dataDir } : {}), maxHeapMb });
  const tableName = "bench-supervision";
  // Loading shares two cores with DynamoDB Local on disk: calls may wait far longer than in use.
  const limits = { connectionTimeout: 30_000, requestTimeout: 120_000, maxAttempts: 3 };
  const store = createStore({ tableName, endpoint: db.endpoint, limits });
  try {
    await store.ensureTable();
    await store.units.put({ code: office.unitCode, name: "市政务公开办", kind: "office" });
    for (const [i, code] of units.entries())
      await store.units.put({ code, name: `市直部门${i + 1}`, kind: "department" });

    const at = "2026-05-01T02:00:00.000Z";
    const started = Date.now();
    // BatchWriteItem of the store's own records (task, audit entry, clock): a transaction per
    // eight tasks, as `createMany` writes them, made 100,000 too slow to load on this machine.
    let next = 0;
    let loaded = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < clocks) {
          const from = next;
          next = Math.min(clocks, next + perLoad);
          const batch = Array.from({ length: next - from }, (_, k) =>
            task(from + k, from + k < due ? dueOn(from + k) : notDue(from + k), at),
          );
          await store.rectificationTasks.load(batch);
          loaded += batch.length;
          if (loaded % 10_000 < perLoad) console.log(`loaded ${loaded} tasks`);
        }
      }),
    );
    const loadSeconds = (Date.now() - started) / 1000;

    const deps: Deps = {
      store,
      clock: () => new Date(`${asOf}T00:30:00.000Z`),
      calendar: builtInCalendar(),
      settings: defaultSettings,
      publicChanges: publicChanges(),
    };
    const measureRun = async () => {
      const before = { units: store.calls.readUnits, calls: store.calls.total };
      const t0 = performance.now();
      const run = await supervisionRun(deps, office, { asOf, dryRun: false });
      return {
        run,
        ms: performance.now() - t0,
        readUnits: store.calls.readUnits - before.units,
        calls: store.calls.total - before.calls,
      };
    };
    const first = await measureRun();
    const second = await measureRun();
    // Logged before the Scan, so a Scan that fails does not lose the runs' figures.
    for (const [name, m] of Object.entries({ first, second }))
      console.log(
        `run ${name}: ${m.readUnits.toFixed(1)} read units, ${m.calls} calls, ${m.ms.toFixed(0)} ms, ${m.run.noticesIssued} digests, already told ${m.run.alreadyTold}`,
      );

    const raw = new DynamoDBClient({
      region: "cn-north-1",
      endpoint: db.endpoint,
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    let scanUnits = 0;
    let scanned = 0;
    let pages = 0;
    const t0 = performance.now();
    let start: Record<string, never> | undefined;
    do {
      const page = await throttled(() =>
        raw.send(
          new ScanCommand({
            TableName: tableName,
            // COUNT is charged the read units of every record it passes, as a Scan that returns
            // them is, without DynamoDB Local building 1 MB pages of items: at 300,000 records
            // those pages exhausted its heap.
            Select: "COUNT",
            ReturnConsumedCapacity: "TOTAL",
            ExclusiveStartKey: start,
          }),
        ),
      );
      scanUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
      scanned += page.Count ?? 0;
      pages += 1;
      if (pages % 20 === 0) console.log(`Scan: ${pages} pages, ${scanned} records`);
      start = page.LastEvaluatedKey as typeof start;
    } while (start);
    const scanMs = performance.now() - t0;
    raw.destroy();

    const pct = (units: number) => `${((100 * units) / scanUnits).toFixed(2)} %`;
    const report = [
      `# 督办 scan against a full Scan (${new Date().toISOString().slice(0, 10)})`,
      "",
      `${clocks.toLocaleString("en")} open rectification tasks (each with its audit entry and supervision clock: ${scanned.toLocaleString("en")} records), ${due} due on ${asOf}; loaded by BatchWriteItem in ${loadSeconds.toFixed(0)} s. DynamoDB Local on this machine; read units as DynamoDB reports them (ReturnConsumedCapacity).`,
      "",
      "| what | read units | share of the full Scan | DynamoDB calls | time |",
      "| --- | ---: | ---: | ---: | ---: |",
      `| 督办 run, first (${first.run.noticesIssued} digests, ${Object.values(first.run.found).reduce((a, b) => a + b, 0)} findings) | ${first.readUnits.toFixed(1)} | ${pct(first.readUnits)} | ${first.calls} | ${first.ms.toFixed(0)} ms |`,
      `| 督办 run, again the same day (all told: ${second.run.alreadyTold}) | ${second.readUnits.toFixed(1)} | ${pct(second.readUnits)} | ${second.calls} | ${second.ms.toFixed(0)} ms |`,
      `| full Scan of the table | ${scanUnits.toFixed(1)} | 100 % | — | ${scanMs.toFixed(0)} ms |`,
      "",
      `Target (issue 14): the scan costs at most 2 % of the full Scan's read units.`,
      "",
    ].join("\n");
    console.log(report);
    const results = fileURLToPath(new URL("../results/", import.meta.url));
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, "supervision.md"), report);
  } finally {
    store.close();
    await db.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
