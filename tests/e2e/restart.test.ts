import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { startStack } from "./stack.ts";

const dataDir = mkdtempSync(join(tmpdir(), "gov-local-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// The database outlives the stack here as DynamoDB Local's files do under `pnpm start`; that
// those files survive the JVM is the launcher's own test (packages/store/src/local).
const tableName = `restart-${process.pid}`;

it("a second start on the same DATA_DIR reuses the data and the keys in credentials.json", async () => {
  const first = await startStack({ dataDir, seed: "none", tableName });
  const credentials = JSON.parse(readFileSync(join(dataDir, "credentials.json"), "utf8"));
  const [officeCode, office] = Object.entries(credentials)[0] as [
    string,
    { keys: { office: string; editor: string } },
  ];
  const created = await fetch(`${first.url}/publish/v1/items`, {
    method: "POST",
    headers: { authorization: `Bearer ${office.keys.editor}`, "content-type": "application/json" },
    body: JSON.stringify({
      kind: "general",
      title: "重启前的草稿",
      columnId: "decision",
      body: "<p>草稿</p>",
      generatedOn: "2026-01-05",
    }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await first.stop();

  const second = await startStack({ dataDir, seed: "none", tableName });
  try {
    expect(Object.keys(second.credentials)).toEqual([officeCode]);
    const read = await fetch(`${second.url}/publish/v1/items/${id}`, {
      headers: { authorization: `Bearer ${office.keys.office}` },
    });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { title: string }).title).toBe("重启前的草稿");
  } finally {
    await second.stop();
  }
});
