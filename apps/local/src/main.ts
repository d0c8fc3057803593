import { resolve } from "node:path";
import { z } from "zod";
import { ServerTimeouts } from "./http-server.ts";
import { startLocal } from "./server.ts";
import { SupervisionTimer } from "./supervision-timer.ts";

/** The one place `pnpm start` reads its settings. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default(resolve(import.meta.dirname, "../../../.local")),
  SEED: z.enum(["demo", "none"]).default("demo"),
  SES_LOCAL_PORT: z.coerce.number().int().min(0).max(65535).default(8005),
  CHANNEL_SECRET_KEY: z.string().min(1).optional(),
  /** Signs the office console's sessions; unset = the key kept in DATA_DIR/console-session-key. */
  CONSOLE_SESSION_KEY: z.string().min(1).optional(),
  /** The notice dispatcher's period; 0 turns it off. */
  DISPATCH_EVERY_MS: z.coerce.number().int().min(0).default(5000),
  HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  /** The daily 督办 scan, Shanghai time, as the cloud schedules it; "off" switches it off. */
  SUPERVISION_TIMER: SupervisionTimer,
  /** The subscriptions' daily digest, Shanghai time, as the cloud schedules it; "off" switches it off. */
  DIGEST_TIMER: SupervisionTimer.default("07:00"),
});

const env = Env.parse(process.env);
const dataDir = resolve(env.DATA_DIR);
const stack = await startLocal({
  port: env.PORT,
  dataDir,
  seed: env.SEED,
  emailPort: env.SES_LOCAL_PORT,
  ...(env.CHANNEL_SECRET_KEY ? { channelSecretKey: env.CHANNEL_SECRET_KEY } : {}),
  ...(env.CONSOLE_SESSION_KEY ? { consoleSessionKey: env.CONSOLE_SESSION_KEY } : {}),
  ...(env.DISPATCH_EVERY_MS > 0 ? { dispatchEveryMs: env.DISPATCH_EVERY_MS } : {}),
  supervisionTimer: env.SUPERVISION_TIMER,
  digestTimer: env.DIGEST_TIMER,
  timeouts: ServerTimeouts.parse({
    headersMs: env.HEADERS_TIMEOUT_MS,
    requestMs: env.REQUEST_TIMEOUT_MS,
    keepAliveMs: env.KEEP_ALIVE_TIMEOUT_MS,
  }),
  log: console.log,
  // Without its database the platform can only answer 503: stop, say why, and let the
  // developer start again on the same data (ADR 0042).
  onDatabaseExit: ({ status, output }) => {
    console.error(`
DynamoDB Local 意外退出（退出状态 ${status}），平台已停止。
数据仍在 ${dataDir}，重新运行 pnpm start 即可继续。DynamoDB Local 最后的输出：
${output.trim().split("\n").slice(-20).join("\n")}`);
    process.exit(1);
  },
});

console.log(`
政务公开平台已在本地启动 / running locally:
  门户网站 portal           ${stack.url}/public
  监督考评控制台 console    ${stack.url}/supervision/console   （用演示密钥文件中的 office 密钥登录）
  部门发布接口 publish      ${stack.url}/publish/docs
  门户公开接口 public       ${stack.url}/public/docs
  通知接口 notices          ${stack.url}/notices/docs
  监督考评接口 supervision  ${stack.url}/supervision/docs
  健康检查 health           ${stack.url}/healthz
  通知消息 robots & SMS     ${stack.captureUrl}   （企业微信、钉钉、短信的本地捕获）
  通知邮件 email (SES v2)   ${stack.emailUrl}
演示密钥 demo API keys:     ${stack.credentialsPath}
按 Ctrl-C 停止 (stops DynamoDB Local too).`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await stack.stop();
    process.exit(0);
  });
}
