import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

/**
 * Amazon DynamoDB Local, shipped inside the `amplify-dynamodb-simulator` package and run
 * with Java directly (not through that package's JS wrapper, which does more than we need).
 */
export type DynamoDbLocal = { endpoint: string; port: number; pid: number; stop(): Promise<void> };

/** How a JVM that nobody stopped ended: its exit status (128 + n for signal n) and last output. */
export type UnexpectedExit = { status: number | null; output: string };

export function emulatorDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("amplify-dynamodb-simulator/package.json")), "emulator");
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * The JVM runs under a small shell that holds the read end of a pipe whose write end only
 * this process has. However this process ends (exit, a signal, even SIGKILL, which no
 * handler sees), the kernel closes the pipe, `cat` returns, and the guard stops the JVM:
 * no DynamoDB Local outlives the process that started it. The other way round, the shell
 * waits on the JVM and exits with its status, so a JVM that dies by itself is noticed at
 * once. The JVM's pid comes first on stdout.
 *
 * A background job's stdin is /dev/null in a shell without job control, so the guard reads
 * the pipe through fd 3. Killing the guard when the JVM is gone keeps it from signalling a
 * pid that may be reused; its orphaned `cat` ends when the pipe closes.
 */
const watchdog = `exec 3<&0
"$@" </dev/null 3<&- >&2 &
java=$!
echo "$java"
(cat <&3 >/dev/null; kill "$java" 2>/dev/null) &
guard=$!
exec 3<&-
wait "$java"
status=$?
kill "$guard" 2>/dev/null
exit "$status"`;

const liveJvms = new Set<number>();
let exitHookInstalled = false;

/** On a plain exit the pipe closes too, but killing here stops the JVM before exit returns. */
function killOnExit(pid: number) {
  liveJvms.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const jvm of liveJvms) {
      try {
        process.kill(jvm, "SIGKILL");
      } catch {
        // already gone
      }
    }
  });
}

export async function startDynamoDbLocal(
  options: {
    port?: number;
    dataDir?: string;
    /** The JVM's heap ceiling; 512 MB unless a bench's table of hundreds of thousands needs more. */
    maxHeapMb?: number;
    /** Called once if the JVM ends after start-up without `stop()` (a crash, a kill, out of memory). */
    onUnexpectedExit?: (exit: UnexpectedExit) => void;
  } = {},
): Promise<DynamoDbLocal> {
  const port = options.port ?? (await freePort());
  const dir = emulatorDir();
  const storage = options.dataDir ? ["-dbPath", options.dataDir] : ["-inMemory"];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const java = [
    "java",
    "-Xms64m",
    `-Xmx${options.maxHeapMb ?? 512}m`,
    // One GC thread and the quick compiler only: measured on the demo seeding, a third less CPU
    // for the same wall time, which the tests sharing this machine need more than the JVM does.
    "-XX:+UseSerialGC",
    "-XX:TieredStopAtLevel=1",
    `-Djava.library.path=${join(dir, "DynamoDBLocal_lib")}`,
    "-jar",
    join(dir, "DynamoDBLocal.jar"),
    "-port",
    String(port),
    "-sharedDb",
    ...storage,
  ];
  const shell = spawn("sh", ["-c", watchdog, "dynamodb-local", ...java], {
    cwd: dir,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const output = collectOutput(shell);
  const endpoint = `http://127.0.0.1:${port}`;
  let pid = 0;
  try {
    pid = await jvmPid(shell, output);
    killOnExit(pid);
    await waitUntilReady(shell, endpoint, output);
  } catch (error) {
    await stopShell(shell, pid);
    throw error;
  }
  let stopping = false;
  shell.once("exit", (status) => {
    liveJvms.delete(pid);
    if (!stopping) options.onUnexpectedExit?.({ status, output: output() });
  });
  return {
    endpoint,
    port,
    pid,
    stop: () => {
      stopping = true;
      return stopShell(shell, pid);
    },
  };
}

/** The last 8 KB of the JVM's output, for the error when it fails to start. */
function collectOutput(shell: ChildProcess): () => string {
  let output = "";
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-8192);
  };
  shell.stderr?.on("data", keep);
  return () => output;
}

function jvmPid(shell: ChildProcess, output: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    let line = "";
    shell.stdout?.on("data", (d: Buffer) => {
      line += d.toString();
      const pid = Number.parseInt(line, 10);
      if (line.includes("\n") && pid > 0) resolve(pid);
    });
    shell.once("exit", (code) => reject(new Error(`DynamoDB Local exited (${code}):\n${output()}`)));
    shell.once("error", reject);
  });
}

async function waitUntilReady(shell: ChildProcess, endpoint: string, output: () => string) {
  const exited = new Promise<never>((_, reject) =>
    shell.once("exit", (code) => reject(new Error(`DynamoDB Local exited (${code}):\n${output()}`))),
  );
  exited.catch(() => {});
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await Promise.race([ping(endpoint), exited])) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`DynamoDB Local did not start within 30 s:\n${output()}`);
}

async function ping(endpoint: string): Promise<boolean> {
  try {
    // Any HTTP answer means the server is listening; DynamoDB answers 400 to an empty POST.
    await fetch(endpoint, { method: "POST", signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Closing the pipe asks the shell to stop the JVM; SIGKILL follows if it has not after 5 s.
 * A shell already gone (its JVM died) may leave the guard's `cat`, which the close ends too.
 */
function stopShell(shell: ChildProcess, pid: number): Promise<void> {
  liveJvms.delete(pid);
  if (shell.exitCode !== null || shell.signalCode !== null) {
    shell.stdin?.end();
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (pid) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      shell.kill("SIGKILL");
    }, 5000);
    shell.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    shell.stdin?.end();
  });
}
