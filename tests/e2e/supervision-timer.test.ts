import type { LocalStack } from "@gov/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, startStack } from "./stack.ts";

// biome-ignore lint/suspicious/noExplicitAny: the test reads JSON answers of many shapes
type Json = Record<string, any>;

let stack: LocalStack;
const logged: string[] = [];
// The stack's clock runs from two seconds before 08:30 in Shanghai on Wednesday 2026-11-18,
// so the timer set for 08:30 fires during the test, once, as the day's run would.
const timerAt = "08:30";
const offsetMs = new Date("2026-11-18T00:29:58.000Z").getTime() - Date.now();

beforeAll(async () => {
  stack = await startStack({
    dataDir: undefined,
    seed: "demo",
    demo: "supervision-timer",
    clock: () => new Date(Date.now() + offsetMs),
    supervisionTimer: timerAt,
    dispatchEveryMs: 500,
    log: (line) => logged.push(line),
  });
});
afterAll(() => stack?.stop());

const captured = async () =>
  ((await (await fetch(`${stack.captureUrl}/messages`)).json()) as Json).messages as Json[];

const digestsIn = (messages: Json[]) => messages.filter((m) => JSON.stringify(m.body).includes("督办提醒"));

describe("issue 14 done when: pnpm start's 督办 timer sends a digest that arrives at a local channel", () => {
  it("at 08:30 the demo's overdue rectification tasks (due 2020-01-06) reach their units' robots as 督办 digests", async () => {
    const aboutTasks = (m: Json) => JSON.stringify(m.body).includes("### 整改任务");
    const messages = await eventually(captured, (m) => digestsIn(m).some(aboutTasks), 30_000);
    // The run logs once it has issued every digest; the dispatcher may send the first before that.
    const ran = (lines: string[]) => lines.some((line) => line.startsWith("督办：2026-11-18 发出督办通知"));
    expect(ran(await eventually(async () => logged, ran, 30_000)), logged.join("\n")).toBe(true);
    const digests = digestsIn(messages);
    const task = digests.find(aboutTasks);
    expect(task, JSON.stringify(messages.map((m) => [m.channel, m.summary]))).toBeDefined();
    const text = JSON.stringify(task?.body);
    expect(text).toContain("【督办通知】督办提醒");
    expect(text).toContain("## 严重逾期");
    expect(text).toContain("期限2020-01-06");
    expect(["wecom", "dingtalk"]).toContain(task?.channel);
    // One run, one digest per unit and channel: no unit is told the same thing twice.
    const bodies = digests.map((m) => `${m.channel}#${m.to}#${JSON.stringify(m.body)}`);
    expect(new Set(bodies).size).toBe(bodies.length);
  });
});
