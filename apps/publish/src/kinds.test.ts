import { beforeAll, describe, expect, it } from "vitest";
import { general, interpretation, normative, publishHarness } from "./test-client.ts";

let h: Awaited<ReturnType<typeof publishHarness>>;
let dept: Awaited<ReturnType<typeof h.unit>>;

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  dept = await h.unit("000000601");
});

const common = { body: "<p>……</p>", generatedOn: "2026-02-27" };
const kinds: Record<string, (docId: string) => Record<string, unknown>> = {
  general: () => general(),
  normative: () => normative("共府办发〔2026〕21号"),
  interpretation: (docId) => interpretation(docId),
  budget: () => ({
    ...common,
    kind: "budget",
    title: "共青城市民政局2026年部门预算",
    columnId: "fiscal-budget-departments",
    fiscalYear: 2026,
    budgetType: "budget",
    approvedOn: "2026-02-20",
    includesThreePublic: true,
  }),
  project: () => ({
    ...common,
    kind: "project",
    title: "共青大道改造工程施工许可信息",
    columnId: "project-construction",
    projectName: "共青大道改造工程",
    projectCode: "2019-360482-48-01-000123",
    stage: "construction",
  }),
  meeting: () => ({
    ...common,
    kind: "meeting",
    title: "市政府第9次常务会议",
    columnId: "meetings",
    meetingName: "共青城市人民政府第9次常务会议",
    heldOn: "2026-02-26",
  }),
  audit: () => ({
    ...common,
    kind: "audit",
    title: "共青城市2025年度财政预算执行审计结果公告",
    columnId: "audit",
    auditedEntity: "共青城市本级财政",
    auditYear: 2025,
  }),
};

describe("every kind publishes into a column that takes it, with its own fields intact", () => {
  it("seven kinds round-trip through draft, review and publication", async () => {
    const doc = await dept.publish(normative("共府办发〔2026〕20号"));
    for (const [kind, body] of Object.entries(kinds)) {
      const input = body(doc.id);
      const published = await dept.publish(input);
      expect(published, kind).toMatchObject({ ...input, state: "published", kind });
      expect(published.indexNumber, kind).toMatch(/^000000601\/2026-\d{7}$/);
    }
  });

  it("a meeting cannot go in the budget column, nor a budget in the meetings column (422)", async () => {
    const meeting = kinds.meeting?.("") ?? {};
    const res = await h.call("POST", "/items", dept.editor, {
      ...meeting,
      columnId: "fiscal-budget-departments",
    });
    expect(res.status).toBe(422);
    const budget = kinds.budget?.("") ?? {};
    expect((await h.call("POST", "/items", dept.editor, { ...budget, columnId: "meetings" })).status).toBe(
      422,
    );
  });

  it("a PATCH may change a kind's own fields but not give it another kind's", async () => {
    const project = await dept.draft(kinds.project?.("") ?? {});
    const ok = await h.call(
      "PATCH",
      `/items/${project.id}`,
      dept.editor,
      { stage: "completion", columnId: "project-completion" },
      { "if-match": '"1"' },
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ stage: "completion" });
    const wrong = await h.call(
      "PATCH",
      `/items/${project.id}`,
      dept.editor,
      { meetingName: "x" },
      { "if-match": '"2"' },
    );
    expect(wrong.status).toBe(400);
    expect((wrong.body.errors as { path: string }[])[0]?.path).toBe("meetingName");
  });
});
