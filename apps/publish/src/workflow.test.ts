import { beforeAll, describe, expect, it } from "vitest";
import { clearReview, general, interpretation, normative, publishHarness } from "./test-client.ts";

type H = Awaited<ReturnType<typeof publishHarness>>;
let h: H;
let dept: Awaited<ReturnType<H["unit"]>>;
let other: Awaited<ReturnType<H["unit"]>>;

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  dept = await h.unit("000000401");
  other = await h.unit("000000402");
});

describe("item kinds: each kind requires its own fields", () => {
  const cases: [string, object, string][] = [
    ["normative needs a 文号", { ...normative(), docNumber: undefined }, "docNumber"],
    ["normative needs its issuing organ", { ...normative(), issuingOrgan: undefined }, "issuingOrgan"],
    [
      "an interpretation names the document it interprets",
      { ...interpretation("x"), interprets: undefined },
      "interprets",
    ],
    [
      "a budget says its year, type, approval date and whether 三公经费 are included",
      {
        kind: "budget",
        title: "2026年部门预算",
        columnId: "fiscal-budget-departments",
        body: "",
        generatedOn: "2026-02-01",
      },
      "fiscalYear",
    ],
    [
      "a project item names one of the eight stages",
      {
        kind: "project",
        title: "招标公告",
        columnId: "project-bidding",
        body: "",
        generatedOn: "2026-02-01",
        projectName: "共青大道改造",
        stage: "tendering",
      },
      "stage",
    ],
    ["a kind's fields are refused on another kind", { ...general(), stage: "bidding" }, "stage"],
  ];
  for (const [rule, body, path] of cases) {
    it(rule, async () => {
      const res = await h.call("POST", "/items", dept.editor, body);
      expect(res.status).toBe(400);
      expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain(path);
    });
  }

  it("a normative document starts effective (有效) with its 备案审查 record", async () => {
    const item = await dept.draft(normative("共府办发〔2026〕2号"));
    expect(item).toMatchObject({
      validity: "effective",
      filing: { filedWith: "共青城市司法局", result: "passed" },
    });
  });

  it("a budget publication records whether it came within 20 calendar days of approval (预算法 Art. 14)", async () => {
    const budget = {
      kind: "budget",
      title: "共青城市财政局2026年部门预算",
      columnId: "fiscal-budget-departments",
      body: "<p>含“三公”经费</p>",
      generatedOn: "2026-02-01",
      fiscalYear: 2026,
      budgetType: "budget",
      approvedOn: "2026-02-01",
      includesThreePublic: true,
    };
    const late = await dept.publish(budget);
    expect(late.timeliness).toMatchObject({ budget: { calendarDays: 29, onTime: false } });
    const onTime = await dept.publish({ ...budget, approvedOn: "2026-02-20" });
    expect(onTime.timeliness).toMatchObject({ budget: { calendarDays: 10, onTime: true } });
  });

  it("OGI Art. 26: publication within 20 working days of formation is recorded on the item", async () => {
    // Formed Friday 2026-02-27, published Monday 03-02: Saturday 02-28 was a 调休 working day.
    const item = await dept.publish({ ...general(), generatedOn: "2026-02-27" });
    expect(item.timeliness).toMatchObject({ proactive: { workingDays: 2, limit: 20, onTime: true } });
    const late = await dept.publish({ ...general(), generatedOn: "2026-01-05" });
    expect(late.timeliness).toMatchObject({ proactive: { onTime: false } });
  });
});

describe("input safety", () => {
  it("HTML bodies are sanitized: scripts, event handlers and javascript: URLs removed", async () => {
    const item = await dept.draft({
      ...general(),
      body: '<p onclick="x()">正文<script>alert(1)</script><a href="javascript:alert(1)">链接</a><img src=x onerror=alert(1)></p>',
    });
    const body = String(item.body);
    expect(body).toContain("正文");
    for (const bad of ["<script", "onclick", "onerror", "javascript:"]) expect(body).not.toContain(bad);
  });
});

describe("revise: a new edition while the live one stays public", () => {
  it("publishing the revision supersedes the live edition; the 索引号 stays; history keeps both", async () => {
    const live = await dept.publish(general("关于调整办事时间的公告"));
    const revising = await h.call("POST", `/items/${live.id}/revise`, dept.editor);
    expect(revising.status).toBe(200);
    expect(revising.body).toMatchObject({
      state: "published",
      title: "关于调整办事时间的公告",
      revision: { edition: 2, state: "draft" },
    });
    const edited = await h.call(
      "PATCH",
      `/items/${live.id}`,
      dept.editor,
      { title: "关于调整办事时间的公告（更正）" },
      {
        "if-match": `"${revising.body.version}"`,
      },
    );
    expect(edited.status).toBe(200);
    expect(edited.body.title).toBe("关于调整办事时间的公告");
    await dept.submit(live.id);
    const republished = await dept.approve(live.id);
    expect(republished).toMatchObject({
      title: "关于调整办事时间的公告（更正）",
      indexNumber: live.indexNumber,
      edition: 2,
      revision: null,
      state: "published",
    });
    const history = (await h.call("GET", `/items/${live.id}/history`, dept.editor)).body as unknown as {
      events: { action: string }[];
      editions: { edition: number; title: string }[];
    };
    expect(history.events.map((e) => e.action)).toEqual([
      "create",
      "submit",
      "approve",
      "revise",
      "edit",
      "submit",
      "approve",
    ]);
    expect(history.editions).toMatchObject([{ edition: 1, title: "关于调整办事时间的公告" }]);
  });

  it("only a published item can be revised, and only one revision at a time", async () => {
    const draft = await dept.draft(general());
    expect((await h.call("POST", `/items/${draft.id}/revise`, dept.editor)).status).toBe(409);
    const live = await dept.publish(general());
    expect((await h.call("POST", `/items/${live.id}/revise`, dept.editor)).status).toBe(200);
    expect((await h.call("POST", `/items/${live.id}/revise`, dept.editor)).status).toBe(409);
  });

  it("20 concurrent revise+approve races leave one live edition and a complete history", async () => {
    const live = await dept.publish(general("并发修订"));
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        await h.call("POST", `/items/${live.id}/revise`, dept.editor);
        await h.call("POST", `/items/${live.id}/submit`, dept.editor);
        await h.call("POST", `/items/${live.id}/approve`, dept.reviewer, clearReview);
      }),
    );
    const final = await dept.get(live.id);
    const history = (await h.call("GET", `/items/${live.id}/history`, dept.editor)).body as unknown as {
      events: { action: string; version: number }[];
      editions: { edition: number }[];
    };
    const approvals = history.events.filter((e) => e.action === "approve").length;
    expect(final.state).toBe("published");
    expect(final.edition).toBe(approvals);
    expect(history.editions.map((e) => e.edition)).toEqual(
      Array.from({ length: approvals - 1 }, (_, i) => i + 1),
    );
    expect(history.events.map((e) => e.version)).toEqual(history.events.map((_, i) => i + 1));
    expect(final.version).toBe(history.events.length);
  });
});

