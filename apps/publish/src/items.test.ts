import { testDeps } from "@gov/core/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublishApp } from "./app.ts";

type Harness = Awaited<ReturnType<typeof testDeps>>;
let t: Harness;
let app: ReturnType<typeof createPublishApp>;
let editor: string;
let reviewer: string;
let otherEditor: string;
const unit = "000000201";

beforeAll(async () => {
  t = await testDeps();
  app = createPublishApp(t.deps);
  editor = await t.key(unit, ["editor"]);
  reviewer = await t.key(unit, ["reviewer"]);
  otherEditor = await t.key("000000202", ["editor", "reviewer"]);
});

const draftBody = {
  kind: "general",
  title: "共青城市重大行政决策听证制度",
  columnId: "decision",
  body: "<p>为规范重大行政决策听证工作，制定本制度。</p>",
  generatedOn: "2026-02-27",
  docNumber: "共府办发〔2026〕3号",
};
const clearReview = {
  review: { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false },
};

function call(
  method: string,
  path: string,
  key: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return app.request(`/v1${path}`, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

async function createDraft(key = editor, body: object = draftBody) {
  const res = await call("POST", "/items", key, body);
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; version: number; state: string };
}

async function submitted(key = editor) {
  const item = await createDraft(key);
  const res = await call("POST", `/items/${item.id}/submit`, key);
  expect(res.status).toBe(200);
  return item;
}

const ownList = async (key: string) =>
  ((await (await call("GET", "/items?limit=100", key)).json()) as { items: { id: string; title: string }[] })
    .items;

describe("authentication and authorization", () => {
  it("a request without a valid key is 401 problem+json", async () => {
    for (const key of [undefined, "gk_not-a-key"]) {
      const res = await call("GET", "/items", key);
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  it("a reviewer-only key cannot draft (403)", async () => {
    const res = await call("POST", "/items", reviewer, draftBody);
    expect(res.status).toBe(403);
  });

  it("another unit's item is 404 for reading, editing and submitting, and nothing changes", async () => {
    const item = await createDraft();
    for (const [method, path, body, headers] of [
      ["GET", `/items/${item.id}`, undefined, {}],
      ["GET", `/items/${item.id}/history`, undefined, {}],
      ["PATCH", `/items/${item.id}`, { title: "别人改" }, { "if-match": '"1"' }],
      ["POST", `/items/${item.id}/submit`, undefined, {}],
    ] as const) {
      expect((await call(method, path, otherEditor, body, headers)).status).toBe(404);
    }
    const res = await call("GET", `/items/${item.id}`, editor);
    expect(await res.json()).toMatchObject({ title: draftBody.title, version: 1, state: "draft" });
  });
});

describe("drafting", () => {
  it("creates a draft owned by the key's unit, with ETag and Location", async () => {
    const res = await call("POST", "/items", editor, draftBody);
    expect(res.status).toBe(201);
    const item = (await res.json()) as Record<string, unknown>;
    expect(item).toMatchObject({
      unitCode: unit,
      state: "draft",
      version: 1,
      indexNumber: null,
      scope: "面向全社会",
    });
    expect(res.headers.get("etag")).toBe('"1"');
    expect(res.headers.get("location")).toBe(`/publish/v1/items/${item.id}`);
  });

  it("server-owned fields in the body are refused with their path, and nothing is stored", async () => {
    const before = (await ownList(editor)).length;
    const res = await call("POST", "/items", editor, {
      ...draftBody,
      state: "published",
      indexNumber: "x/2026-1",
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path).sort()).toEqual(["indexNumber", "state"]);
    expect((await ownList(editor)).length).toBe(before);
  });

  it("missing and malformed fields are 400 with field paths", async () => {
    const res = await call("POST", "/items", editor, { ...draftBody, title: "", generatedOn: "2026-13-45" });
    expect(res.status).toBe(400);
    const paths = ((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["title", "generatedOn"]));
  });

  it("a body that is not JSON is 400 problem+json", async () => {
    const res = await call("POST", "/items", editor, "{not json");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });

  it("an unknown column, or a kind the column does not take, is 422 on columnId", async () => {
    for (const body of [
      { ...draftBody, columnId: "no-such-column" },
      {
        ...draftBody,
        kind: "budget",
        fiscalYear: 2026,
        budgetType: "budget",
        approvedOn: "2026-02-20",
        includesThreePublic: true,
      },
    ]) {
      const res = await call("POST", "/items", editor, body);
      expect(res.status).toBe(422);
      expect(((await res.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe("columnId");
    }
  });

  it("PATCH needs If-Match (428), refuses a stale one (412), and bumps the version", async () => {
    const item = await createDraft();
    expect((await call("PATCH", `/items/${item.id}`, editor, { title: "新标题" })).status).toBe(428);
    const ok = await call("PATCH", `/items/${item.id}`, editor, { title: "新标题" }, { "if-match": '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("etag")).toBe('"2"');
    const stale = await call(
      "PATCH",
      `/items/${item.id}`,
      editor,
      { title: "旧版本改" },
      { "if-match": '"1"' },
    );
    expect(stale.status).toBe(412);
    expect(await (await call("GET", `/items/${item.id}`, editor)).json()).toMatchObject({
      title: "新标题",
      version: 2,
    });
  });

  it("Idempotency-Key: a replay returns the first response; another body with the same key is 422", async () => {
    const headers = { "idempotency-key": `create-${Date.now()}` };
    const first = await call("POST", "/items", editor, draftBody, headers);
    const replay = await call("POST", "/items", editor, draftBody, headers);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("etag")).toBe('"1"');
    const firstBody = (await first.json()) as { id: string };
    expect(((await replay.json()) as { id: string }).id).toBe(firstBody.id);
    const different = await call("POST", "/items", editor, { ...draftBody, title: "另一份" }, headers);
    expect(different.status).toBe(422);
    expect((await ownList(editor)).filter((i) => i.id === firstBody.id)).toHaveLength(1);
  });

  it("concurrent replays with one Idempotency-Key create exactly one item", async () => {
    const before = (await ownList(editor)).length;
    const headers = { "idempotency-key": `race-${Date.now()}` };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => call("POST", "/items", editor, draftBody, headers)),
    );
    const ids = new Set(
      await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id)),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect(ids.size).toBe(1);
    expect((await ownList(editor)).length).toBe(before + 1);
  });
});

describe("review and publication", () => {
  it("approval by a reviewer of the unit publishes with a 索引号 {unitCode}/{year}-{sequence}", async () => {
    const item = await submitted();
    const res = await call("POST", `/items/${item.id}/approve`, reviewer, clearReview);
    expect(res.status).toBe(200);
    const published = (await res.json()) as {
      state: string;
      indexNumber: string;
      publishedAt: string;
      review: object;
    };
    expect(published.state).toBe("published");
    expect(published.indexNumber).toMatch(new RegExp(`^${unit}/2026-\\d{7}$`));
    expect(published.publishedAt).toBe("2026-03-02T02:00:00.000Z");
    expect(published.review).toMatchObject({ ...clearReview.review, reviewerUnitCode: unit });
  });

  it("保密审查: any blocking answer refuses publication and leaves the item submitted", async () => {
    const item = await submitted();
    const res = await call("POST", `/items/${item.id}/approve`, reviewer, {
      review: { ...clearReview.review, personalPrivacy: true },
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { detail: string }).detail).toContain("个人隐私");
    expect(await (await call("GET", `/items/${item.id}`, editor)).json()).toMatchObject({
      state: "submitted",
      indexNumber: null,
    });
  });

  it("an editor cannot approve (403); a reviewer of another unit sees nothing (404)", async () => {
    const item = await submitted();
    expect((await call("POST", `/items/${item.id}/approve`, editor, clearReview)).status).toBe(403);
    expect((await call("POST", `/items/${item.id}/approve`, otherEditor, clearReview)).status).toBe(404);
  });

  it("a draft cannot be approved (409): it must be submitted first", async () => {
    const item = await createDraft();
    expect((await call("POST", `/items/${item.id}/approve`, reviewer, clearReview)).status).toBe(409);
  });

  it("rejection returns the item to draft with the reason; history records every step", async () => {
    const item = await submitted();
    const res = await call("POST", `/items/${item.id}/reject`, reviewer, { reason: "请补充政策依据" });
    expect(await res.json()).toMatchObject({ state: "draft", rejection: { reason: "请补充政策依据" } });
    const history = (await (await call("GET", `/items/${item.id}/history`, editor)).json()) as {
      events: { action: string; version: number; actorUnitCode: string }[];
    };
    expect(history.events.map((e) => [e.action, e.version])).toEqual([
      ["create", 1],
      ["submit", 2],
      ["reject", 3],
    ]);
  });

  it("20 concurrent approvals of one item: exactly one publication and one 索引号", async () => {
    const item = await submitted();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => call("POST", `/items/${item.id}/approve`, reviewer, clearReview)),
    );
    const ok = responses.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    expect(responses.every((r) => [200, 409, 412].includes(r.status))).toBe(true);
    const history = (await (await call("GET", `/items/${item.id}/history`, editor)).json()) as {
      events: { action: string }[];
    };
    expect(history.events.filter((e) => e.action === "approve")).toHaveLength(1);
  });

  it("50 items of one unit approved concurrently get 50 distinct 索引号", async () => {
    const unitCode = "000000203";
    const ed = await t.key(unitCode, ["editor"]);
    const rv = await t.key(unitCode, ["reviewer"]);
    const items = await Promise.all(Array.from({ length: 50 }, () => submitted(ed)));
    const responses = await Promise.all(
      items.map((i) => call("POST", `/items/${i.id}/approve`, rv, clearReview)),
    );
    const numbers = await Promise.all(
      responses.map(async (r) => ((await r.json()) as { indexNumber: string }).indexNumber),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(new Set(numbers).size).toBe(50);
  });
});
