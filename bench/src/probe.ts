import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect as connectSocket, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Credentials, startLocal } from "@gov/local";
import { createPublicApp, publicHttpOptionsFromEnv } from "@gov/public";
import { startDynamoDbLocal } from "@gov/store/local";
import { serve } from "@hono/node-server";

/**
 * `pnpm --filter @gov/bench probe`: the hardening probe of issue 12, replayed. It starts the
 * whole local stack with the demo data on its own DynamoDB Local, attacks it as the issue's
 * probe did (hostile bodies, long ids, edge numbers, spoofed client addresses, cache filling,
 * withdrawals, slow clients, a paused and a killed database) and writes one row per defect
 * with what the platform answers now beside what the probe found. Destructive rows (the
 * database faults) run last.
 */

type Row = { defect: string; before: string; now: string };
const rows: Row[] = [];
const log = (line: string) => console.log(line);

// The stack's own limits are lifted so the rows do not starve each other; the limit rows use
// a second public app with the default limits (see limits()).
process.env.RATE_LIMIT_PER_MINUTE = "1000000000";
process.env.INTAKE_LIMIT_PER_10_MINUTES = "1000000000";

const dataDir = mkdtempSync(join(tmpdir(), "gov-probe-"));
let db = await startDynamoDbLocal({ dataDir });
const dbPort = db.port;
const stack = await startLocal({
  port: 0,
  dataDir: undefined,
  seed: "demo",
  database: { endpoint: db.endpoint, tableName: "probe" },
  log,
});
const base = stack.url;

type Answer = { status: number; headers: Headers; text: string; ms: number };

