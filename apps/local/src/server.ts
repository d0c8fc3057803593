import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { channelSecrets, type DigestRun, publicChanges, scheduledDigest, supervisionScan } from "@gov/core";
import { builtInCalendar, defaultSettings } from "@gov/domain";
import type { Deps } from "@gov/http";
import { createStore } from "@gov/store";
import { startDynamoDbLocal, type UnexpectedExit } from "@gov/store/local";
import { Hono } from "hono";
import { createCapture } from "./capture.ts";
import { composeApps } from "./compose.ts";
import { localSenders } from "./delivery.ts";
import { demoLeadershipContacts } from "./demo/channels.ts";
import { officeUnitCode } from "./demo/units.ts";
import { startDigestTimer } from "./digest-timer.ts";
import { localDispatcher } from "./dispatcher.ts";
import { startEmailEmulator } from "./email-emulator.ts";
import { listen, ServerTimeouts } from "./http-server.ts";
import {
  type AtTime,
  type Credentials,
  issueKeys,
  seedApplications,
  seedChannels,
  seedConsultations,
  seedItems,
  seedLetters,
  seedSupervision,
  seedTrainings,
  seedUnits,
} from "./seed.ts";
import { type SupervisionTimer, startSupervisionTimer } from "./supervision-timer.ts";

export type LocalOptions = {
  /** 0 picks a free port. */
  port: number;
  /** Where DynamoDB Local keeps its files and credentials.json is written; undefined = in memory. */
  dataDir: string | undefined;
  seed: "demo" | "none";
  /**
   * A DynamoDB Local that is already running (the test run's), and the table to use in it;
   * unset = start one, which lives and dies with this stack.
   */
  database?: { endpoint: string; tableName: string };
  clock?: () => Date;
  log?: (line: string) => void;
  /** How long a slow client may take; unset = the documented defaults. */
  timeouts?: ServerTimeouts;
  /** The SES v2 emulator's port; 0 or unset picks a free one. */
  emailPort?: number;
  /**
   * Seals the units' delivery channels (base64 of 32 bytes, as CHANNEL_SECRET_KEY); unset =
   * the key kept in the data directory (made on first start), or a new one in memory.
   */
  channelSecretKey?: string;
  /**
   * Signs the office console's sessions (base64 of 32 bytes, as CONSOLE_SESSION_KEY); unset =
   * the key kept in the data directory (made on first start), or a new one in memory.
   */
  consoleSessionKey?: string;
  /** How often the notice dispatcher runs (it also runs at once after each notice); unset = not at all. */
  dispatchEveryMs?: number;
  /** Called if the DynamoDB Local this stack started dies while it serves (ADR 0042). */
  onDatabaseExit?: (exit: UnexpectedExit) => void;
  /** When the 督办 scan runs each day (Shanghai time); unset or "off" = never (ADR 0049). */
  supervisionTimer?: SupervisionTimer;
  /** When the subscriptions' daily digest runs (Shanghai time); unset or "off" = never (ADR 0060). */
  digestTimer?: SupervisionTimer;
};

export type LocalStack = {
  url: string;
  credentials: Credentials;
  credentialsPath: string | undefined;
  /** Where the robots' and SMS gateway's messages are shown (the capture endpoint's page). */
  captureUrl: string;
  /** The SES v2 emulator: its page at `/` shows every email sent. */
  emailUrl: string;
  deps: Deps;
  /** The subscriptions' daily digest of today, now: what the digest timer runs (ADR 0060). */
  digestNow(): Promise<DigestRun | null>;
  stop(): Promise<void>;
};

/**
 * Starts DynamoDB Local and the SES v2 emulator, creates the table if missing, seeds on first
 * start, and serves the four apps and the capture endpoint. A second start on the same data directory reuses everything.
 */
