import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createStore } from "../store.ts";
import { startDynamoDbLocal, type UnexpectedExit } from "./dynamodb-local.ts";

/** Running and not a zombie: a killed JVM may linger as a zombie until its parent reaps it. */
function running(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return false;
  try {
    const state = readFileSync(stat, "utf8").split(") ")[1]?.[0];
    return state !== "Z" && state !== "X";
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return condition();
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("\n")) resolve(out.split("\n")[0] as string);
    });
    child.once("exit", (code) => reject(new Error(`the parent exited (${code}) before reporting`)));
  });
}

const dataDir = mkdtempSync(join(tmpdir(), "dynamodb-local-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("the DynamoDB Local launcher", () => {
  it("a parent killed with SIGKILL leaves no JVM behind, and its data on disk survives", async () => {
    const parent = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "parent.fixture.ts"), dataDir],
      {
        // tsx resolves from the store package, where it is a development dependency.
        cwd: join(import.meta.dirname, "../.."),
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const { pid } = JSON.parse(await firstLine(parent)) as { pid: number };
    expect(running(pid)).toBe(true);

    parent.kill("SIGKILL");
    expect(await until(() => !running(pid), 15_000)).toBe(true);

    const again = await startDynamoDbLocal({ dataDir });
    const store = createStore({ tableName: "launcher-test", endpoint: again.endpoint });
    try {
      expect((await store.units.get("000014351"))?.name).toBe("共青城市财政局");
    } finally {
      store.close();
      await again.stop();
    }
    expect(running(again.pid)).toBe(false);
  });

  it("issue 12 #8 database faults: a JVM that dies by itself is reported at once with its status; stop() is not a death", async () => {
    let reported: (exit: UnexpectedExit) => void = () => {};
    const death = new Promise<UnexpectedExit>((resolve) => {
      reported = resolve;
    });
    const crashing = await startDynamoDbLocal({ onUnexpectedExit: (exit) => reported(exit) });
    const start = Date.now();
    process.kill(crashing.pid, "SIGKILL");
    const exit = await death;
    expect(Date.now() - start).toBeLessThan(2_000);
    expect(exit.status).toBe(128 + 9);
    expect(running(crashing.pid)).toBe(false);
    await crashing.stop();

    let stoppedReported = false;
    const stopped = await startDynamoDbLocal({ onUnexpectedExit: () => (stoppedReported = true) });
    await stopped.stop();
    await new Promise((r) => setTimeout(r, 100));
    expect(stoppedReported).toBe(false);
    expect(running(stopped.pid)).toBe(false);
  });
});
