import type { DomainError, PreparedMail } from "@gov/domain";
import type { Principal } from "@gov/store";
import { allRecords, publishedItem } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { confirmSubscription, runDigest, subscribe, unsubscribe } from "./subscriptions.ts";
import { citizenMailbox, testDeps } from "./testing.ts";

let t: Awaited<ReturnType<typeof testDeps>>;
let office: Principal;
const unit = "000014351";
const links = { base: "https://zwgk.example.gov.cn/public" };
const start = new Date("2026-03-02T02:00:00.000Z");
const at = (iso: string) => t.setNow(new Date(iso));

/** A fresh recorder of citizens' mails, and the dispatcher run until nothing is claimed. */
const mailbox = () => citizenMailbox(t.deps);

const tokenIn = (mail: PreparedMail, action: "confirm" | "unsubscribe") => {
  const match = new RegExp(`/v1/subscriptions/${action}\\?token=([^\\s>"&]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${action} link in the mail`);
  return decodeURIComponent(match[1]);
};

let sequence = 0;
async function publish(title: string, publishedAt: string, columnId = "fiscal", unitCode = unit) {
  sequence += 1;
  const entry = publishedItem(
    { kind: "general", title, columnId, body: `<p>${title}</p>`, generatedOn: "2026-02-27" },
    { unitCode, sequence, publishedAt },
  );
  await t.store.items.loadMany([entry], { search: true });
  return entry.item;
}

/** Subscribes, delivers the confirmation and follows its link: the subscription's unsubscribe token. */
async function confirmed(email: string, topic: { columnId?: string; unitCode?: string; q?: string }) {
  const box = mailbox();
  await subscribe(t.deps, { email, ...topic }, links);
  await box.deliver();
  const confirmation = box.mails.find((m) => m.to === email);
  if (!confirmation) throw new Error("no confirmation mail");
  await confirmSubscription(t.deps, tokenIn(confirmation.mail, "confirm"));
  return tokenIn(confirmation.mail, "unsubscribe");
}

beforeAll(async () => {
  t = await testDeps(start);
  office = await t.actor("000014349", ["office"]);
  await t.store.units.put({ code: unit, name: "共青城市财政局", kind: "department" });
});

