import { SubmitApplicationInput, SubmitLetterInput } from "@gov/domain";
import type { Principal } from "@gov/store";
import { allRecords } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { recordApplicationEvent, submitApplication } from "./applications.ts";
import { replyToLetter, submitLetter, transferLetter } from "./letters.ts";
import { unsubscribe } from "./subscriptions.ts";
import { citizenMailbox, testDeps } from "./testing.ts";

let t: Awaited<ReturnType<typeof testDeps>>;
let office: Principal;
let finance: Principal;
const links = { base: "https://zwgk.example.gov.cn/public" };

let mails: ReturnType<typeof citizenMailbox>["mails"];
let deliver: () => Promise<void>;
let to: (address: string) => string[];

const letter = (email: string, notifyByEmail?: boolean) =>
  SubmitLetterInput.parse({
    subject: "关于老城区停车难的建议",
    body: "建议增设公共停车位。",
    writer: { name: "李四", email },
    consentToPublish: false,
    ...(notifyByEmail === undefined ? {} : { notifyByEmail }),
  });

beforeAll(async () => {
  t = await testDeps(new Date("2026-03-02T02:00:00.000Z"));
  office = await t.actor("000014349", ["office"]);
  ({ mails, deliver, subjectsTo: to } = citizenMailbox(t.deps));
  finance = await t.actor("000014351", ["editor"]);
});

/** Submits, assigns to the finance bureau and replies: the letter's two state changes. */
async function handle(input: SubmitLetterInput) {
  const { receipt } = await submitLetter(t.deps, input, {}, links);
  await transferLetter(t.deps, office, { id: receipt.id, unitCode: "000014351", reason: "请财政局办理" });
  await deliver();
  await replyToLetter(t.deps, finance, { id: receipt.id, body: "您好，已列入计划。" });
  await deliver();
  return receipt;
}

describe("a letter writer who opts in is told of each change of state (issue 18)", () => {
  it("opted in: one mail when assigned, one when answered, each with a one-click unsubscribe; not opted in: none", async () => {
    const receipt = await handle(letter("watcher@example.com", true));
    expect(to("watcher@example.com")).toEqual([
      `您的市长信箱来信（${receipt.trackingCode}）已交承办单位办理`,
      `您的市长信箱来信（${receipt.trackingCode}）已答复`,
    ]);
    const last = mails.filter((m) => m.to === "watcher@example.com")[1]?.mail;
    expect(last?.text).toContain(`${links.base}/mailbox/status`);
    expect(last?.text).not.toContain("您好，已列入计划");
    expect(last?.headers.map((h) => h.name)).toEqual(["List-Unsubscribe", "List-Unsubscribe-Post"]);
    // Control: a writer who gave an email but did not opt in is mailed nothing.
    await handle(letter("quiet@example.com"));
    expect(to("quiet@example.com")).toEqual([]);
  });

  it("opting in without an email is refused at writer.email", () => {
    const parsed = SubmitLetterInput.safeParse({
      subject: "无邮箱",
      body: "正文",
      writer: { name: "王五" },
      consentToPublish: false,
      notifyByEmail: true,
    });
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["writer.email"]);
  });

  it("the unsubscribe link in a status mail stops the mails and deletes the opt-in; the address was sealed", async () => {
    const { receipt } = await submitLetter(t.deps, letter("leaver2@example.com", true), {}, links);
    await transferLetter(t.deps, office, { id: receipt.id, unitCode: "000014351", reason: "请财政局办理" });
    await deliver();
    expect(to("leaver2@example.com")).toHaveLength(1);
    const watch = (await allRecords(t.store)).filter((r) => r.entity === "status-watch");
    expect(JSON.stringify(watch)).not.toContain("leaver2@example.com");
    const text = mails.find((m) => m.to === "leaver2@example.com")?.mail.text ?? "";
    const token = decodeURIComponent(/unsubscribe\?token=(\S+)/.exec(text)?.[1] ?? "");
    await unsubscribe(t.deps, token);
    expect(await t.store.statusWatches.get(receipt.id)).toBeUndefined();
    await replyToLetter(t.deps, finance, { id: receipt.id, body: "已答复。" });
    await deliver();
    expect(to("leaver2@example.com")).toHaveLength(1);
  });
});

