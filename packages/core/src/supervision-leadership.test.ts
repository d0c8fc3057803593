import { type ChannelInput, CreateTaskInput, type OutgoingNotice, type Senders } from "@gov/domain";
import { allRecords } from "@gov/store/testing";
import { describe, expect, it } from "vitest";
import { dispatchDeliveries } from "./deliveries.ts";
import { setLeadershipContact } from "./leadership-contacts.ts";
import { issueTask } from "./rectification-tasks.ts";
import { supervisionRun } from "./supervision-run.ts";
import { dept, office, otherDept, supervisionDeps } from "./test-supervision.ts";
import { setUnitChannels } from "./unit-channels.ts";

// Issue 14: very overdue is escalated to the office AND the unit's leadership contact (ADR 0053).
// A task due Friday 9 October 2026 is very overdue once 10 working days have passed (10 October
// is worked): on Thursday 22 October; the run of Monday 26 October finds it so.

type T = Awaited<ReturnType<typeof supervisionDeps>>;
const at = (day: string) => new Date(`${day}T00:30:00.000Z`);
const leader = {
  name: "王敏",
  post: "分管副局长",
  email: "wangmin@czj.example.gov.cn",
  mobile: "13807920001",
};

async function lateTasks(contact: typeof leader | null) {
  const t = await supervisionDeps(at("2026-10-08"));
  for (const problem of ["政务公开指南未更新", "政策文件未配发解读"]) {
    await issueTask(
      t.deps,
      office,
      CreateTaskInput.parse({
        unitCode: dept.unitCode,
        indicatorCode: "A1",
        problem,
        measures: "限期整改",
        deadline: "2026-10-09",
      }),
    );
  }
  await issueTask(
    t.deps,
    office,
    CreateTaskInput.parse({
      unitCode: otherDept.unitCode,
      indicatorCode: "A1",
      problem: "年报数据前后矛盾",
      measures: "限期整改",
      deadline: "2026-10-09",
    }),
  );
  // The unit's own channel is a robot: the leader's email and SMS must not be confused with it.
  await setUnitChannels(t.deps, office, {
    unitCode: dept.unitCode,
    channels: [
      { kind: "wecom", webhookUrl: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=dept-robot" },
    ],
  });
  if (contact) await setLeadershipContact(t.deps, office, { unitCode: dept.unitCode, ...contact });
  t.setNow(at("2026-10-26"));
  return t;
}

const runOn26th = (t: T) => supervisionRun(t.deps, office, { asOf: "2026-10-26", dryRun: false });

/** The deliveries of every supervision notice: to whom, on which channel, for which unit. */
async function supervisionDeliveries(t: T) {
  const notices = (await t.store.notices.list({ limit: 100 })).items.filter((n) => n.kind === "supervision");
  const rows: string[] = [];
  for (const notice of notices) {
    for (const d of await t.store.deliveries.ofNotice(notice.id))
      rows.push(`${notice.unitCodes.join()} ${d.recipient} ${d.kind}`);
  }
  return rows.sort();
}

function capture() {
  const sent: { channel: ChannelInput; message: OutgoingNotice }[] = [];
  const sender = async (channel: ChannelInput, message: OutgoingNotice) => {
    sent.push({ channel, message });
    return { outcome: "sent" as const };
  };
  const senders: Senders = { wecom: sender, dingtalk: sender, email: sender, sms: sender };
  return { senders, sent };
}

describe("督办 escalation to the unit's leadership contact (分管领导)", () => {
  it("very overdue: the leader's email and SMS each get one delivery, beside the unit's digest and the office's escalation", async () => {
    const t = await lateTasks(leader);
    const run = await runOn26th(t);
    expect(run.errors).toEqual([]);
    // The finance bureau's digest, its leader's, the education bureau's and the office's escalation.
    expect(run.noticesIssued).toBe(4);
    expect(await supervisionDeliveries(t)).toEqual([
      `${dept.unitCode} leadership email`,
      `${dept.unitCode} leadership sms`,
      `${dept.unitCode} unit wecom`,
    ]);

    const { senders, sent } = capture();
    await dispatchDeliveries(t.deps, senders, {
      linkBase: "https://zwgk.example.gov.cn/n",
      random: () => 0.5,
    });
    const toLeader = sent.filter((s) => s.channel.kind !== "wecom");
    expect(toLeader.map((s) => s.channel)).toEqual(
      expect.arrayContaining([
        { kind: "email", addresses: [leader.email] },
        { kind: "sms", phones: [leader.mobile] },
      ]),
    );
    for (const { message } of toLeader) {
      expect(message.notice.title).toContain("请分管领导督促办结");
      expect(message.notice.body).toContain("政务公开指南未更新");
      expect(message.notice.body).toContain("政策文件未配发解读");
      // Another unit's finding is not the leader's business.
      expect(message.notice.body).not.toContain("年报数据前后矛盾");
    }
    expect(sent.find((s) => s.channel.kind === "wecom")?.message.notice.title).toContain("督办提醒");

    // Run again the same day and the next: the leader is not told again.
    const again = await runOn26th(t);
    t.setNow(at("2026-10-27"));
    const next = await supervisionRun(t.deps, office, { asOf: "2026-10-27", dryRun: false });
    expect(again.noticesIssued + next.noticesIssued).toBe(0);
    expect(await supervisionDeliveries(t)).toHaveLength(3);
  });

  it("two scans at once tell the leader once", async () => {
    const t = await lateTasks(leader);
    const [a, b] = await Promise.all([runOn26th(t), runOn26th(t)]);
    expect([...a.errors, ...b.errors]).toEqual([]);
    expect(a.noticesIssued + b.noticesIssued).toBe(4);
    const rows = await supervisionDeliveries(t);
    expect(rows.filter((r) => r.includes("leadership"))).toEqual([
      `${dept.unitCode} leadership email`,
      `${dept.unitCode} leadership sms`,
    ]);
  });

  it("a unit without a leadership contact is escalated to the office only", async () => {
    const t = await lateTasks(null);
    const run = await runOn26th(t);
    expect(run.noticesIssued).toBe(3);
    const notices = (await t.store.notices.list({ limit: 100 })).items;
    expect(notices.map((n) => n.unitCodes.join()).sort()).toEqual(
      [dept.unitCode, otherDept.unitCode, office.unitCode].sort(),
    );
    expect((await supervisionDeliveries(t)).filter((r) => r.includes("leadership"))).toEqual([]);
  });

  it("the contact is never in the table, a notice or a delivery in clear", async () => {
    const t = await lateTasks(leader);
    await runOn26th(t);
    const table = JSON.stringify(await allRecords(t.store));
    expect(table).toContain("LEADERSHIP-CONTACT");
    for (const clear of [leader.name, "wangmin", leader.mobile]) expect(table).not.toContain(clear);
  });
});
