import {
  type ChannelInput,
  type DomainError,
  IssueNoticeInput,
  type OutgoingNotice,
  type Senders,
  type SendOutcome,
  takeRobotSlots,
} from "@gov/domain";
import type { Principal } from "@gov/store";
import { countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { deliveriesOfNotice, dispatchDeliveries, listDeliveries, retryDelivery } from "./deliveries.ts";
import { issueNotice } from "./notices.ts";
import { testDeps } from "./testing.ts";
import { setUnitChannels } from "./unit-channels.ts";

let t: Awaited<ReturnType<typeof testDeps>>;
let office: Principal;
const start = new Date("2019-11-04T02:00:00.000Z");
let now = start;
const at = (seconds: number) => {
  now = new Date(start.getTime() + seconds * 1000);
  t.setNow(now);
};

const robot = (n: number): ChannelInput => ({
  kind: "wecom",
  webhookUrl: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=robot-${String(n).padStart(4, "0")}`,
});
const email: ChannelInput = { kind: "email", addresses: ["zwgk@example.gov.cn"] };
const sms: ChannelInput = { kind: "sms", phones: ["13807920001"] };

/** Senders that record each attempt and answer what the test says. */
function fakeSenders(
  answer: (channel: ChannelInput, message: OutgoingNotice) => SendOutcome = () => ({ outcome: "sent" }),
) {
  const calls: { kind: string; noticeId: string; unitName: string; link: string }[] = [];
  const sender = async (channel: ChannelInput, message: OutgoingNotice) => {
    calls.push({
      kind: channel.kind,
      noticeId: message.notice.id,
      unitName: message.unitName,
      link: message.link,
    });
    return answer(channel, message);
  };
  const senders: Senders = { wecom: sender, dingtalk: sender, email: sender, sms: sender };
  return { senders, calls };
}

const options = { linkBase: "https://zwgk.example.gov.cn/notices/", random: () => 0.5 };

/** A fresh unit (a department) with the channels given. */
let unitSeq = 0;
async function unitWith(channels: ChannelInput[]): Promise<string> {
  unitSeq += 1;
  const code = `U${String(unitSeq).padStart(6, "0")}`;
  await t.store.units.put({ code, name: `测试部门${unitSeq}`, kind: "department" });
  await setUnitChannels(t.deps, office, { unitCode: code, channels });
  return code;
}

const notice = (unitCodes: string[]) =>
  issueNotice(
    t.deps,
    office,
    IssueNoticeInput.parse({
      kind: "training",
      title: "关于举办全市政务公开工作培训会的通知",
      body: "定于2019年11月15日举办培训会。",
      targets: { scope: "units", unitCodes },
      receipt: { required: true, workingDays: 5 },
    }),
  );

const refusal = async (run: Promise<unknown>) =>
  run.then(
    () => expect.unreachable(),
    (e) => e as DomainError,
  );

/** Passes at the current time until nothing is due. */
async function drain(senders: Senders) {
  const total = { claimed: 0, sent: 0, retried: 0, dead: 0, deferred: 0 };
  for (;;) {
    const pass = await dispatchDeliveries(t.deps, senders, options);
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += pass[k];
    if (pass.claimed === 0 && pass.deferred === 0) return total;
  }
}

beforeAll(async () => {
  t = await testDeps(start);
  office = await t.actor("000014349", ["office"]);
});

describe("deliveries are written with the notice", () => {
  it("one pending delivery per target unit and channel it has at issue, due at once; a unit without channels gets none", async () => {
    const a = await unitWith([robot(1), email]);
    const b = await unitWith([sms]);
    const c = await unitWith([]);
    const issued = await notice([a, b, c]);
    const deliveries = await deliveriesOfNotice(t.deps, office, { id: issued.id });
    expect(deliveries.map((d) => [d.unitCode, d.kind, d.status, d.attempts, d.nextAttemptAt])).toEqual([
      [a, "email", "pending", 0, start.toISOString()],
      [a, "wecom", "pending", 0, start.toISOString()],
      [b, "sms", "pending", 0, start.toISOString()],
    ]);
    await drain(fakeSenders().senders);
  });

  it("transaction cap: a notice whose records exceed 100 writes is refused at targets with the count, and nothing is written", async () => {
    const units: string[] = [];
    for (let i = 0; i < 20; i++) {
      const dingtalk: ChannelInput = {
        kind: "dingtalk",
        webhookUrl: `https://oapi.dingtalk.com/robot/send?access_token=${"a".repeat(16)}${String(i).padStart(4, "0")}`,
      };
      units.push(await unitWith([robot(100 + i), dingtalk, email, sms]));
    }
    const before = await countTable(t.store);
    const error = await refusal(notice(units));
    expect(error.kind).toBe("validation");
    expect(error.issues[0]?.path).toBe("targets");
    // 2 (notice, audit) + 20 receipts + 80 deliveries + the receipt deadline's supervision clock = 103.
    expect(error.issues[0]?.message).toContain("103条");
    expect(await countTable(t.store)).toBe(before);
    // Control: 19 of the same units make 2 + 19 + 76 + 1 = 98 writes and are issued.
    const fits = await notice(units.slice(0, 19));
    expect(await deliveriesOfNotice(t.deps, office, { id: fits.id })).toHaveLength(76);
    await drain(fakeSenders().senders);
  });
});

