import { jsonClient } from "@gov/http";
import type { LocalStack } from "@gov/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack } from "./stack.ts";

let stack: LocalStack;
let editor: string;
let reviewer: string;
let otherUnitKey: string;

beforeAll(async () => {
  stack = await startStack({ dataDir: undefined, seed: "demo", demo: "round-trip" });
  const departments = Object.entries(stack.credentials).filter(([, c]) => c.keys.editor && !c.keys.office);
  const [mine, other] = departments;
  editor = mine?.[1].keys.editor ?? "";
  reviewer = mine?.[1].keys.reviewer ?? "";
  otherUnitKey = other?.[1].keys.editor ?? "";
});
afterAll(() => stack?.stop());

// biome-ignore lint/suspicious/noExplicitAny: the test reads JSON answers of many shapes
const http = jsonClient<any>((path, init) => fetch(`${stack.url}${path}`, init));

const draft = {
  kind: "general",
  title: "共青城市2026年政务公开工作要点",
  columnId: "decision",
  body: "<p>为深入推进决策、执行、管理、服务、结果公开……</p>",
  generatedOn: "2026-02-20",
  keywords: ["政务公开", "工作要点"],
};

describe("publish → review → public read, over real HTTP", () => {
  it("the server is healthy and serves each app's OpenAPI document", async () => {
    expect((await http("GET", "/healthz")).status).toBe(200);
    for (const base of ["publish", "public", "notices", "supervision"]) {
      const doc = await http("GET", `/${base}/openapi.json`);
      expect(doc.status).toBe(200);
      expect(doc.body.openapi).toBe("3.1.0");
      expect((await fetch(`${stack.url}/${base}/docs`)).status).toBe(200);
    }
  });

  it("an editor drafts, a reviewer approves, the public lists and shows it by its 索引号", async () => {
    const created = await http("POST", "/publish/v1/items", editor, draft);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await http("GET", `/public/v1/items/${id}`)).status).toBe(404);

    expect((await http("POST", `/publish/v1/items/${id}/submit`, editor)).status).toBe(200);
    const approved = await http("POST", `/publish/v1/items/${id}/approve`, reviewer, {
      review: { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false },
    });
    expect(approved.status).toBe(200);
    const indexNumber = approved.body.indexNumber as string;
    expect(indexNumber).toMatch(/^\w+\/\d{4}-\d{7}$/);

    const list = await http("GET", "/public/v1/items?column=decision&limit=100");
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const byIndex = await http("GET", `/public/v1/items/${encodeURIComponent(indexNumber)}`);
    expect(byIndex.status).toBe(200);
    expect(byIndex.body).toMatchObject({ id, title: draft.title, indexNumber, state: "published" });
    expect(byIndex.body.review).toBeUndefined();

    expect((await http("GET", `/publish/v1/items/${id}`, otherUnitKey)).status).toBe(404);
  });

  it("a stale If-Match gets 412 and changes nothing", async () => {
    const created = await http("POST", "/publish/v1/items", editor, draft);
    const id = created.body.id as string;
    expect(
      (await http("PATCH", `/publish/v1/items/${id}`, editor, { title: "第一次修改" }, { "if-match": '"1"' }))
        .status,
    ).toBe(200);
    const stale = await http(
      "PATCH",
      `/publish/v1/items/${id}`,
      editor,
      { title: "过期修改" },
      { "if-match": '"1"' },
    );
    expect(stale.status).toBe(412);
    expect((await http("GET", `/publish/v1/items/${id}`, editor)).body.title).toBe("第一次修改");
  });

  it("bad bodies get 400/422 problem+json with field paths and store nothing", async () => {
    const before = (await http("GET", "/publish/v1/items?limit=100", editor)).body.items.length;
    const cases: [unknown, number, string][] = [
      [{ ...draft, title: 42 }, 400, "title"],
      [{ ...draft, version: 7 }, 400, "version"],
      [{ ...draft, columnId: "nowhere" }, 422, "columnId"],
    ];
    for (const [body, status, path] of cases) {
      const res = await http("POST", "/publish/v1/items", editor, body);
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await http("GET", "/publish/v1/items?limit=100", editor)).body.items.length).toBe(before);
  });

  it("demo data is published and readable from the public catalogue", async () => {
    const columns = await http("GET", "/public/v1/columns");
    expect(columns.body.columns.length).toBeGreaterThan(10);
    const rectification = await http("GET", "/public/v1/items?column=supervision&limit=100");
    expect(rectification.status).toBe(200);
  });

  it("issue 18: the demo's publications are in the public change feed, each published item once at least", async () => {
    const fed = new Set<string>();
    let since = "";
    for (;;) {
      const page = await http("GET", `/public/v1/changes?limit=200${since ? `&since=${since}` : ""}`);
      expect(page.status).toBe(200);
      for (const entry of page.body.items) fed.add(entry.itemId);
      if (page.body.items.length === 0) break;
      since = page.body.nextCursor;
    }
    const published: string[] = [];
    let cursor = "";
    do {
      const page = await http("GET", `/public/v1/items?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
      published.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.nextCursor ?? "";
    } while (cursor);
    expect(published.length).toBeGreaterThan(10);
    expect(published.filter((id) => !fed.has(id))).toEqual([]);
  });

  it("the demo mailbox reproduces the report's 2019 figures, and its consultation its 20余条", async () => {
    const letters = await http("GET", "/public/v1/stats/letters?year=2019");
    expect([letters.body.received, letters.body.replied]).toEqual([302, 300]);
    const published = await http("GET", "/public/v1/letters?year=2019&limit=5");
    expect(published.body.items).toHaveLength(5);
    const consultations = await http("GET", "/public/v1/stats/consultations?year=2019");
    expect(consultations.body).toMatchObject({ commentsReceived: 23, adopted: 15, notAdopted: 8 });
  });

  it("OGI Art. 50(一): the demo's 2019 annual report states 21 received (10 online, 11 on paper), 13 answered, 8 carried over, 302 letters with 300 replied, and the seed's 3 trainings", async () => {
    const report = await http("GET", "/public/v1/reports/annual/2019?format=md");
    const text = String(report.body);
    expect(text).toContain(
      "本年新收政府信息公开申请21件，上年结转0件，办结13件，结转下年度8件（其中网上申请10件，其他渠道11件）",
    );
    expect(text).toContain("市长信箱收到来信302件，答复300件");
    expect(text).toContain("全年开展政务公开业务培训3次");
  });

  it("issue 12 #7 over real HTTP: a withdrawal is served at once at the URL just read, and leaves the list", async () => {
    const created = await http("POST", "/publish/v1/items", editor, { ...draft, title: "即将撤回的通知" });
    const id = created.body.id as string;
    await http("POST", `/publish/v1/items/${id}/submit`, editor);
    await http("POST", `/publish/v1/items/${id}/approve`, reviewer, {
      review: { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false },
    });
    expect((await http("GET", `/public/v1/items/${id}`)).status).toBe(200);
    expect(
      (await http("GET", "/public/v1/items?column=decision&limit=100")).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).toContain(id);
    const withdrawn = await http("POST", `/publish/v1/items/${id}/withdraw`, reviewer, {
      reason: "已被新文件替代",
    });
    expect(withdrawn.status).toBe(200);
    expect((await http("GET", `/public/v1/items/${id}`)).status).toBe(410);
    expect(
      (await http("GET", "/public/v1/items?column=decision&limit=100")).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).not.toContain(id);
  });

  // Last in the file: it spends this client's read allowance for the minute.
  it("issue 12 #5 over real HTTP: the socket's address is the client, whatever X-Forwarded-For says", async () => {
    let status = 200;
    for (let i = 0; i < 700 && status !== 429; i++) {
      status = (
        await fetch(`${stack.url}/public/v1/nothing`, {
          headers: { "x-forwarded-for": `198.51.100.${i % 250}` },
        })
      ).status;
    }
    expect(status).toBe(429);
    for (let i = 0; i < 20; i++) {
      const forged = await fetch(`${stack.url}/public/v1/nothing`, {
        headers: { "x-forwarded-for": `203.0.113.${i}` },
      });
      expect(forged.status).toBe(429);
    }
  });
});
