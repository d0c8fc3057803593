import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { builtInCalendar, defaultSettings } from "@gov/domain";
import type { Deps } from "@gov/http";
import { applyPendingSearchIndex, createStore, ensureTable, startDynamoDbLocal } from "@gov/store";
import { type ServerType, serve } from "@hono/node-server";
import { composeApps } from "./compose.ts";
import { officeUnitCode } from "./demo/units.ts";
import {
  type Credentials,
  issueKeys,
  seedApplications,
  seedConsultations,
  seedItems,
  seedLetters,
  seedSupervision,
  seedUnits,
} from "./seed.ts";

export type LocalOptions = {
  /** 0 picks a free port. */
  port: number;
  /** Where DynamoDB Local keeps its files and credentials.json is written; undefined = in memory. */
  dataDir: string | undefined;
  seed: "demo" | "none";
  clock?: () => Date;
  log?: (line: string) => void;
};

export type LocalStack = {
  url: string;
  credentials: Credentials;
  credentialsPath: string | undefined;
  deps: Deps;
  stop(): Promise<void>;
};

/**
 * Starts DynamoDB Local, creates the table if missing, seeds on first start, and serves
 * the four apps. A second start on the same data directory reuses everything.
 */
export async function startLocal(options: LocalOptions): Promise<LocalStack> {
  const log = options.log ?? (() => {});
  const baseClock = options.clock ?? (() => new Date());
  // Seeding dates the demo items as they were; afterwards the clock is the real one.
  let seedTime: Date | undefined;
  const clock = () => seedTime ?? baseClock();
  const dynamo = await startDynamoDbLocal(
    options.dataDir ? { dataDir: join(options.dataDir, "dynamodb") } : {},
  );
  const store = createStore({ tableName: "gov-disclosure", endpoint: dynamo.endpoint });
  const stopDatabase = async () => {
    store.db.destroy();
    await dynamo.stop();
  };
  try {
    const deps: Deps = { store, clock, calendar: builtInCalendar(), settings: defaultSettings };
    const credentials = await prepareData(deps, options, log, (at) => {
      seedTime = at;
    });
    seedTime = undefined;
    // Search-index work a crash left pending is replayed before serving.
    await applyPendingSearchIndex(store.db);
    const server = await listen(composeApps(deps).fetch, options.port);
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      credentials,
      credentialsPath: credentialsFile(options),
      deps,
      async stop() {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await stopDatabase();
      },
    };
  } catch (error) {
    // Never leave a Java process behind when start-up fails (a port in use, a bad data dir).
    await stopDatabase();
    throw error;
  }
}

const credentialsFile = (options: LocalOptions) =>
  options.dataDir ? join(options.dataDir, "credentials.json") : undefined;

/** Creates the table, seeds on first start, and returns the keys (new, or from the file). */
async function prepareData(
  deps: Deps,
  options: LocalOptions,
  log: (line: string) => void,
  setSeedTime: (at: Date) => void,
): Promise<Credentials> {
  const { store, clock } = deps;
  await ensureTable(store.db);
  const path = credentialsFile(options);
  const firstStart = !(await store.units.get(officeUnitCode));
  let credentials: Credentials;
  if (firstStart) {
    log("首次启动：正在写入演示数据……");
    const units = await seedUnits(store, options.seed);
    credentials = await issueKeys(store, units, clock());
    if (options.seed === "demo") {
      log(`已发布演示信息 ${await seedItems(deps, credentials, setSeedTime)} 条`);
      log(`已登记演示依申请公开 ${await seedApplications(deps, credentials, setSeedTime)} 件`);
      log(`已写入市长信箱演示来信 ${await seedLetters(deps, credentials, setSeedTime)} 件`);
      log(`已写入征求意见演示 ${await seedConsultations(deps, credentials, setSeedTime)} 次`);
      const round = await seedSupervision(deps, credentials, setSeedTime);
      log(
        `已写入演示考评：指标体系 ${round.systems} 套、考评 ${round.assessments} 个、整改任务 ${round.tasks} 项`,
      );
    }
  } else if (path && existsSync(path)) {
    credentials = JSON.parse(readFileSync(path, "utf8")) as Credentials;
  } else {
    // The table keeps only key hashes; if the file is lost, new keys are the only way back in.
    credentials = await issueKeys(store, await store.units.list(), clock());
  }
  if (options.dataDir && path) {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(path, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  }
  return credentials;
}

function listen(fetch: (request: Request) => Response | Promise<Response>, port: number) {
  return new Promise<ServerType>((resolve, reject) => {
    const server = serve({ fetch, port, hostname: "127.0.0.1" }, () => resolve(server));
    server.once("error", reject);
  });
}
