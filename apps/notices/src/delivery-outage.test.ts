import { dispatchDeliveries, issueNotice, setUnitChannels } from "@gov/core";
import { testDeps } from "@gov/core/testing";
import { IssueNoticeInput, robotRate } from "@gov/domain";
import type { Principal } from "@gov/store";
import { FetchInterceptor } from "@mswjs/interceptors/fetch";
import { HttpResponse, http } from "msw";
import { SetupServerApi } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelConfig, createSenders } from "./channels/index.ts";

/**
 * Issue 13's outage (Done when, bullet 2), end to end through the real WeCom sender and a real
 * DynamoDB Local: 20 units, each with its own robot; the robots answer 503 while 100 notices
 * are issued and two dispatchers run; then they come back. Time is the test's clock, moved on
 * between runs, so retries, leases and rate windows play out in minutes that take no time.
 */

const base = "http://robots.test";
const units = Array.from({ length: 20 }, (_, i) => `U${String(i + 1).padStart(6, "0")}`);
const robotKey = (unitCode: string) => `robot-key-${unitCode}`;
const start = Date.parse("2019-11-04T02:00:00.000Z");

let now = start;
let down = true;
/** Every request a robot received: which robot, which notice, when (test clock), and whether it was taken. */
const received: { key: string; noticeId: string; at: number; taken: boolean }[] = [];
// Only fetch is intercepted: the robots are called with fetch, and DynamoDB's ~7,500 calls go
// through node:http untouched, which halves the test's time.
const robotHandler = http.post(`${base}/cgi-bin/webhook/send`, async ({ request }) => {
  const key = new URL(request.url).searchParams.get("key") ?? "";
  const body = (await request.json()) as { markdown: { content: string } };
  const noticeId = /ntc_[0-9A-Z]{26}/.exec(body.markdown.content)?.[0] ?? "";
  received.push({ key, noticeId, at: now, taken: !down });
  return down
    ? new HttpResponse("Service Unavailable", { status: 503 })
    : HttpResponse.json({ errcode: 0, errmsg: "ok" });
});
const server = new SetupServerApi([robotHandler], [new FetchInterceptor()]);

/** A seeded generator (mulberry32): the jitter is random in shape and the same on every run. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

let t: Awaited<ReturnType<typeof testDeps>>;
let office: Principal;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  t = await testDeps(new Date(start));
  office = await t.actor("000014349", ["office"]);
  for (const code of units) {
    await t.store.units.put({ code, name: `测试单位${code}`, kind: "department" });
    await setUnitChannels(t.deps, office, {
      unitCode: code,
      channels: [
        {
          kind: "wecom",
          webhookUrl: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${robotKey(code)}`,
        },
      ],
    });
  }
});
afterAll(() => server.close());

const setNow = (ms: number) => {
  now = ms;
  t.setNow(new Date(ms));
};

describe("issue 13's outage: every delivery sent exactly once, none lost, no robot over its rate", () => {
  it("robots down (503) while 100 notices to 20 units are issued and two dispatchers run; back up; run again until idle", async () => {
    const senders = createSenders(channelConfig({ WECOM_API_BASE: base }), {
      clock: () => new Date(now),
      timeoutMs: 5_000,
    });
    const dispatchers = [1, 2].map((seed) => {
      const options = { linkBase: "https://zwgk.example.gov.cn/notices", random: seeded(seed) };
      return () => dispatchDeliveries(t.deps, senders, options);
    });
    /** Both dispatchers at once, pass after pass, until neither finds anything it can take now. */
    const untilIdle = async () => {
      for (;;) {
        const passes = await Promise.all(dispatchers.map((run) => run()));
        if (passes.every((p) => p.claimed === 0 && p.deferred === 0)) return;
      }
    };

    const notices: string[] = [];
    for (let i = 0; i < 100; i++) {
      const input = IssueNoticeInput.parse({
        kind: "training",
        title: `关于举办政务公开业务培训（第${i + 1}期）的通知`,
        body: "请各单位按时参加。",
        targets: { scope: "units", unitCodes: units },
        receipt: { required: true, workingDays: 5 },
      });
      notices.push((await issueNotice(t.deps, office, input)).id);
      // The dispatchers run while notices are still being issued.
      if (i % 25 === 24) await untilIdle();
    }

    // Half a minute on, still down: the first retries are due, but each robot's window is
    // full with the 20 refused attempts, so nothing is sent, claimed or counted.
    setNow(start + 30_000);
    await untilIdle();
    // Every robot was tried as often as its rate allowed, and every attempt refused.
    expect(received).toHaveLength(20 * robotRate.messages);
    expect(received.every((r) => !r.taken)).toBe(true);

    down = false;
    let clock = now;
    for (let step = 0; step < 20; step++) {
      clock += 60_000;
      setNow(clock);
      await untilIdle();
      if ((await t.store.deliveries.due("9999-12-31T00:00:00.000Z", 1)).length === 0) break;
    }

    // Exactly once: each (notice, unit) taken by its robot once; none lost, none twice.
    const taken = new Map<string, number>();
    for (const r of received.filter((r) => r.taken)) {
      const pair = `${r.noticeId}/${r.key}`;
      taken.set(pair, (taken.get(pair) ?? 0) + 1);
    }
    expect(taken.size).toBe(100 * 20);
    for (const id of notices)
      for (const code of units) expect(taken.get(`${id}/${robotKey(code)}`), `${id} ${code}`).toBe(1);
    // Every record says so too, with its attempts.
    for (const id of notices) {
      const deliveries = await t.store.deliveries.ofNotice(id);
      expect(deliveries.map((d) => d.status)).toEqual(Array(20).fill("sent"));
    }
    // No robot ever got more than 20 requests (taken or refused) in any 60 s of the test clock.
    for (const code of units) {
      const times = received
        .filter((r) => r.key === robotKey(code))
        .map((r) => r.at)
        .sort((a, b) => a - b);
      for (let k = robotRate.messages; k < times.length; k++)
        expect((times[k] ?? 0) - (times[k - robotRate.messages] ?? 0)).toBeGreaterThanOrEqual(60_000);
    }
    // ~7,500 DynamoDB calls: ADR 0045 gives the time this takes and why the limit is generous.
  }, 90_000);
});