describe("double opt-in (issue 18): only a confirmed address receives digests", () => {
  it("a new subscription mails a confirmation with RFC 8058 one-click unsubscribe headers, and stays pending until its link is followed", async () => {
    at("2026-03-02T02:00:00.000Z");
    const box = mailbox();
    await subscribe(t.deps, { email: "Zhang.San@Example.com", columnId: "decision" }, links);
    await box.deliver();
    expect(box.mails).toHaveLength(1);
    const [sent] = box.mails;
    expect(sent?.to).toBe("Zhang.San@Example.com");
    expect(sent?.mail.subject).toBe("请确认订阅：栏目“决策公开”的政务公开信息");
    const unsubscribeUrl = `${links.base}/v1/subscriptions/unsubscribe?token=`;
    expect(sent?.mail.headers).toEqual([
      {
        name: "List-Unsubscribe",
        value: expect.stringMatching(`^<${unsubscribeUrl.replace(/[?.]/g, "\\$&")}sub_`),
      },
      { name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click" },
    ]);

    // Pending: a digest the next day tells it nothing, though something was published.
    await publish("关于2026年重大行政决策事项目录的公告", "2026-03-02T03:00:00.000Z", "decision");
    at("2026-03-03T01:00:00.000Z");
    const before = await runDigest(t.deps, office, { asOf: "2026-03-03", links });
    expect(before.subscriptions).toBe(0);

    // Control: once the link is followed, what is published afterwards is told.
    await confirmSubscription(t.deps, tokenIn(sent?.mail as PreparedMail, "confirm"));
    await publish("关于2026年第二批重大行政决策事项的公告", "2026-03-03T02:00:00.000Z", "decision");
    at("2026-03-04T01:00:00.000Z");
    const run = await runDigest(t.deps, office, { asOf: "2026-03-04", links });
    expect(run.sent).toBe(1);
    await box.deliver();
    const digest = box.mails[1]?.mail;
    expect(digest?.subject).toBe("栏目“决策公开”新公开信息1条（2026-03-04）");
    expect(digest?.text).toContain("关于2026年第二批重大行政决策事项的公告（2026-03-03）");
    // Published before the confirmation: not in the digest.
    expect(digest?.text).not.toContain("重大行政决策事项目录");
    expect(digest?.headers.map((h) => h.name)).toEqual(["List-Unsubscribe", "List-Unsubscribe-Post"]);
  });

  it("the same answer whether or not the address is known: a repeat within 15 minutes mails nothing, a confirmed address is never mailed again", async () => {
    at("2026-03-05T02:00:00.000Z");
    const box = mailbox();
    await subscribe(t.deps, { email: "lisi@example.com", unitCode: unit }, links);
    await subscribe(t.deps, { email: "LISI@example.com ", unitCode: unit }, links);
    await box.deliver();
    expect(box.mails).toHaveLength(1);
    // Control: after 15 minutes a pending subscription gets its confirmation again.
    at("2026-03-05T02:15:00.000Z");
    await subscribe(t.deps, { email: "lisi@example.com", unitCode: unit }, links);
    await box.deliver();
    expect(box.mails).toHaveLength(2);
    await confirmSubscription(t.deps, tokenIn(box.mails[1]?.mail as PreparedMail, "confirm"));
    at("2026-03-05T03:00:00.000Z");
    await subscribe(t.deps, { email: "lisi@example.com", unitCode: unit }, links);
    await box.deliver();
    expect(box.mails).toHaveLength(2);
  });

  it("a forged, altered or foreign token confirms nothing (404), and unsubscribes nothing", async () => {
    at("2026-03-05T04:00:00.000Z");
    const box = mailbox();
    await subscribe(t.deps, { email: "wangwu@example.com", q: "社会救助" }, links);
    await box.deliver();
    const token = tokenIn(box.mails[0]?.mail as PreparedMail, "confirm");
    const [id] = token.split(".");
    for (const forged of [
      `${id}.${"A".repeat(32)}`,
      `${token}x`,
      tokenIn(box.mails[0]?.mail as PreparedMail, "unsubscribe"),
      "x",
    ]) {
      const error = await confirmSubscription(t.deps, forged).then(
        () => expect.unreachable(),
        (e) => e as DomainError,
      );
      expect(error.kind).toBe("not-found");
    }
    await unsubscribe(t.deps, `${id}.${"A".repeat(32)}`);
    // A week after its mail the link has expired, though the TTL may not have deleted the record yet.
    at("2026-03-12T04:00:01.000Z");
    expect(
      await confirmSubscription(t.deps, token).then(
        () => "confirmed",
        (e) => (e as DomainError).kind,
      ),
    ).toBe("not-found");
    at("2026-03-12T03:59:59.000Z");
    // Control: the real token confirms the subscription, which the forged unsubscribe left alone.
    expect(await confirmSubscription(t.deps, token)).toEqual({ topic: "检索词“社会救助”" });
  });
});

describe("the daily digest (issue 18)", () => {
  it("exactly once per day: two runs at once send one digest per subscription, a third run that day none, the next day only what is new", async () => {
    at("2026-03-06T02:00:00.000Z");
    await confirmed("zhaoliu@example.com", { columnId: "education" });
    await publish("2026年春季学期义务教育招生工作方案", "2026-03-06T03:00:00.000Z", "education");
    at("2026-03-07T00:30:00.000Z");
    const [a, b] = await Promise.all([
      runDigest(t.deps, office, { asOf: "2026-03-07", links }),
      runDigest(t.deps, office, { asOf: "2026-03-07", links }),
    ]);
    const box = mailbox();
    await box.deliver();
    const toZhao = () => box.mails.filter((m) => m.to === "zhaoliu@example.com");
    expect(toZhao()).toHaveLength(1);
    // Between them the two runs sent each digest once: as many mails as digests counted.
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(box.mails.length);
    const again = await runDigest(t.deps, office, { asOf: "2026-03-07", links });
    expect(again.sent).toBe(0);
    await box.deliver();
    expect(toZhao()).toHaveLength(1);

    // The next day: only the item published since, not the one already told.
    await publish("2026年教育收费项目和标准公示", "2026-03-07T02:00:00.000Z", "education");
    at("2026-03-08T00:30:00.000Z");
    await runDigest(t.deps, office, { asOf: "2026-03-08", links });
    await box.deliver();
    expect(toZhao()).toHaveLength(2);
    expect(toZhao()[1]?.mail.text).toContain("2026年教育收费项目和标准公示");
    expect(toZhao()[1]?.mail.text).not.toContain("招生工作方案");
    // A day with nothing new mails nothing.
    at("2026-03-09T00:30:00.000Z");
    const quiet = await runDigest(t.deps, office, { asOf: "2026-03-09", links });
    await box.deliver();
    expect(toZhao()).toHaveLength(2);
    expect(quiet.nothingNew).toBeGreaterThan(0);
  });

  it("a column, a unit and a search each collect their own items", async () => {
    at("2026-03-10T02:00:00.000Z");
    await t.store.units.put({ code: "000014352", name: "共青城市卫生健康委员会", kind: "department" });
    await confirmed("col@example.com", { columnId: "health" });
    await confirmed("unit@example.com", { unitCode: "000014352" });
    await confirmed("search@example.com", { q: "秸秆禁烧" });
    await publish("关于做好2026年春季传染病防控工作的通知", "2026-03-10T03:00:00.000Z", "health", unit);
    await publish("2026年卫生健康委部门预算", "2026-03-10T04:00:00.000Z", "fiscal", "000014352");
    await publish("关于2026年秸秆禁烧工作的通告", "2026-03-10T05:00:00.000Z", "decision", unit);
    at("2026-03-11T00:30:00.000Z");
    await runDigest(t.deps, office, { asOf: "2026-03-11", links });
    const box = mailbox();
    await box.deliver();
    const titles = (to: string) => box.mails.filter((m) => m.to === to).map((m) => m.mail.subject);
    expect(titles("col@example.com")).toEqual(["栏目“医疗卫生”新公开信息1条（2026-03-11）"]);
    expect(titles("unit@example.com")).toEqual(["单位“共青城市卫生健康委员会”新公开信息1条（2026-03-11）"]);
    expect(titles("search@example.com")).toEqual(["检索词“秸秆禁烧”新公开信息1条（2026-03-11）"]);
  });

  it("a day not yet begun is refused at asOf", async () => {
    at("2026-03-11T00:30:00.000Z");
    const error = await runDigest(t.deps, office, { asOf: "2026-03-12", links }).then(
      () => expect.unreachable(),
      (e) => e as DomainError,
    );
    expect(error.issues[0]?.path).toBe("asOf");
  });
});

describe("personal data (issue 18): the address is sealed, and unsubscribing deletes it", () => {
  it("no record holds the address in clear, in any case", async () => {
    at("2026-03-12T02:00:00.000Z");
    await confirmed("Secret.Person@Example.com", { columnId: "social" });
    const dump = JSON.stringify(await allRecords(t.store)).toLowerCase();
    expect(dump).not.toContain("secret.person@example.com");
    // Control: the dump is the one that holds the subscription.
    expect(dump).toContain("subscription");
  });

  it("one-click unsubscribe deletes the subscription, its guard, its markers and its mails not yet sent; a pending digest is not sent", async () => {
    at("2026-03-13T02:00:00.000Z");
    const token = await confirmed("leaver@example.com", { columnId: "three-battles" });
    const id = token.split(".")[0] as string;
    await publish("2026年污染防治攻坚战实施方案", "2026-03-13T03:00:00.000Z", "three-battles");
    at("2026-03-14T00:30:00.000Z");
    await runDigest(t.deps, office, { asOf: "2026-03-14", links });
    const holding = (await allRecords(t.store)).filter((r) => JSON.stringify(r).includes(id));
    expect(holding.map((r) => r.entity).sort()).toEqual(
      expect.arrayContaining(["citizen-mail", "subscription", "subscription-digest", "subscription-guard"]),
    );
    await unsubscribe(t.deps, token);
    const left = (await allRecords(t.store)).filter(
      (r) => r.entity !== "delivery" && JSON.stringify(r).includes(id),
    );
    expect(left).toEqual([]);
    const box = mailbox();
    await box.deliver();
    expect(box.mails.filter((m) => m.to === "leaver@example.com")).toEqual([]);
    // Unsubscribing again answers the same and changes nothing.
    await unsubscribe(t.deps, token);
  });
});
