import { jsonClient } from "@gov/http";
import type { LocalStack } from "@gov/local";
import { allRecords, tableStore } from "@gov/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoTable } from "./demo-template.ts";
import { eventually, startStack } from "./stack.ts";

// biome-ignore lint/suspicious/noExplicitAny: the test reads JSON answers of many shapes
type Json = Record<string, any>;

let stack: LocalStack;
let editor: string;
let reviewer: string;
let office: string;
const finance = "000014351";
// The stack's clock: Wednesday 2026-11-18, 10:00 in Beijing, moved to the next morning for the digest.
let offsetMs = new Date("2026-11-18T02:00:00.000Z").getTime() - Date.now();
const address = `e2e.subscriber.${Date.now().toString(36)}@example.org`;

beforeAll(async () => {
  stack = await startStack({
    dataDir: undefined,
    seed: "demo",
    demo: "subscriptions",
    clock: () => new Date(Date.now() + offsetMs),
    dispatchEveryMs: 300,
  });
  const keys = stack.credentials[finance]?.keys ?? {};
  editor = keys.editor ?? "";
  reviewer = keys.reviewer ?? "";
  office = stack.credentials["000014349"]?.keys.office ?? "";
});
afterAll(() => stack?.stop());

const http = jsonClient<Json>((path, init) => fetch(`${stack.url}${path}`, init));
const emails = async () => ((await (await fetch(`${stack.emailUrl}/store`)).json()) as Json).emails as Json[];
const toSubscriber = async () =>
  (await emails()).filter((e) => (e.destination.to as string[]).includes(address));

const header = (email: Json, name: string) =>
  ((email.headers ?? []) as { name: string; value: string }[]).find((h) => h.name === name)?.value;