describe("withdraw: taken down with a public reason, nothing deleted", () => {
  it("a withdrawn item keeps its content and history", async () => {
    const live = await dept.publish(general("将撤回的通知"));
    const res = await h.call("POST", `/items/${live.id}/withdraw`, dept.reviewer, { reason: "活动取消" });
    expect(res.body).toMatchObject({
      state: "withdrawn",
      title: "将撤回的通知",
      withdrawal: { reason: "活动取消" },
    });
    const history = (await h.call("GET", `/items/${live.id}/history`, dept.editor)).body as unknown as {
      events: { action: string }[];
    };
    expect(history.events.at(-1)?.action).toBe("withdraw");
  });

  it("a draft cannot be withdrawn, and a reason is required", async () => {
    const draft = await dept.draft(general());
    expect((await h.call("POST", `/items/${draft.id}/withdraw`, dept.reviewer, { reason: "x" })).status).toBe(
      409,
    );
    const live = await dept.publish(general());
    expect((await h.call("POST", `/items/${live.id}/withdraw`, dept.reviewer, {})).status).toBe(400);
  });
});

describe("links: visible from both ends", () => {
  it("publishing an interpretation links it to its document, and the document shows it", async () => {
    const doc = await dept.publish(normative("共府办发〔2026〕5号"));
    const interp = await dept.publish(interpretation(doc.id));
    expect(interp.timeliness).toMatchObject({
      interpretation: { documentId: doc.id, workingDays: 0, onTime: true },
    });
    const docView = await dept.get(doc.id);
    expect(docView.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          relation: "interpreted-by",
          target: expect.objectContaining({ id: interp.id }),
        }),
      ]),
    );
  });

  it("an interpretation cannot be published before its document (三同步)", async () => {
    const doc = await dept.draft(normative("共府办发〔2026〕6号"));
    const interp = await dept.draft(interpretation(doc.id));
    await dept.submit(interp.id);
    expect((await h.call("POST", `/items/${interp.id}/approve`, dept.reviewer, clearReview)).status).toBe(
      409,
    );
  });

  it("linking to another unit's unpublished item is refused; its published item is fine", async () => {
    const hidden = await other.draft(general("他单位草稿"));
    const res = await h.call("POST", "/items", dept.editor, { ...general(), relatedItemIds: [hidden.id] });
    expect(res.status).toBe(422);
    expect((res.body.errors as { path: string }[])[0]?.path).toBe("relatedItemIds.0");
    const visible = await other.publish(general("他单位已发布"));
    const linked = await dept.publish({ ...general(), relatedItemIds: [visible.id] });
    const otherView = await other.get(visible.id);
    expect(otherView.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ relation: "related", target: expect.objectContaining({ id: linked.id }) }),
      ]),
    );
  });
});

describe("normative-document lifecycle and catalogue", () => {
  it("repeal is marked on the original with date, reason and the repealing document", async () => {
    const original = await dept.publish(normative("共府办发〔2026〕7号"));
    const replacement = await dept.publish(normative("共府办发〔2026〕8号"));
    const res = await h.call("POST", `/items/${original.id}/validity`, dept.reviewer, {
      status: "repealed",
      on: "2026-03-02",
      reason: "已被共府办发〔2026〕8号替代",
      byItemId: replacement.id,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      validity: "repealed",
      validityHistory: [{ status: "repealed", byItemId: replacement.id }],
    });
    const links = (await dept.get(original.id)).links as { relation: string; target: { id: string } }[];
    expect(links).toEqual(expect.arrayContaining([expect.objectContaining({ relation: "repealed-by" })]));
    const again = await h.call("POST", `/items/${original.id}/validity`, dept.reviewer, {
      status: "amended",
      on: "2026-03-02",
      reason: "x",
    });
    expect(again.status).toBe(409);
  });

  it("the yearly catalogue counts issued, repealed and valid documents", async () => {
    const res = await h.call("GET", "/normative-documents/catalogue?year=2026", dept.editor);
    expect(res.status).toBe(200);
    const published = ["共府办发〔2026〕5号", "共府办发〔2026〕7号", "共府办发〔2026〕8号"];
    expect(res.body).toMatchObject({
      year: 2026,
      issued: published.length,
      repealed: 1,
      valid: published.length - 1,
    });
  });
});
