import { IssueNoticeInput } from "@gov/domain";
import type { Principal } from "@gov/store";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { issueNotice } from "./notices.ts";
import { testDeps } from "./testing.ts";
import { setUnitChannels } from "./unit-channels.ts";

let t: Awaited<ReturnType<typeof testDeps>>;
let office: Principal;

beforeAll(async () => {
  t = await testDeps(new Date("2019-11-04T02:00:00.000Z"));
  office = await t.actor("000014349", ["office"]);
  await t.store.units.put({ code: "W00001", name: "有渠道的部门", kind: "department" });
  await t.store.units.put({ code: "W00002", name: "无渠道的部门", kind: "department" });
  await setUnitChannels(t.deps, office, {
    unitCode: "W00001",
    channels: [
      { kind: "wecom", webhookUrl: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wake-0001" },
    ],
  });
});

const issue = (unitCodes: string[]) =>
  issueNotice(
    t.deps,
    office,
    IssueNoticeInput.parse({
      kind: "circular",
      title: "关于报送工作台账的通知",
      body: "请报送。",
      targets: { scope: "units", unitCodes },
      receipt: { required: false },
    }),
  );

describe("issue 13 where it runs: the dispatcher is woken right after a notice with deliveries is committed (ADR 0048)", () => {
  it("wakes it once for a notice with deliveries, not at all for one without", async () => {
    const wake = vi.fn(async () => {});
    t.deps.wakeDispatcher = wake;
    await issue(["W00002"]);
    expect(wake).not.toHaveBeenCalled();
    const issued = await issue(["W00001"]);
    expect(wake).toHaveBeenCalledTimes(1);
    expect(await t.store.notices.get(issued.id)).toBeDefined();
  });

  it("a wake-up that fails is logged and the notice stands: the schedule sends its deliveries", async () => {
    t.deps.wakeDispatcher = async () => {
      throw new Error("Lambda Invoke answered 500");
    };
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const issued = await issue(["W00001"]);
    expect(await t.store.notices.get(issued.id)).toBeDefined();
    expect(String(logged.mock.calls[0]?.[0])).toContain("dispatcher-wake-failed");
    logged.mockRestore();
  });
});