async function call(
  method: string,
  path: string,
  options: {
    key?: string;
    body?: unknown;
    raw?: string | Uint8Array;
    timeoutMs?: number;
    headers?: Record<string, string>;
    url?: string;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.body !== undefined || options.raw !== undefined) headers["content-type"] ??= "application/json";
  const started = performance.now();
  const res = await fetch(`${options.url ?? base}${path}`, {
    method,
    headers,
    ...(options.raw !== undefined
      ? { body: options.raw }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {}),
    signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, ms: Math.round(performance.now() - started) };
}

const json = (a: Answer) => JSON.parse(a.text) as Record<string, unknown> & { id: string; version: number };
const statuses = (answers: Answer[]) => {
  const counts = new Map<number, number>();
  for (const a of answers) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  return [...counts]
    .map(([status, n]) => (answers.length > 1 ? `${n}× ${status}` : String(status)))
    .join(", ");
};

const credentials: Credentials = stack.credentials;
const unitWith = (role: "office" | "editor", name?: string) => {
  const entry = Object.entries(credentials).find(
    ([, unit]) => unit.keys[role] && (name ? unit.name.includes(name) : true),
  );
  if (!entry) throw new Error(`no unit with ${role}`);
  return { code: entry[0], keys: entry[1].keys };
};
const finance = unitWith("editor", "财政局");
const office = unitWith("office");
const editor = finance.keys.editor as string;
const reviewer = finance.keys.reviewer as string;
const officeKey = office.keys.office as string;
const assessorKey = office.keys.assessor as string;
const review = {
  review: { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false },
};

const draftBody = (fields: Record<string, unknown>) => ({
  kind: "general",
  title: "探测用信息",
  columnId: "fiscal-debt",
  body: "<p>探测</p>",
  generatedOn: "2026-11-20",
  ...fields,
});

/** Drafts, submits and approves an item; the answer of the first step that fails otherwise. */
async function publish(fields: Record<string, unknown>): Promise<{ id: string; steps: Answer[] }> {
  const draft = await call("POST", "/publish/v1/items", { key: editor, body: draftBody(fields) });
  if (draft.status !== 201) return { id: "", steps: [draft] };
  const { id } = json(draft);
  const submit = await call("POST", `/publish/v1/items/${id}/submit`, { key: editor });
  const approve = await call("POST", `/publish/v1/items/${id}/approve`, { key: reviewer, body: review });
  return { id, steps: [draft, submit, approve] };
}

const nested = (depth: number, open: string, close: string, leaf: string) =>
  `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;

async function openConsultationId(): Promise<string | undefined> {
  const list = json(await call("GET", "/public/v1/consultations?limit=100")) as unknown as {
    items: { id: string; state?: string }[];
  };
  return (list.items.find((c) => c.state === "open") ?? list.items[0])?.id;
}

async function deepNesting() {
  const arrays = nested(3000, "[", "]", '"x"');
  const objects = nested(3000, '{"a":', "}", '"x"');
  const letter = (subject: string) =>
    `{"subject":${subject},"body":"探测","writer":{"name":"张三"},"consentToPublish":false}`;
  const consultation = await openConsultationId();
  const answers = [
    await call("POST", "/public/v1/letters", { raw: letter(arrays) }),
    await call("POST", "/public/v1/letters", { raw: letter(objects) }),
    await call("POST", "/public/v1/applications", {
      raw: `{"unitCode":"${finance.code}","applicant":{"type":"natural-person","name":"张三","phone":"13800000000"},"description":${arrays}}`,
    }),
    await call("POST", `/public/v1/consultations/${consultation}/comments`, {
      raw: `{"body":${arrays},"name":"张三"}`,
    }),
    await call("POST", "/publish/v1/items", { key: editor, raw: `{"title":${objects}}` }),
  ];
  rows.push({
    defect: "1 deep nesting (letters, applications, comments, publish; 3,000 levels)",
    before: "500 RangeError",
    now: answers.map((a) => a.status).join(", "),
  });
}

async function itemSize() {
  const ascii = await call("POST", "/publish/v1/items", {
    key: editor,
    body: draftBody({ body: `<p>${"a".repeat(450_000)}</p>` }),
  });
  const cjk = await call("POST", "/publish/v1/items", {
    key: editor,
    body: draftBody({ body: `<p>${"政".repeat(150_000)}</p>` }),
  });
  rows.push({
    defect: "2 body of 450,000 ASCII / 150,000 CJK characters",
    before: "500 item size exceeded (both)",
    now: `${ascii.status} / ${cjk.status}`,
  });
  // The largest CJK body the platform accepts, found by halving, then revised twice.
  let low = 1_000;
  let high = 200_000;
  while (high - low > 1_000) {
    const mid = Math.floor((low + high) / 2);
    const answer = await call("POST", "/publish/v1/items", {
      key: editor,
      body: draftBody({ body: `<p>${"政".repeat(mid)}</p>` }),
    });
    if (answer.status === 201) low = mid;
    else high = mid;
  }
  const big = await publish({ body: `<p>${"政".repeat(low)}</p>` });
  const revise = await call("POST", `/publish/v1/items/${big.id}/revise`, { key: editor });
  const version = revise.status === 200 ? json(revise).version : 0;
  const edit = await call("PATCH", `/publish/v1/items/${big.id}`, {
    key: editor,
    headers: { "if-match": `"${version}"` },
    body: { body: `<p>${"改".repeat(low)}</p>` },
  });
  const submit = await call("POST", `/publish/v1/items/${big.id}/submit`, { key: editor });
  const approve = await call("POST", `/publish/v1/items/${big.id}/approve`, { key: reviewer, body: review });
  rows.push({
    defect: `2 publish and revise an item at the limit (${low.toLocaleString("en")} CJK chars ≈ ${Math.round((low * 3) / 1024)} KB)`,
    before: "≥ 300 KB: 500 on every revise",
    now: `publish ${statuses(big.steps)}; revise ${revise.status}, edit ${edit.status}, submit ${submit.status}, approve ${approve.status}`,
  });
  return approve.status === 200 ? big.id : "";
}

async function longIds() {
  const long = "a".repeat(2_100);
  const answers = [
    await call("GET", `/public/v1/consultations/${long}`),
    await call("GET", `/public/v1/items/${long}`),
    await call("GET", `/publish/v1/items/${long}`, { key: editor }),
    await call("POST", `/publish/v1/items/${long}/submit`, { key: editor }),
    await call("GET", `/public/v1/applications/${long}`, { key: "x" }),
    await call("GET", `/supervision/v1/assessments/${long}`, { key: officeKey }),
  ];
  rows.push({
    defect: "3 ids of 2,100 characters (6 routes)",
    before: "500 key too long",
    now: statuses(answers),
  });
}

async function numbers() {
  const list = json(
    await call("GET", "/supervision/v1/assessments?year=2019", { key: assessorKey }),
  ) as unknown as {
    items: { id: string; indicatorSystemId: string }[];
  };
  const assessment = list.items[0];
  if (!assessment) return rows.push({ defect: "4 numbers", before: "", now: "no assessment in the demo" });
  const system = json(
    await call("GET", `/supervision/v1/indicator-systems/${assessment.indicatorSystemId}`, {
      key: officeKey,
    }),
  ) as unknown as { indicators: { code: string }[] };
  const indicatorCode = system.indicators[0]?.code;
  const score = async (value: string) => {
    const current = await call("GET", `/supervision/v1/assessments/${assessment.id}`, { key: assessorKey });
    return call("PUT", `/supervision/v1/assessments/${assessment.id}/scores`, {
      key: assessorKey,
      headers: { "if-match": current.headers.get("etag") ?? "" },
      raw: `{"scores":[{"indicatorCode":"${indicatorCode}","score":${value},"note":"探测"}]}`,
    });
  };
  rows.push({
    defect: "4 score 1e-200 / 0.5000000000000001 / 1e400",
    before: "500 underflow / accepted / –",
    now: `${(await score("1e-200")).status} / ${(await score("0.5000000000000001")).status} / ${(await score("1e400")).status}`,
  });
}

/** A public app with the default limits, served beside the stack, as a deployed instance is. */
async function withLimitedApp(work: (url: string) => Promise<void>) {
  const app = createPublicApp(stack.deps, publicHttpOptionsFromEnv({}));
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const address = server.address();
  try {
    await work(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
  } finally {
    server.close();
  }
}

/** Each row on a fresh instance: one client's spent read allowance must not decide the next row. */
async function limits() {
  await withLimitedApp(async (url) => {
    const spoofed: Answer[] = [];
    for (let batch = 0; batch < 100; batch++) {
      spoofed.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            call("GET", "/v1/columns", { url, headers: { "x-forwarded-for": `10.0.${batch}.${i}` } }),
          ),
        )),
      );
    }
    rows.push({
      defect: "5 2,000 reads, X-Forwarded-For varied (limit 600/min)",
      before: "2,000 passed",
      now: `${spoofed.filter((a) => a.status === 200).length} passed, ${spoofed.filter((a) => a.status === 429).length}× 429`,
    });
  });
  await withLimitedApp(async (url) => {
    const application = await call("POST", "/v1/applications", {
      url,
      body: {
        unitCode: finance.code,
        applicant: { type: "natural-person", name: "张三", phone: "13800000000" },
        description: "探测：申请公开2019年度部门预算",
      },
    });
    const { trackingCode, secret } = json(application) as unknown as { trackingCode: string; secret: string };
    const wrong: Answer[] = [];
    for (let i = 0; i < 700; i += 50) {
      wrong.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, (_, j) =>
            call("GET", `/v1/applications/${trackingCode}`, {
              url,
              key: `wrong-${i + j}`,
              headers: { "x-forwarded-for": `10.1.${i}.${j}` },
            }),
          ),
        )),
      );
    }
    const right = await call("GET", `/v1/applications/${trackingCode}`, { url, key: secret });
    rows.push({
      defect: "5 700 wrong tracking secrets, then the right one",
      before: "no 429",
      now: `${wrong.filter((a) => a.status === 404).length}× 404, ${wrong.filter((a) => a.status === 429).length}× 429; right secret then ${right.status}`,
    });
  });
  await withLimitedApp(async (url) => {
    const intake: Answer[] = [];
    for (let i = 0; i < 100; i++) {
      intake.push(
        await call("POST", "/v1/letters", {
          url,
          headers: { "x-forwarded-for": `10.2.0.${i}` },
          body: {
            subject: `探测来信${i}`,
            body: `第${i}封`,
            writer: { name: "张三" },
            consentToPublish: false,
          },
        }),
      );
    }
    rows.push({
      defect: "5 100 letters, X-Forwarded-For varied (limit 20 per 10 min)",
      before: "~90 over the limit accepted",
      now: `${intake.filter((a) => a.status === 201).length} accepted, ${intake.filter((a) => a.status === 429).length}× 429`,
    });
  });
}

async function cacheFilling(largest: string) {
  const bigItemId = largest || (await publish({ body: `<p>${"政".repeat(90_000)}</p>` })).id;
  const kb = Math.round(Buffer.byteLength((await call("GET", `/public/v1/items/${bigItemId}`)).text) / 1024);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().rss;
  for (let i = 0; i < 1_000; i += 20) {
    await Promise.all(
      Array.from({ length: 20 }, (_, j) => call("GET", `/public/v1/items/${bigItemId}?v=${i + j}`)),
    );
  }
  gc?.();
  const after = process.memoryUsage().rss;
  const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
  rows.push({
    defect: `6 1,000 reads of a ${kb} KB item with ?v=N (RSS after GC)`,
    before: "385 → 740 MB",
    now: `${mb(before)} → ${mb(after)}`,
  });
}

async function withdrawal() {
  const { id } = await publish({ title: "探测：将被撤回的信息" });
  const url = `/public/v1/items/${id}`;
  const first = await call("GET", url);
  const withdrawn = await call("POST", `/publish/v1/items/${id}/withdraw`, {
    key: reviewer,
    body: { reason: "探测撤回" },
  });
  const again = await call("GET", url);
  rows.push({
    defect: "7 read, withdraw, read the same URL",
    before: "200 with full text for 20–30 s; max-age=60, s-maxage=300, swr=600",
    now: `${first.status} → withdraw ${withdrawn.status} → ${again.status}; cache-control "${first.headers.get("cache-control")}"`,
  });
}

async function circulars() {
  const publications = await Promise.all(
    Array.from({ length: 12 }, () =>
      call("POST", "/supervision/v1/circulars/2019/publication", { key: officeKey, body: {} }),
    ),
  );
  const ids = new Set(publications.filter((a) => a.status === 201 || a.status === 200).map((a) => a.text));
  const malformed = [
    await call("POST", "/supervision/v1/circulars/2019/publication", { key: officeKey, raw: "{" }),
    await call("POST", "/supervision/v1/circulars/2019/publication", { key: officeKey, raw: "[]" }),
    await call("POST", "/supervision/v1/circulars/2019/publication", { key: officeKey, raw: "null" }),
  ];
  const drafts = new Set(
    publications
      .filter((a) => a.status < 300)
      .map((a) => (json(a) as unknown as { item?: { id: string } }).item?.id),
  );
  rows.push({
    defect: "9 12 concurrent circular publications; malformed bodies",
    before: "12 drafts; malformed 201",
    now: `${drafts.size} draft(s) (${statuses(publications)}; ${ids.size} distinct answers); malformed ${statuses(malformed)}`,
  });
}

async function csvInjection() {
  const title = '=HYPERLINK("http://example.com","点击")';
  await publish({ title });
  const csv = await call("GET", "/public/v1/export/items.csv?year=2026");
  const injected = csv.text.split("\n").some((line) => /(^|,)"?[=+\-@]HYPERLINK/.test(line));
  rows.push({
    defect: "10 title =HYPERLINK(…) in items.csv",
    before: "verbatim",
    now: injected ? "verbatim" : "escaped",
  });
}

async function controlCharacters() {
  const titles = ["探测\u0000", "探测\u001b[31m红", "探测\u202eabc", "探测\ud800"];
  const answers = await Promise.all(
    titles.map((title) => call("POST", "/publish/v1/items", { key: editor, body: draftBody({ title }) })),
  );
  const letter = await call("POST", "/public/v1/letters", {
    body: { subject: "探测\u202e来信", body: "正文", writer: { name: "张三" }, consentToPublish: false },
  });
  const invalidUtf8 = await call("POST", "/public/v1/letters", {
    raw: new Uint8Array([
      ...new TextEncoder().encode('{"subject":"'),
      0xff,
      0xfe,
      ...new TextEncoder().encode('","body":"正文","writer":{"name":"张三"},"consentToPublish":false}'),
    ]),
  });
  const fine = await call("POST", "/publish/v1/items", {
    key: editor,
    body: draftBody({ title: "关于“十四五”规划（草案）的说明——全角：ＡＢＣ，。、" }),
  });
  rows.push({
    defect: "11 NUL, ESC, U+202E, lone surrogate in titles; U+202E in a letter; invalid UTF-8",
    before: "accepted and re-emitted",
    now: `titles ${statuses(answers)}; letter ${letter.status}; invalid UTF-8 ${invalidUtf8.status}; CJK punctuation and full-width ${fine.status}`,
  });
}

async function dates() {
  const answers = await Promise.all(
    ["0000-01-01", "9999-12-31"].map((generatedOn) =>
      call("POST", "/publish/v1/items", { key: editor, body: draftBody({ generatedOn }) }),
    ),
  );
  rows.push({ defect: "12 generatedOn 0000-01-01 / 9999-12-31", before: "accepted", now: statuses(answers) });
}

async function markdownCircular() {
  const tasks = json(
    await call("GET", "/supervision/v1/rectification-tasks?limit=100", { key: officeKey }),
  ) as unknown as {
    items: { id: string; unitCode: string; state: string; year?: number }[];
  };
  const task = tasks.items.find((t) => t.state === "open" || t.state === "in-progress");
  if (!task)
    return rows.push({ defect: "13 Markdown circular", before: "", now: "no open task in the demo" });
  const unitKey = credentials[task.unitCode]?.keys.editor;
  await call("POST", `/publish/v1/rectification-tasks/${task.id}/complete`, {
    key: unitKey ?? "",
    body: { note: "已整改" },
  });
  const verify = await call("POST", `/supervision/v1/rectification-tasks/${task.id}/verify`, {
    key: officeKey,
    body: { accepted: false, note: "<script>alert(1)</script> | 未整改" },
  });
  const md = await call("GET", "/supervision/v1/circulars/2019?format=md", { key: officeKey });
  rows.push({
    defect: "13 verification note <script> in the circular ?format=md",
    before: "unescaped",
    now: `verify ${verify.status}; ${md.text.includes("<script>") ? "unescaped" : "escaped"}`,
  });
}

/** Opens connections that send their headers (or body) a byte a second; how long the server keeps them. */
async function slowClients() {
  const { port } = new URL(base);
  const trickle = (body: boolean) =>
    new Promise<number>((resolve) => {
      const started = performance.now();
      const socket: Socket = connectSocket(Number(port), "127.0.0.1");
      const head = body
        ? "POST /public/v1/letters HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
        : "GET /public/v1/columns HTTP/1.1\r\n";
      socket.write(head);
      const timer = setInterval(() => socket.write(body ? "a" : "X"), 1_000);
      const done = () => {
        clearInterval(timer);
        socket.destroy();
        resolve(Math.round((performance.now() - started) / 1000));
      };
      socket.on("close", done);
      socket.on("error", done);
      setTimeout(done, 70_000);
    });
  const held = await Promise.all([
    ...Array.from({ length: 5 }, () => trickle(false)),
    ...Array.from({ length: 5 }, () => trickle(true)),
  ]);
  rows.push({
    defect: "14 5 trickling headers + 5 trickling bodies (seconds kept open, cap 70)",
    before: "open ≥ 60 s",
    now: `headers ${held.slice(0, 5).join("/")} s; bodies ${held.slice(5).join("/")} s`,
  });
}

/** Pauses, then kills and restarts DynamoDB Local on the same data. */
async function databaseFaults() {
  process.kill(db.pid, "SIGSTOP");
  const timed = (answer: Promise<Answer>) =>
    answer.then(
      (a) => `${a.status} in ${(a.ms / 1000).toFixed(1)} s`,
      () => "no answer in 30 s",
    );
  const paused = await Promise.all([
    timed(call("GET", "/healthz", { timeoutMs: 30_000 })),
    timed(call("GET", "/public/v1/search?q=%E9%A2%84%E7%AE%97", { timeoutMs: 30_000 })),
    timed(
      call("POST", "/publish/v1/items", {
        key: editor,
        body: draftBody({ title: "探测：数据库暂停时写入" }),
        timeoutMs: 30_000,
      }),
    ),
  ]);
  process.kill(db.pid, "SIGCONT");
  rows.push({
    defect: "8 DynamoDB Local paused: /healthz, a search, a write",
    before: "hung ~20 s",
    now: paused.join("; "),
  });
  await db.stop();
  const dead = await call("POST", "/publish/v1/items", {
    key: editor,
    body: draftBody({ title: "探测：数据库停止时写入" }),
  });
  db = await startDynamoDbLocal({ dataDir, port: dbPort });
  const started = performance.now();
  let recovered: Answer | undefined;
  while (performance.now() - started < 30_000) {
    recovered = await call("POST", "/publish/v1/items", {
      key: editor,
      body: draftBody({ title: "探测：恢复后写入" }),
    });
    if (recovered.status === 201) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  rows.push({
    defect: "8 DynamoDB Local killed, then restarted",
    before: "500 internal for ever",
    now: `dead: ${dead.status}${dead.headers.get("retry-after") ? ` (Retry-After ${dead.headers.get("retry-after")})` : ""}; after restart ${recovered?.status} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  });
}