/** The link's path and query on this stack (the mail's links are absolute, to the stack's own host). */
const linkIn = (email: Json, action: string) => {
  const match = new RegExp(`https?://[^\\s"<>]+/public/v1/subscriptions/${action}\\?token=[^\\s"<>]+`).exec(
    String(email.body.text),
  );
  if (!match) throw new Error(`no ${action} link in ${email.body.text}`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
};

async function publish(title: string) {
  const created = await http("POST", "/publish/v1/items", editor, {
    kind: "general",
    title,
    columnId: "fiscal",
    body: `<p>${title}</p>`,
    generatedOn: "2026-11-17",
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  expect((await http("POST", `/publish/v1/items/${id}/submit`, editor)).status).toBe(200);
  const approved = await http("POST", `/publish/v1/items/${id}/approve`, reviewer, {
    review: { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false },
  });
  expect(approved.status).toBe(200);
}

describe("issue 18 done when: opt-in, digest, unsubscribe and deletion, end to end against the local email emulator", () => {
  let unsubscribePath = "";

  it("a subscription's confirmation arrives at the emulator with RFC 8058 headers; GET shows a button, POST confirms", async () => {
    const asked = await http("POST", "/public/v1/subscriptions", undefined, {
      email: address,
      unitCode: finance,
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);
    expect(JSON.stringify(asked.body)).not.toContain(address);
    const [confirmation] = await eventually(toSubscriber, (m) => m.length > 0);
    expect(confirmation?.subject).toBe("请确认订阅：单位“共青城市财政局”的政务公开信息");
    expect(header(confirmation as Json, "List-Unsubscribe")).toMatch(
      /^<http:\/\/127\.0\.0\.1:\d+\/public\/v1\/subscriptions\/unsubscribe\?token=sub_[0-9A-Z]{26}\.[\w-]{32}>$/,
    );
    expect(header(confirmation as Json, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

    const confirmPath = linkIn(confirmation as Json, "confirm");
    const page = await fetch(`${stack.url}${confirmPath}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(await page.text()).toContain('method="post"');
    const confirmed = await http("POST", confirmPath);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.message).toContain("您已订阅单位“共青城市财政局”");
    unsubscribePath = linkIn(confirmation as Json, "unsubscribe");
  });

  it("the same answer for a known and an unknown address: no enumeration", async () => {
    const known = await http("POST", "/public/v1/subscriptions", undefined, {
      email: address,
      unitCode: finance,
    });
    const unknown = await http("POST", "/public/v1/subscriptions", undefined, {
      email: `nobody.${Date.now().toString(36)}@example.org`,
      unitCode: finance,
    });
    expect([known.status, known.body]).toEqual([unknown.status, unknown.body]);
    // Control: a bad address is refused with its field path, and nothing is said about any other.
    const bad = await http("POST", "/public/v1/subscriptions", undefined, {
      email: "not-an-address",
      unitCode: finance,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("email");
  });

  it("the next morning's digest lists what the unit published, with the one-click unsubscribe headers", async () => {
    const title = `共青城市2026年11月财政收支情况${Date.now().toString(36)}`;
    await publish(title);
    offsetMs = new Date("2026-11-19T00:00:00.000Z").getTime() - Date.now();
    const run = await stack.digestNow();
    expect(run?.sent).toBeGreaterThanOrEqual(1);
    const mails = await eventually(toSubscriber, (m) => m.some((e) => String(e.body.text).includes(title)));
    const digest = mails.find((e) => String(e.body.text).includes(title)) as Json;
    expect(digest.subject).toBe("单位“共青城市财政局”新公开信息1条（2026-11-19）");
    expect(header(digest, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(header(digest, "List-Unsubscribe")).toContain(unsubscribePath);
    // A second run the same morning sends nothing more.
    await stack.digestNow();
    await new Promise((r) => setTimeout(r, 1000));
    expect((await toSubscriber()).filter((e) => String(e.body.text).includes(title))).toHaveLength(1);
  });

  it("no public route answers with the address: lists, search, feeds, exports, statistics, pages, the API document", async () => {
    const paths = [
      "/public/v1/columns",
      `/public/v1/items?unit=${finance}&limit=100`,
      `/public/v1/search?q=${encodeURIComponent("财政收支")}`,
      "/public/v1/feeds/fiscal.atom",
      "/public/v1/export/items.csv",
      "/public/v1/export/items.json",
      "/public/v1/documents",
      "/public/v1/letters",
      "/public/v1/consultations",
      "/public/v1/stats/applications?year=2026",
      "/public/v1/stats/letters?year=2026",
      "/public/openapi.json",
      "/public",
      "/public/items",
      "/public/sitemap.xml",
    ];
    for (const path of paths) {
      const answer = await fetch(`${stack.url}${path}`);
      expect(answer.status, path).toBeLessThan(400);
      const text = (await answer.text()).toLowerCase();
      expect(text.includes(address.toLowerCase()), path).toBe(false);
    }
    // Nor the office's view of the outbox: a citizen's delivery names the mail, not the address.
    const deliveries = await http("GET", "/notices/v1/deliveries?limit=100", office);
    expect(deliveries.status).toBe(200);
    expect(JSON.stringify(deliveries.body)).toContain('"recipient":"citizen"');
    expect(JSON.stringify(deliveries.body).toLowerCase()).not.toContain(address.toLowerCase());
    // Control: the address did go out, to the emulator, which is where mail is meant to go.
    expect((await toSubscriber()).length).toBeGreaterThan(0);
  });

  it("one-click unsubscribe (POST List-Unsubscribe=One-Click) deletes every record of the subscription; later digests send nothing", async () => {
    const id = decodeURIComponent(unsubscribePath.split("token=")[1] ?? "").split(".")[0] as string;
    const store = tableStore(demoTable("subscriptions"));
    const holding = async () =>
      (await allRecords(store)).filter((r) => r.entity !== "delivery" && JSON.stringify(r).includes(id));
    expect((await holding()).length).toBeGreaterThan(0);
    const gone = await fetch(`${stack.url}${unsubscribePath}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(gone.status).toBe(200);
    expect(await holding()).toEqual([]);
    const before = (await toSubscriber()).length;
    await publish(`共青城市2026年12月财政收支情况${Date.now().toString(36)}`);
    offsetMs = new Date("2026-11-20T00:00:00.000Z").getTime() - Date.now();
    await stack.digestNow();
    await new Promise((r) => setTimeout(r, 1500));
    expect((await toSubscriber()).length).toBe(before);
    store.close();
  });
});
