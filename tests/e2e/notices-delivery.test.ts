import { jsonClient } from "@gov/http";
import type { LocalStack } from "@gov/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, startStack } from "./stack.ts";

// biome-ignore lint/suspicious/noExplicitAny: the test reads JSON answers of many shapes
type Json = Record<string, any>;

let stack: LocalStack;
let office: string;
const finance = "000014351";

beforeAll(async () => {
  stack = await startStack({ dataDir: undefined, seed: "demo", demo: "notices", dispatchEveryMs: 500 });
  office = stack.credentials["000014349"]?.keys.office as string;
});
afterAll(() => stack?.stop());

const http = jsonClient<Json>((path, init) => fetch(`${stack.url}${path}`, init));
const captured = async () =>
  ((await (await fetch(`${stack.captureUrl}/messages`)).json()) as Json).messages as Json[];
const emails = async () => ((await (await fetch(`${stack.emailUrl}/store`)).json()) as Json).emails as Json[];

describe("issue 13 where it runs: pnpm start delivers notices to the local channels on a timer", () => {
  it("the demo's 2019 training notices reach the demo units' robots at the capture endpoint", async () => {
    const messages = await eventually(captured, (m) => m.some((x) => x.channel === "dingtalk"));
    expect(messages.some((m) => m.channel === "wecom" && String(m.summary).includes("培训"))).toBe(true);
    expect(messages.some((m) => m.channel === "dingtalk")).toBe(true);
  });

  it("a notice issued now is sent at once to the unit's robot, email and SMS, and its deliveries read sent", async () => {
    const title = `关于报送政务公开工作台账的通知${Date.now()}`;
    const issued = await http("POST", "/notices/v1/notices", office, {
      kind: "circular",
      title,
      body: "请于五个工作日内报送本单位政务公开工作台账。",
      targets: { scope: "units", unitCodes: [finance] },
      receipt: { required: true, workingDays: 5 },
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const id = issued.body.id as string;

    const deliveries = await eventually(
      async () => (await http("GET", `/notices/v1/notices/${id}/deliveries`, office)).body,
      (body) => (body.items as Json[]).every((d) => d.status === "sent"),
    );
    expect((deliveries.items as Json[]).map((d) => d.kind).sort()).toEqual(["email", "sms", "wecom"]);
    expect((deliveries.items as Json[]).every((d) => d.status === "sent")).toBe(true);

    const robot = (await captured()).find(
      (m) => m.channel === "wecom" && JSON.stringify(m.body).includes(title),
    );
    expect(robot?.to).toBe(`企业微信机器人 …${finance.slice(-4)}`);
    expect(JSON.stringify(robot?.body)).toContain(`${stack.url}/notices/v1/notices/${id}`);
    expect((await captured()).some((m) => m.channel === "sms" && m.to === "13800000001")).toBe(true);
    const email = (await emails()).find((e) => String(e.subject).includes(title));
    expect(email?.destination.to).toEqual([`gk-${finance}@gongqingcheng.example.gov.cn`]);
  });
});
