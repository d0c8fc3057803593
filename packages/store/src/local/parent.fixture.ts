// A process that starts DynamoDB Local on a data directory, writes one unit, reports the
// JVM's pid and then waits to be killed: the launcher test's stand-in for a crashed test run.
import { createStore } from "../store.ts";
import { startDynamoDbLocal } from "./dynamodb-local.ts";

const dataDir = process.argv[2] as string;
const local = await startDynamoDbLocal({ dataDir });
const store = createStore({ tableName: "launcher-test", endpoint: local.endpoint });
await store.ensureTable();
await store.units.put({ code: "000014351", name: "共青城市财政局", kind: "department" });
process.stdout.write(`${JSON.stringify({ pid: local.pid })}\n`);
setInterval(() => {}, 60_000);
