import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { loadavg } from "node:os";
import {
  type AttributeValue,
  BatchWriteItemCommand,
  DynamoDBClient,
  QueryCommand,
  type QueryCommandOutput,
  ScanCommand,
} from "@aws-sdk/client-dynamodb";
import { parseSearchQuery } from "@gov/domain";
import { startLocal } from "@gov/local";
import { createStore } from "@gov/store";
import { startDynamoDbLocal } from "@gov/store/local";
import { loadItems } from "./load.ts";
import { searchQueries } from "./search.ts";

/**
 * `pnpm --filter @gov/bench exec tsx src/profile-search.ts`: where a search's time goes and
 * what loading costs against the floor (issue 17, ADR 0063), in process and one call at a
 * time, so a shared machine's neighbours show in the load average printed beside each figure
 * rather than in queueing. PROFILE_ITEMS (3,000) items are loaded by the bulk path; then
 * the records it wrote are written again by bare BatchWriteItem (the floor); then each bench
 * query runs PROFILE_ROUNDS (20) times through the store, with its DynamoDB calls, read units
 * and each term's raw read (records, postings, bytes, milliseconds). Add `node --cpu-prof`
 * to see the functions.
 */
const count = Number(process.env.PROFILE_ITEMS ?? 3000);
const rounds = Number(process.env.PROFILE_ROUNDS ?? 20);
const tableName = "gov-disclosure";
const load = () => loadavg()[0]?.toFixed(1);
const log = (line: string) => console.log(line);
/** CPU seconds of this process and of DynamoDB Local's JVM: less swayed by neighbours than the wall clock. */
function cpuSeconds(jvm: number) {
  const [utime, stime] =
    readFileSync(`/proc/${jvm}/stat`, "utf8").split(") ")[1]?.split(" ").slice(11, 13) ?? [];
  const own = process.cpuUsage();
  return { node: (own.user + own.system) / 1e6, jvm: (Number(utime) + Number(stime)) / 100 };
}
const cpuSince = (jvm: number, before: { node: number; jvm: number }) => {
  const now = cpuSeconds(jvm);
  return `node ${(now.node - before.node).toFixed(1)} s + JVM ${(now.jvm - before.jvm).toFixed(1)} s CPU`;
};

const local = await startDynamoDbLocal({ maxHeapMb: 2048 });
const stack = await startLocal({
  port: 0,
  dataDir: undefined,
  seed: "none",
  log: () => {},
  database: { endpoint: local.endpoint, tableName },
});
const raw = new DynamoDBClient({
  endpoint: local.endpoint,
  region: "cn-north-1",
  credentials: { accessKeyId: "local", secretAccessKey: "local" },
});
try {
  const { store } = stack.deps;
  let records = 0;
  const loadCpu = cpuSeconds(local.pid);
  const loaded = await loadItems(stack.deps, { count, concurrency: 20, search: async () => {} }, (line) => {
    const m = line.match(/（(\d+) 条记录/);
    if (m) records = Number(m[1]);
  });
  log(
    `load: ${count} items in ${loaded.seconds.toFixed(1)} s = ${(count / loaded.seconds).toFixed(0)} items/s, ${records} records (${(records / count).toFixed(2)} an item), ${(records / loaded.seconds).toFixed(0)} records/s, ${cpuSince(local.pid, loadCpu)}; load average ${load()}`,
  );

  // The floor: the very records the load wrote, read back and written by bare BatchWriteItem
  // (25 a call, 6 in flight) into a fresh table with the same indexes: DynamoDB Local's own rate.
  const all: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await raw.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    all.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const byEntity = new Map<string, { n: number; bytes: number }>();
  for (const r of all) {
    const e = byEntity.get(r.entity?.S ?? "?") ?? { n: 0, bytes: 0 };
    e.n += 1;
    e.bytes += JSON.stringify(r).length;
    byEntity.set(r.entity?.S ?? "?", e);
  }
  log(
    `records by entity: ${[...byEntity].map(([e, { n, bytes }]) => `${e} ${n} (${(bytes / 1048576).toFixed(1)} MB)`).join(", ")}`,
  );
  const floorStore = createStore({ tableName: "floor", endpoint: local.endpoint });
  await floorStore.ensureTable();
  floorStore.close();
  const floorCpu = cpuSeconds(local.pid);
  const floorStarted = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < all.length) {
      let pending = all.slice(next, next + 25).map((Item) => ({ PutRequest: { Item } }));
      next += 25;
      while (pending.length > 0) {
        const out = await raw.send(new BatchWriteItemCommand({ RequestItems: { floor: pending } }));
        pending = (out.UnprocessedItems?.floor ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  const floorSeconds = (performance.now() - floorStarted) / 1000;
  log(
    `floor: the same ${all.length} records by bare BatchWriteItem in ${floorSeconds.toFixed(1)} s = ${(all.length / floorSeconds).toFixed(0)} records/s = ${(count / floorSeconds).toFixed(0)} items/s; the load reached ${((floorSeconds / loaded.seconds) * 100).toFixed(0)} % of it, ${cpuSince(local.pid, floorCpu)}; load average ${load()}`,
  );

  // Each term's raw read, as the store's first Query page makes it.
  for (const q of searchQueries) {
    const query = parseSearchQuery(q);
    const parts: string[] = [];
    for (const term of query.terms) {
      const t0 = performance.now();
      const out: QueryCommandOutput = await raw.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :s)",
          ExpressionAttributeValues: { ":pk": { S: `TERM#${term}` }, ":s": { S: "P#" } },
          ScanIndexForward: false,
          ReturnConsumedCapacity: "TOTAL",
        }),
      );
      const ms = performance.now() - t0;
      const items = out.Items ?? [];
      const postings = items.reduce((n, r) => n + Object.keys(r.p?.M ?? {}).length, 0);
      const bytes = JSON.stringify(items).length;
      parts.push(
        `${term}: ${items.length} rec ${postings} postings ${(bytes / 1024).toFixed(0)} KB ${ms.toFixed(1)} ms ${out.ConsumedCapacity?.CapacityUnits} RCU`,
      );
    }
    log(`terms of ${q}: ${parts.join("; ")}`);
  }

  // PROFILE_CPU=<file>: a CPU profile of the searches alone (not the load), for DevTools.
  const session = process.env.PROFILE_CPU ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  const only = process.env.PROFILE_QUERY;
  for (const q of only ? [only] : searchQueries) {
    await store.search.find({ q, filter: {}, limit: 20 });
    const calls = store.calls.total;
    const rcu = store.calls.readUnits;
    const cpu = process.cpuUsage();
    const both = cpuSeconds(local.pid);
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      await store.search.find({ q, filter: {}, limit: 20 });
      times.push(performance.now() - t0);
    }
    const { user, system } = process.cpuUsage(cpu);
    times.sort((a, b) => a - b);
    log(
      `find ${q}: p50 ${times[Math.floor(rounds / 2)]?.toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms, node CPU ${((user + system) / rounds / 1000).toFixed(1)} ms, JVM CPU ${(((cpuSeconds(local.pid).jvm - both.jvm) / rounds) * 1000).toFixed(1)} ms, ${((store.calls.total - calls) / rounds).toFixed(2)} calls, ${((store.calls.readUnits - rcu) / rounds).toFixed(1)} RCU; load average ${load()}`,
    );
  }
  if (session && process.env.PROFILE_CPU) {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(process.env.PROFILE_CPU, JSON.stringify(profile));
  }
} finally {
  raw.destroy();
  await stack.stop();
  await local.stop();
}
process.exit(0);