const steps: [string, () => Promise<unknown>][] = [];
let bigItemId = "";
steps.push(["deep nesting", deepNesting]);
steps.push(["item size", async () => (bigItemId = await itemSize())]);
steps.push(["long ids", longIds]);
steps.push(["numbers", numbers]);
steps.push(["limits", limits]);
steps.push(["cache filling", () => cacheFilling(bigItemId)]);
steps.push(["withdrawal", withdrawal]);
steps.push(["circulars", circulars]);
steps.push(["csv", csvInjection]);
steps.push(["control characters", controlCharacters]);
steps.push(["dates", dates]);
steps.push(["markdown", markdownCircular]);
steps.push(["slow clients", slowClients]);
steps.push(["database faults", databaseFaults]);

try {
  for (const [name, step] of steps) {
    log(`probe: ${name}`);
    try {
      await step();
    } catch (error) {
      rows.push({ defect: name, before: "", now: `probe failed: ${(error as Error).message}` });
    }
  }
} finally {
  await stack.stop();
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const table = [
  "| defect | the probe found | now |",
  "|---|---|---|",
  ...rows.map((r) => `| ${r.defect} | ${r.before} | ${r.now.replaceAll("|", "\\|")} |`),
].join("\n");
console.log(`\n${table}`);
writeFileSync(
  fileURLToPath(new URL("../results/probe.md", import.meta.url)),
  `# Hardening probe (issue 12)\n\n${table}\n`,
);