describe("unsubscribing from status mails (ADR 0060)", () => {
  it("deletes the mails not yet sent with the opt-in: a reply queued before the click is never mailed", async () => {
    const { receipt } = await submitLetter(t.deps, letter("leaver3@example.com", true), {}, links);
    await transferLetter(t.deps, office, { id: receipt.id, unitCode: "000014351", reason: "请财政局办理" });
    await deliver();
    const text = mails.find((m) => m.to === "leaver3@example.com")?.mail.text ?? "";
    const token = decodeURIComponent(/unsubscribe\?token=(\S+)/.exec(text)?.[1] ?? "");
    // The reply's mail is queued in the reply's transaction; the click comes before it is sent.
    await replyToLetter(t.deps, finance, { id: receipt.id, body: "已答复。" });
    const queued = (await allRecords(t.store)).filter((r) => r.entity === "citizen-mail").length;
    await unsubscribe(t.deps, token);
    expect((await allRecords(t.store)).filter((r) => r.entity === "citizen-mail").length).toBeLessThan(
      queued,
    );
    await deliver();
    expect(to("leaver3@example.com")).toHaveLength(1);
  });
});

describe("an applicant who opts in is told of each change of state (issue 18)", () => {
  it("opted in: a mail when the application is answered; opting in without an address is refused at applicant.email", async () => {
    const { receipt } = await submitApplication(
      t.deps,
      SubmitApplicationInput.parse({
        unitCode: "000014351",
        applicant: { type: "natural-person", name: "赵六", email: "applicant@example.com" },
        description: "申请公开2026年城区道路改造工程的招标文件",
        notifyByEmail: true,
      }),
      {},
      links,
    );
    const application = (await t.store.applications.getByTrackingCode(receipt.trackingCode)).found
      ?.application;
    if (!application) throw new Error("the application was stored");
    await recordApplicationEvent(t.deps, finance, {
      id: application.id,
      event: { type: "respond", on: "2026-03-02", responseType: "disclosed" },
    });
    await deliver();
    expect(to("applicant@example.com")).toEqual([`您的政府信息公开申请（${receipt.trackingCode}）已答复`]);
    // Control: opting in without an address is refused at applicant.email.
    const parsed = SubmitApplicationInput.safeParse({
      unitCode: "000014351",
      applicant: { type: "natural-person", name: "赵六", phone: "13800000000" },
      description: "申请公开2026年城区道路改造工程的招标文件",
      notifyByEmail: true,
    });
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["applicant.email"]);
  });
});

describe("a multi-unit application (ADR 0061) tells the applicant of each unit's part", () => {
  it("the second unit's answer mails the applicant who opted in with the first", async () => {
    await t.store.units.put({ code: "000014352", name: "共青城市卫生健康委员会", kind: "department" });
    const health = await t.actor("000014352", ["editor"]);
    const { receipt } = await submitApplication(
      t.deps,
      SubmitApplicationInput.parse({
        unitCode: "000014351",
        otherUnitCodes: ["000014352"],
        applicant: { type: "natural-person", name: "钱七", email: "parts@example.com" },
        description: "申请公开2026年医疗卫生和财政专项资金安排",
        notifyByEmail: true,
      }),
      {},
      links,
    );
    const part = (await t.store.applications.listOfUnit("000014352", { limit: 10 })).items.find(
      (a) => a.trackingCode === receipt.trackingCode,
    );
    if (!part) throw new Error("the second unit holds its part");
    await recordApplicationEvent(t.deps, health, {
      id: part.id,
      event: { type: "respond", on: "2026-03-02", responseType: "disclosed" },
    });
    await deliver();
    expect(to("parts@example.com")).toEqual([`您的政府信息公开申请（${receipt.trackingCode}）已答复`]);
  });
});
