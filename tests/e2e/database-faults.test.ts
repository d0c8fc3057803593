import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jsonClient } from "@gov/http";
import { expectUnavailable, timed } from "@gov/http/frame-checks";
import { type LocalStack, startLocal } from "@gov/local";
import { type DynamoDbLocal, startDynamoDbLocal } from "@gov/store/local";
import { afterAll, expect, it, vi } from "vitest";

// Its own DynamoDB Local on a data directory, not the run's: this file stops it and starts it
// again on the same port and files, under a stack that is never restarted.
const dataDir = mkdtempSync(join(tmpdir(), "gov-faults-"));
let database: DynamoDbLocal | undefined;
let stack: LocalStack | undefined;
// The frame logs each 503's cause; here they are expected.
const errors = vi.spyOn(console, "error").mockImplementation(() => {});
afterAll(async () => {
  errors.mockRestore();
  await stack?.stop();
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

// biome-ignore lint/suspicious/noExplicitAny: the test reads JSON answers of many shapes
const http = jsonClient<any>((path, init) => fetch(`${stack?.url}${path}`, init));

const draft = (title: string) => ({
  kind: "general",
  title,
  columnId: "decision",
  body: "<p>数据库故障演练。</p>",
  generatedOn: "2026-02-20",
});

it("issue 12 #8 database faults: DynamoDB Local stopped → 503 with Retry-After within 5 s; started again → served by itself, nothing half-written", async () => {
  database = await startDynamoDbLocal({ dataDir });
  const { port } = database;
  stack = await startLocal({
    port: 0,
    dataDir: undefined,
    seed: "none",
    database: { endpoint: database.endpoint, tableName: "faults" },
  });
  const { editor } = (Object.values(stack.credentials)[0] as { keys: { editor: string } }).keys;
  const before = await http("POST", "/publish/v1/items", editor, draft("停库前的草稿"));
  expect(before.status).toBe(201);

  // Creates in flight when the JVM is killed: each is one transaction of the item, its audit
  // entry and its idempotency record. The kill comes once the third transaction is on its way.
  const keys = Array.from({ length: 6 }, (_, i) => `outage-${i}`);
  const title = (key: string) => `停库时提交的草稿 ${key}`;
  const create = (key: string) =>
    http("POST", "/publish/v1/items", editor, draft(title(key)), { "idempotency-key": key });
  const transactions = () => stack?.deps.store.calls.byCommand.TransactWriteItemsCommand ?? 0;
  const sentBefore = transactions();
  const inFlight = keys.map(create);
  while (transactions() < sentBefore + 3) await new Promise((r) => setImmediate(r));
  process.kill(database.pid, "SIGKILL");
  for (const res of await Promise.all(inFlight)) expect([201, 503]).toContain(res.status);
  await database.stop();

  const read = await timed(() => http("GET", `/publish/v1/items/${before.body.id}`, editor));
  expectUnavailable(read.result);
  expect(read.ms).toBeLessThan(5_000);
  const write = await timed(() => http("POST", "/publish/v1/items", editor, draft("停库期间的草稿")));
  expectUnavailable(write.result);
  expect(write.ms).toBeLessThan(5_000);
  const health = await timed(() => http("GET", "/healthz"));
  expectUnavailable(health.result);
  expect(health.ms).toBeLessThan(5_000);

  database = await startDynamoDbLocal({ dataDir, port });
  expect((await http("GET", `/publish/v1/items/${before.body.id}`, editor)).status).toBe(200);
  expect((await http("GET", "/healthz")).status).toBe(200);

  // All or nothing for each create the kill met: the item with its audit entry and its
  // idempotency record (so the same key replays it), or none of the three (so it creates).
  // Not durability: DynamoDB Local killed with SIGKILL may lose a create it had answered 201.
  const listed = await http("GET", "/publish/v1/items?limit=100", editor);
  const survived = new Map<string, string>(
    listed.body.items.map((item: { id: string; title: string }) => [item.title, item.id]),
  );
  for (const key of keys) {
    const again = await create(key);
    expect(again.status).toBe(201);
    const kept = survived.get(title(key));
    if (kept) expect([again.body.id, again.headers.get("idempotent-replayed")]).toEqual([kept, "true"]);
    const history = await http("GET", `/publish/v1/items/${again.body.id}/history`, editor);
    expect(history.body.events.map((event: { action: string }) => event.action)).toEqual(["create"]);
  }
  const list = await http("GET", "/publish/v1/items?limit=100", editor);
  const titles: string[] = list.body.items.map((item: { title: string }) => item.title);
  expect(titles.sort()).toEqual(["停库前的草稿", ...keys.map(title)].sort());
});