describe("the dispatcher", () => {
  it("sends a due delivery once with the notice, the unit's name and the link, marks it sent and takes it off the due index", async () => {
    const unit = await unitWith([email]);
    const issued = await notice([unit]);
    const { senders, calls } = fakeSenders();
    expect(await dispatchDeliveries(t.deps, senders, options)).toEqual({
      claimed: 1,
      sent: 1,
      retried: 0,
      dead: 0,
      deferred: 0,
    });
    expect(calls).toEqual([
      {
        kind: "email",
        noticeId: issued.id,
        unitName: `测试部门${unitSeq}`,
        link: `https://zwgk.example.gov.cn/notices/${issued.id}`,
      },
    ]);
    const [delivery] = await deliveriesOfNotice(t.deps, office, { id: issued.id });
    expect(delivery).toMatchObject({
      status: "sent",
      attempts: 1,
      sentAt: now.toISOString(),
      nextAttemptAt: null,
      lastError: null,
    });
    expect(await dispatchDeliveries(t.deps, senders, options)).toMatchObject({ claimed: 0 });
  });

  it("two dispatchers at once never send one delivery twice: the claim is a conditional write", async () => {
    const units = [await unitWith([email, sms]), await unitWith([email, sms])];
    for (let i = 0; i < 5; i++) await notice(units);
    const { senders, calls } = fakeSenders();
    const [one, two] = await Promise.all([
      dispatchDeliveries(t.deps, senders, options),
      dispatchDeliveries(t.deps, senders, options),
    ]);
    expect((one?.claimed ?? 0) + (two?.claimed ?? 0)).toBe(20);
    const keys = calls.map((c) => `${c.noticeId}/${c.unitName}/${c.kind}`);
    expect(keys).toHaveLength(20);
    expect(new Set(keys).size).toBe(20);
  });

  it("a retry is due again after exponential backoff with full jitter (base 30 s, random 0.5 → 15 s, then 30 s); attempts and last error kept", async () => {
    at(1000);
    const unit = await unitWith([sms]);
    const issued = await notice([unit]);
    const { senders } = fakeSenders(() => ({ outcome: "retry", reason: "服务暂不可用：HTTP 503" }));
    expect(await dispatchDeliveries(t.deps, senders, options)).toMatchObject({ claimed: 1, retried: 1 });
    let [d] = await deliveriesOfNotice(t.deps, office, { id: issued.id });
    expect(d).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "服务暂不可用：HTTP 503",
      nextAttemptAt: new Date(start.getTime() + 1015_000).toISOString(),
    });
    expect(await dispatchDeliveries(t.deps, senders, options)).toMatchObject({ claimed: 0 });
    at(1015);
    await dispatchDeliveries(t.deps, senders, options);
    [d] = await deliveriesOfNotice(t.deps, office, { id: issued.id });
    expect(d).toMatchObject({
      attempts: 2,
      nextAttemptAt: new Date(start.getTime() + 1045_000).toISOString(),
    });
  });

  it("Retry-After is honoured over the jitter, and capped at an hour", async () => {
    at(2000);
    const unit = await unitWith([sms]);
    const first = await notice([unit]);
    let retryAfterSeconds = 120;
    const { senders } = fakeSenders(() => ({ outcome: "retry", reason: "HTTP 429", retryAfterSeconds }));
    await dispatchDeliveries(t.deps, senders, options);
    expect((await deliveriesOfNotice(t.deps, office, { id: first.id }))[0]?.nextAttemptAt).toBe(
      new Date(start.getTime() + 2120_000).toISOString(),
    );
    const second = await notice([unit]);
    retryAfterSeconds = 10 * 24 * 3600;
    await dispatchDeliveries(t.deps, senders, options);
    expect((await deliveriesOfNotice(t.deps, office, { id: second.id }))[0]?.nextAttemptAt).toBe(
      new Date(start.getTime() + 5600_000).toISOString(),
    );
  });

  it("a refusal another attempt cannot change is dead at once; the office's retry makes it pending and due now; retrying a live one is 409", async () => {
    at(10_000);
    const unit = await unitWith([sms]);
    const issued = await notice([unit]);
    let answer: SendOutcome = { outcome: "failed", reason: "短信网关拒绝：INVALID_PHONE" };
    const { senders } = fakeSenders(() => answer);
    await dispatchDeliveries(t.deps, senders, options);
    const [dead] = await deliveriesOfNotice(t.deps, office, { id: issued.id });
    expect(dead).toMatchObject({ status: "dead", attempts: 1, lastError: "短信网关拒绝：INVALID_PHONE" });
    expect(
      (await listDeliveries(t.deps, office, { status: "dead", limit: 10 })).items.map((d) => d.id),
    ).toContain(dead?.id);
    at(10_100);
    const retried = await retryDelivery(t.deps, office, { id: dead?.id ?? "" });
    expect(retried).toMatchObject({ status: "pending", attempts: 0, nextAttemptAt: now.toISOString() });
    expect((await refusal(retryDelivery(t.deps, office, { id: dead?.id ?? "" }))).kind).toBe("conflict");
    answer = { outcome: "sent" };
    await dispatchDeliveries(t.deps, senders, options);
    expect((await t.store.deliveries.get(dead?.id ?? ""))?.status).toBe("sent");
  });

  it("a unit whose channel was removed after the notice was issued: the delivery is dead, saying so, and nothing is sent", async () => {
    at(30_000);
    const unit = await unitWith([sms]);
    const issued = await notice([unit]);
    await setUnitChannels(t.deps, office, { unitCode: unit, channels: [] });
    const { senders, calls } = fakeSenders();
    await dispatchDeliveries(t.deps, senders, options);
    const [d] = await deliveriesOfNotice(t.deps, office, { id: issued.id });
    expect(d).toMatchObject({
      status: "dead",
      attempts: 1,
      lastError: "该单位已无此送达渠道（可重新设置后重发）",
    });
    expect(calls.filter((c) => c.noticeId === issued.id)).toHaveLength(0);
  });

  it("dead after 8 attempts, with the count in its last error", async () => {
    at(20_000);
    const unit = await unitWith([sms]);
    const issued = await notice([unit]);
    const { senders, calls } = fakeSenders(() => ({ outcome: "retry", reason: "超时" }));
    for (let i = 0; i < 10; i++) {
      await dispatchDeliveries(t.deps, senders, options);
      at(20_000 + (i + 1) * 7200);
    }
    const [d] = await deliveriesOfNotice(t.deps, office, { id: issued.id });
    expect(d).toMatchObject({ status: "dead", attempts: 8, lastError: "已尝试8次仍未成功：超时" });
    expect(calls.filter((c) => c.noticeId === issued.id)).toHaveLength(8);
  });

  it("robot rate: a robot gets at most 20 messages in 60 s; the rest are deferred to their place in line, unclaimed, no attempt counted, and go once the window allows", async () => {
    at(200_000);
    const unit = await unitWith([robot(7)]);
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push((await notice([unit])).id);
    const { senders, calls } = fakeSenders();
    expect(await drain(senders)).toMatchObject({ claimed: 20, sent: 20, deferred: 5 });
    const pending = (await listDeliveries(t.deps, office, { unitCode: unit, status: "pending", limit: 50 }))
      .items;
    // In line after the window, one every 3 s: 20 a minute.
    expect(pending.map((d) => [d.attempts, d.nextAttemptAt]).sort()).toEqual(
      [60, 63, 66, 69, 72].map((s) => [0, new Date(now.getTime() + s * 1000).toISOString()]),
    );
    at(200_059);
    expect(await drain(senders)).toMatchObject({ claimed: 0, sent: 0 });
    at(200_072);
    expect(await drain(senders)).toMatchObject({ sent: 5, deferred: 0 });
    expect(calls.filter((c) => ids.includes(c.noticeId))).toHaveLength(25);
  });

  it("robot rate across dispatchers: one whose window write loses to another's reads the window again and claims only what still fits", async () => {
    at(400_000);
    const unit = await unitWith([robot(8)]);
    for (let i = 0; i < 3; i++) await notice([unit]);
    // Another dispatcher sends 20 on this robot between this one's read of the window and its write.
    let raced = false;
    const deliveries = t.store.deliveries;
    const racing = {
      ...t.deps,
      store: {
        ...t.store,
        deliveries: {
          ...deliveries,
          async robotWindow(robotId: string) {
            const window = await deliveries.robotWindow(robotId);
            // Only this test's robot is new: another test's leftovers are not raced.
            if (!raced && window.seq === 0) {
              raced = true;
              await deliveries.saveRobotWindow(robotId, window, takeRobotSlots(window, now.getTime(), 20), 0);
            }
            return window;
          },
        },
      },
    };
    const { senders, calls } = fakeSenders();
    expect(await dispatchDeliveries(racing, senders, options)).toMatchObject({ claimed: 0, sent: 0 });
    expect(calls).toHaveLength(0);
    const pending = (await listDeliveries(t.deps, office, { unitCode: unit, status: "pending", limit: 50 }))
      .items;
    expect(pending.map((d) => d.attempts)).toEqual([0, 0, 0]);
    at(400_060);
    expect(await drain(senders)).toMatchObject({ sent: 3 });
  });

  it("a dispatcher that died holding a lease: the delivery comes due again when the lease (120 s) runs out, and is sent once", async () => {
    at(300_000);
    const unit = await unitWith([email]);
    const issued = await notice([unit]);
    const [d] = await deliveriesOfNotice(t.deps, office, { id: issued.id });
    const lease = new Date(now.getTime() + 120_000).toISOString();
    expect(
      await t.store.deliveries.claim(d?.id ?? "", now.toISOString(), lease, "lost-dispatcher"),
    ).toBeDefined();
    const { senders, calls } = fakeSenders();
    at(300_119);
    expect(await dispatchDeliveries(t.deps, senders, options)).toMatchObject({ claimed: 0 });
    at(300_120);
    expect(await dispatchDeliveries(t.deps, senders, options)).toMatchObject({ claimed: 1, sent: 1 });
    expect(calls).toHaveLength(1);
    // The lost dispatcher's late answer changes nothing.
    expect(
      await t.store.deliveries.record({ ...(d as NonNullable<typeof d>), status: "dead" }, "lost-dispatcher"),
    ).toBe(false);
  });
});
