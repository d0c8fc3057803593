import { approveItemRelease, submitDraft, submitTaskCompletion, withdrawPublished } from "@gov/core";
import { testDeps } from "@gov/core/testing";
import { jsonClient } from "@gov/http";
import { beforeAll, describe, expect, it } from "vitest";
import { createSupervisionApp } from "./app.ts";

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON answers of many shapes
type Json = Record<string, any>;
let t: Awaited<ReturnType<typeof testDeps>>;
let app: ReturnType<typeof createSupervisionApp>;
let office: string;
const dept = "000014351";
const hostileNote = "<script>alert(1)</script> 佐证|不足 & 待补";

const call = jsonClient<Json>((path, init) => app.request(`/v1${path}`, init));

/** The office's 2019 department sheet, one assessment that lost points, and its task sent back with `note`. */
beforeAll(async () => {
  t = await testDeps(new Date("2020-01-07T02:00:00.000Z"));
  app = createSupervisionApp(t.deps);
  office = await t.key("000014349", ["office"]);
  const unit = await t.actor(dept, ["editor", "reviewer"]);
  const system = await call("POST", "/indicator-systems", office, {
    year: 2019,
    level: "department",
    name: "市政府各部门2019年政务公开工作评估要点",
    indicators: [
      { code: "1", group: "决策公开", name: "重大决策征求意见", maxScore: 10, deduction: "每项扣2分" },
    ],
  });
  const assessment = await call("POST", "/assessments", office, {
    indicatorSystemId: system.body.id,
    unitCode: dept,
    assessor: "评估公司",
  });
  const scored = await call(
    "PUT",
    `/assessments/${assessment.body.id}/scores`,
    office,
    { scores: [{ indicatorCode: "1", score: 8 }] },
    { "if-match": assessment.headers.get("etag") as string },
  );
  expect(scored.status).toBe(200);
  const tasks = await call("POST", `/assessments/${assessment.body.id}/rectification-tasks`, office, {
    deadline: "2020-01-31",
  });
  const task = tasks.body.items[0] as Json;
  const done = await submitTaskCompletion(t.deps, unit, {
    id: task.id,
    expectedVersion: task.version,
    note: "已整改",
  });
  const verified = await call(
    "POST",
    `/rectification-tasks/${task.id}/verify`,
    office,
    { accepted: false, note: hostileNote },
    { "if-match": `"${done.version}"` },
  );
  expect(verified.status, JSON.stringify(verified.body)).toBe(200);
});

describe("the circular renders user text as text in every format", () => {
  it("issue 12 #13 raw HTML in the Markdown circular: a note's <script> and | are escaped in ?format=md", async () => {
    const md = await call("GET", "/circulars/2019?format=md", office);
    expect(md.status).toBe(200);
    expect(md.body).not.toContain("<script>");
    expect(md.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt; 佐证\\|不足 &amp; 待补");
    const html = await call("GET", "/circulars/2019?format=html", office);
    expect(html.body).not.toContain("<script>");
    expect(html.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt; 佐证|不足 &amp; 待补");
  });
});

const publish = (year: number, body: string | null, headers: Record<string, string> = {}) =>
  app.request(`/v1/circulars/${year}/publication`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${office}`,
      ...(body === null ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body,
  });
const circularDrafts = async () =>
  (await t.store.items.listOfUnit("000014349", { limit: 100 })).items.filter(
    (i) => i.columnId === "supervision",
  );

describe("publishing the circular", () => {
  it("issue 12 #9 circular idempotency: the body is validated; malformed JSON, an array, null or an unknown level are 400 with paths and write nothing", async () => {
    for (const [body, path] of [
      ["{", undefined],
      ["[]", "(body)"],
      ["null", "(body)"],
      ['{"level":"county"}', "level"],
      ['{"unexpected":1}', "unexpected"],
    ] as const) {
      const res = await publish(2019, body);
      expect(res.status, body).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const problem = (await res.json()) as { errors?: { path: string }[] };
      if (path)
        expect(
          problem.errors?.map((e) => e.path),
          body,
        ).toContain(path);
    }
    expect(await circularDrafts()).toEqual([]);
  });

  it("issue 12 #9 circular idempotency: 12 concurrent publications of one (year, level) make one draft, and all answer it", async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => publish(2019, "{}")));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as Json).item.id)));
    const drafts = await circularDrafts();
    expect(drafts).toHaveLength(1);
    expect([...ids]).toEqual([drafts[0]?.id]);
  });

  it("a level's circular is its own draft, named after the level; without a body it is the whole year's", async () => {
    const whole = await publish(2019, null);
    expect(whole.status).toBe(200);
    const level = await publish(2019, '{"level":"department"}');
    expect(level.status).toBe(201);
    const item = ((await level.json()) as Json).item;
    expect(item.title).toBe("关于2019年度市政府各部门政务公开工作考评结果的通报");
    expect(item.id).not.toBe(((await whole.json()) as Json).item.id);
    expect((await publish(2019, '{"level":"department"}')).status).toBe(200);
    expect(await circularDrafts()).toHaveLength(2);
  });

  it("once published, another publication is a 409 naming the item; once withdrawn, a new draft may be made", async () => {
    const officer = await t.actor("000014349", ["office"]);
    const { item } = (await (await publish(2019, "{}")).json()) as Json;
    await submitDraft(t.deps, officer, { id: item.id });
    const review = { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false };
    await approveItemRelease(t.deps, officer, { id: item.id, review });
    const again = await publish(2019, "{}");
    expect(again.status).toBe(409);
    expect(((await again.json()) as Json).detail).toContain(item.id);
    await withdrawPublished(t.deps, officer, { id: item.id, reason: "数据有误，重新通报" });
    const redrafted = await Promise.all(Array.from({ length: 4 }, () => publish(2019, "{}")));
    expect(redrafted.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(await circularDrafts()).toHaveLength(3);
  });

  it("an Idempotency-Key replays the first answer", async () => {
    const first = await publish(2019, '{"level":"township"}', {
      "idempotency-key": "circular-2019-township",
    });
    expect(first.status).toBe(201);
    const replay = await publish(2019, '{"level":"township"}', {
      "idempotency-key": "circular-2019-township",
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(((await replay.json()) as Json).item.id).toBe(((await first.json()) as Json).item.id);
  });
});
