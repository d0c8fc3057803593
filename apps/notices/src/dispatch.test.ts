import { issueNotice, setUnitChannels } from "@gov/core";
import { testChannelKey, testDeps } from "@gov/core/testing";
import { IssueNoticeInput, type Senders } from "@gov/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { consoleDuring } from "./channels/testing.ts";
import { dispatchFromEnvironment, dispatchRun } from "./dispatch.ts";

let t: Awaited<ReturnType<typeof testDeps>>;
const key = "693a91f6-7a0c-4bc4-97a0-0ec2a1fa5aaa";
const sent: string[] = [];
const sender: Senders["wecom"] = async (_channel, message) => {
  sent.push(message.link);
  return { outcome: "sent" };
};
const senders: Senders = { wecom: sender, dingtalk: sender, email: sender, sms: sender };
const minutes = (n: number) => ({ getRemainingTimeInMillis: () => n * 60_000 });

beforeAll(async () => {
  t = await testDeps(new Date("2019-11-04T02:00:00.000Z"));
  const office = await t.actor("000014349", ["office"]);
  await t.store.units.put({ code: "000014351", name: "共青城市财政局", kind: "department" });
  await setUnitChannels(t.deps, office, {
    unitCode: "000014351",
    channels: [{ kind: "wecom", webhookUrl: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}` }],
  });
  await issueNotice(
    t.deps,
    office,
    IssueNoticeInput.parse({
      kind: "training",
      title: "关于举办全市政务公开工作培训会的通知",
      body: "请按时参加。",
      targets: { scope: "units", unitCodes: ["000014351"] },
      receipt: { required: false },
    }),
  );
});

describe("the scheduled dispatcher (Lambda)", () => {
  it("a run with less than 110 s left starts nothing: the next minute's run takes over", async () => {
    const run = { deps: t.deps, senders, linkBase: "https://zwgk.example.gov.cn/notices", random: () => 0.5 };
    expect(await dispatchRun(run, { getRemainingTimeInMillis: () => 109_000 })).toMatchObject({ claimed: 0 });
    expect(sent).toEqual([]);
  });

  it("a run sends what is due until idle and logs its counts, never a channel or a message", async () => {
    const run = { deps: t.deps, senders, linkBase: "https://zwgk.example.gov.cn/notices", random: () => 0.5 };
    let result: unknown;
    const logged = await consoleDuring(async () => {
      result = await dispatchRun(run, minutes(3));
    });
    expect(result).toEqual({ claimed: 1, sent: 1, retried: 0, dead: 0, deferred: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^https:\/\/zwgk\.example\.gov\.cn\/notices\/ntc_/);
    expect(logged).toContain("notice-deliveries");
    expect(logged).not.toContain(key);
    expect(logged).not.toContain("培训");
  });

  it("without NOTICE_LINK_BASE the function stops at start, naming the setting", () => {
    const environment = { TABLE_NAME: "gov-disclosure", CHANNEL_SECRET_KEY: testChannelKey };
    expect(() => dispatchFromEnvironment(environment)).toThrow(/NOTICE_LINK_BASE/);
    const run = dispatchFromEnvironment({
      ...environment,
      NOTICE_LINK_BASE: "https://zwgk.example.gov.cn/notices/",
    });
    expect(run.linkBase).toBe("https://zwgk.example.gov.cn/notices");
    expect(run.deps.channelSecrets).toBeDefined();
    run.deps.store.close();
  });

  it("without CHANNEL_SECRET_KEY a run fails visibly (503 naming the setting) rather than skipping deliveries", async () => {
    const { channelSecrets: _key, ...keyless } = t.deps;
    const run = {
      deps: keyless,
      senders,
      linkBase: "https://zwgk.example.gov.cn/notices",
      random: () => 0.5,
    };
    await expect(dispatchRun(run, minutes(3))).rejects.toThrow(/CHANNEL_SECRET_KEY/);
  });
});
