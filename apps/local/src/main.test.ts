import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";

const dataDir = mkdtempSync(join(tmpdir(), "gov-start-"));
let start: ChildProcess | undefined;
afterAll(() => {
  start?.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

/** The JVM started on this data directory: its command line names the directory. */
function jvmOn(dir: string): number | undefined {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (args[0] === "java" && args.includes(join(dir, "dynamodb"))) return Number(entry);
    } catch {
      // ended while we looked
    }
  }
  return undefined;
}

it("issue 12 #8 database faults: pnpm start exits 1 with a Chinese message when its DynamoDB Local dies", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "main.ts")], {
    // tsx resolves from this app, where it is a development dependency.
    cwd: join(import.meta.dirname, ".."),
    env: { ...process.env, PORT: "0", SES_LOCAL_PORT: "0", DATA_DIR: dataDir, SEED: "none" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  start = child;
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  while (!stdout.includes("已在本地启动")) {
    expect(child.exitCode, stderr).toBeNull();
    await new Promise((r) => setTimeout(r, 100));
  }

  const jvm = jvmOn(dataDir);
  expect(jvm).toBeGreaterThan(0);
  process.kill(jvm as number, "SIGKILL");

  expect(await exited).toBe(1);
  expect(stderr).toContain("DynamoDB Local 意外退出（退出状态 137）");
  expect(stderr).toContain(`数据仍在 ${dataDir}`);
  expect(jvmOn(dataDir)).toBeUndefined();
});
