import { citizenMailbox } from "@gov/core/testing";
import { connectedFrom } from "@gov/http";
import { countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { citizenHarness } from "../citizen-harness.ts";

let h: Awaited<ReturnType<typeof citizenHarness>>;
beforeAll(async () => {
  h = await citizenHarness({}, new Date("2026-03-02T02:00:00.000Z"));
  await h.key("000014349", ["office"]);
});

let clients = 0;
const postForm = (path: string, fields: Record<string, string>) =>
  h.publicApp.request(
    path,
    {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    },
    connectedFrom(`203.0.113.${++clients}`),
  );
const getPage = async (path: string) => {
  const res = await h.publicApp.request(path);
  return { status: res.status, text: await res.text() };
};

describe("邮件订阅 on the portal (ADR 0060): the page a citizen without the API subscribes on", () => {
  it("a column's list links to its subscription page, which names the column and carries it in the form", async () => {
    const list = await getPage("/items?column=decision");
    expect(list.text).toContain('href="/public/subscribe?columnId=decision"');
    const page = await getPage("/subscribe?columnId=decision");
    expect(page.status).toBe(200);
    expect(page.text).toContain("栏目“决策公开”");
    expect(page.text).toContain('name="columnId" value="decision"');
    // Control: a list of everything offers no subscription (there is no such topic).
    expect((await getPage("/items")).text).not.toContain("/public/subscribe?");
  });

  it("a search's results link to subscribing to the same words", async () => {
    const page = await getPage(`/search?q=${encodeURIComponent("预算")}`);
    expect(page.text).toContain(`/public/subscribe?q=${encodeURIComponent("预算")}`);
  });

  it("posting the form sends the confirmation mail and answers as the API does, never naming the address", async () => {
    const mailbox = citizenMailbox(h.deps);
    const res = await postForm("/subscribe", { columnId: "decision", email: "reader@example.com" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const text = await res.text();
    expect(text).toContain("请查收确认邮件");
    expect(text).not.toContain("reader@example.com");
    await mailbox.deliver();
    expect(mailbox.subjectsTo("reader@example.com")).toHaveLength(1);
  });

  it("a bad address or a missing or unknown topic is a 400 page naming the problem, and stores nothing", async () => {
    const before = await countTable(h.store);
    const badEmail = await postForm("/subscribe", { columnId: "decision", email: "不是邮箱" });
    expect(badEmail.status).toBe(400);
    expect(await badEmail.text()).toContain('href="#field-email"');
    expect((await postForm("/subscribe", { email: "a@example.com" })).status).toBe(400);
    expect((await postForm("/subscribe", { columnId: "nowhere", email: "a@example.com" })).status).toBe(400);
    expect((await getPage("/subscribe?columnId=nowhere")).status).toBe(400);
    expect(await countTable(h.store)).toBe(before);
  });

  it("the mailbox and application forms offer status mails; ticking it without an email is refused at the email field", async () => {
    expect((await getPage("/mailbox")).text).toContain('name="notifyByEmail"');
    expect((await getPage("/apply")).text).toContain('name="notifyByEmail"');
    const letter = {
      subject: "路灯不亮",
      body: "某路段路灯长期不亮，请尽快维修。",
      "writer.name": "李四",
      "writer.phone": "13800000000",
      consentToPublish: "false",
    };
    const refused = await postForm("/mailbox", { ...letter, notifyByEmail: "true" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("#field-writer-email");
    // With the address the letter is taken, and its status watch is written with it: one record
    // more than the same letter without the opt-in (control).
    const grows = async (fields: Record<string, string>) => {
      const before = await countTable(h.store);
      expect((await postForm("/mailbox", fields)).status).toBe(303);
      return (await countTable(h.store)) - before;
    };
    const plain = await grows({ ...letter, subject: "路灯不亮（一）", "writer.email": "li@example.com" });
    const watched = await grows({
      ...letter,
      subject: "路灯不亮（二）",
      "writer.email": "li@example.com",
      notifyByEmail: "true",
    });
    expect(watched).toBe(plain + 1);
  });
});