export async function startLocal(options: LocalOptions): Promise<LocalStack> {
  const log = options.log ?? (() => {});
  const baseClock = options.clock ?? (() => new Date());
  // Seeding dates the demo records as they were; outside it the clock is the real one.
  const seedTime = new AsyncLocalStorage<Date>();
  const clock = () => seedTime.getStore() ?? baseClock();
  const at: AtTime = (time, work) => seedTime.run(time, work);
  const { database, stopOwn } = options.database
    ? { database: options.database, stopOwn: async () => {} }
    : await ownDatabase(options);
  const store = createStore(database);
  let stopEmail = async () => {};
  const stopServices = async () => {
    await stopEmail();
    store.close();
    await stopOwn();
  };
  try {
    const email = await startEmailEmulator(options.emailPort ?? 0);
    stopEmail = email.stop;
    // Set once the dispatcher runs; notices issued while seeding wait for its first pass.
    let wake = async () => {};
    // One process serves all four apps: a withdrawal in the publish app clears the public app's cache.
    const deps: Deps = {
      store,
      clock,
      calendar: builtInCalendar(),
      settings: defaultSettings,
      publicChanges: publicChanges(),
      channelSecrets: channelSecrets(channelSecretKey(options)),
      wakeDispatcher: () => wake(),
    };
    const credentials = await prepareData(deps, options, log, at);
    // The scan runs once before serving: search-index work a crash left pending is replayed.
    // Its deadline rules (督办) are the timer's, not the start's, so a restart sends nothing.
    await supervisionScan(deps, { deadlines: false });
    const app = new Hono();
    app.route("/capture", createCapture(baseClock));
    app.route("/", composeApps(deps, { consoleSessionKey: consoleSessionKey(options) }));
    const server = await listen(app.fetch, options.port, options.timeouts ?? ServerTimeouts.parse({}));
    const timer =
      options.supervisionTimer && options.supervisionTimer !== "off"
        ? startSupervisionTimer(deps, options.supervisionTimer, log)
        : undefined;
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    const captureUrl = `${url}/capture`;
    const digest =
      options.digestTimer && options.digestTimer !== "off"
        ? startDigestTimer(deps, options.digestTimer, { base: `${url}/public` }, log)
        : undefined;
    const dispatcher =
      options.dispatchEveryMs === undefined
        ? undefined
        : localDispatcher(deps, localSenders({ captureUrl, emailUrl: email.url }, baseClock), {
            linkBase: `${url}/notices/v1/notices`,
            everyMs: options.dispatchEveryMs,
            log,
          });
    if (dispatcher) {
      wake = dispatcher.wake;
      await dispatcher.wake();
    }
    return {
      url,
      credentials,
      credentialsPath: credentialsFile(options),
      captureUrl,
      emailUrl: email.url,
      deps,
      digestNow: () => scheduledDigest(deps, { base: `${url}/public` }),
      async stop() {
        timer?.stop();
        digest?.stop();
        await dispatcher?.stop();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await stopServices();
      },
    };
  } catch (error) {
    // Never leave a Java process behind when start-up fails (a port in use, a bad data dir).
    await stopServices();
    throw error;
  }
}

async function ownDatabase({ dataDir, onDatabaseExit }: LocalOptions) {
  const local = await startDynamoDbLocal({
    ...(dataDir ? { dataDir: join(dataDir, "dynamodb") } : {}),
    ...(onDatabaseExit ? { onUnexpectedExit: onDatabaseExit } : {}),
  });
  return { database: { endpoint: local.endpoint, tableName: "gov-disclosure" }, stopOwn: local.stop };
}

/** The channel key: given, else the data directory's (made on first start, readable by its owner only), else a new one. */
const channelSecretKey = (options: LocalOptions): string =>
  options.channelSecretKey ?? keptKey(options.dataDir, "channel-secret-key");

/** The console's signing key, kept the same way: sessions outlive a restart on the same data. */
const consoleSessionKey = (options: LocalOptions): string =>
  options.consoleSessionKey ?? keptKey(options.dataDir, "console-session-key");

/** 32 random bytes (base64) kept in the data directory's file `name`, readable by its owner only; in memory without one. */
function keptKey(dataDir: string | undefined, name: string): string {
  if (!dataDir) return randomBytes(32).toString("base64");
  const path = join(dataDir, name);
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
  }
  return readFileSync(path, "utf8").trim();
}

const credentialsFile = (options: LocalOptions) =>
  options.dataDir ? join(options.dataDir, "credentials.json") : undefined;

/** Creates the table, seeds on first start, and returns the keys (new, or from the file). */
async function prepareData(
  deps: Deps,
  options: LocalOptions,
  log: (line: string) => void,
  at: AtTime,
): Promise<Credentials> {
  const { store, clock } = deps;
  await store.ensureTable();
  const path = credentialsFile(options);
  const firstStart = !(await store.units.get(officeUnitCode));
  let credentials: Credentials;
  if (firstStart) {
    log("首次启动：正在写入演示数据……");
    const units = await seedUnits(store, options.seed);
    credentials = await issueKeys(store, units, clock());
    if (options.seed === "demo") {
      log(`已发布演示信息 ${await seedItems(deps, credentials, at)} 条`);
      log(`已登记演示依申请公开 ${await seedApplications(deps, credentials, at)} 件`);
      log(`已写入市长信箱演示来信 ${await seedLetters(deps, credentials, at)} 件`);
      log(`已写入征求意见演示 ${await seedConsultations(deps, credentials, at)} 次`);
      log(
        `已为 ${await seedChannels(deps, credentials, at)} 个演示单位设置送达渠道（企业微信、钉钉、邮件、短信），为 ${demoLeadershipContacts().length} 个单位设置分管领导联系方式`,
      );
      log(`已写入演示培训 ${await seedTrainings(deps, credentials, at)} 次（含培训通知和各单位参训人数）`);
      const round = await seedSupervision(deps, credentials, at);
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
