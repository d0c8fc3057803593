import { Settings } from "@gov/domain";
import { jsonClient } from "@gov/http";
import { countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublishApp } from "./app.ts";
import { general, type Json, normative, publishHarness } from "./test-client.ts";

// The department's routes meet hostile bodies and implausible dates: each is a 400
// problem+json naming the field, and nothing is written.

let h: Awaited<ReturnType<typeof publishHarness>>;
let dept: Awaited<ReturnType<typeof h.unit>>;

// Monday 2 March 2026, 10:00 in Beijing.
const today = "2026-03-02";

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  dept = await h.unit("000000811");
});

type Problem = { detail?: string; errors?: { path: string; message: string }[] };

/** Sends `body` and expects a 400 problem+json whose first issue is at `path`, with the table unchanged. */
async function refused(
  method: string,
  path: string,
  body: unknown,
  errorPath: string | RegExp,
  headers = {},
) {
  const before = await countTable(h.store);
  const res = await h.call(method, path, dept.editor, body, headers);
  const problem = res.body as unknown as Problem;
  expect(res.status, JSON.stringify(problem).slice(0, 500)).toBe(400);
  expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
  expect(problem.errors?.[0]?.path).toMatch(errorPath);
  expect(await countTable(h.store)).toBe(before);
  return problem;
}

const withRaw = (body: object, raw: string) => JSON.stringify(body).replace('"@@"', raw);

describe("issue 12 #1 deep nesting on the publish routes", () => {
  it("issue 12 #1 deep nesting: an item whose title is nested 3,000 arrays deep is 400 with the path, never a 500", async () => {
    const deep = `${"[".repeat(3000)}"x"${"]".repeat(3000)}`;
    await refused("POST", "/items", withRaw(general("@@"), deep), /^title(\.0){15}$/);
  });

  it("issue 12 #1 deep nesting: a PATCH of a draft with nested objects is 400 and the draft is unchanged", async () => {
    const draft = await dept.draft(general("嵌套测试草稿"));
    const deep = `${'{"a":'.repeat(3000)}1${"}".repeat(3000)}`;
    await refused("PATCH", `/items/${draft.id}`, withRaw({ summary: "@@" }, deep), /^summary(\.a)+$/, {
      "if-match": `"${draft.version}"`,
    });
    expect((await dept.get(draft.id)).version).toBe(draft.version);
  });

  it("issue 12 #1 duplicate keys: an item naming its title twice is 400 at the second", async () => {
    const text = JSON.stringify(general("第一个标题")).replace(/}$/, ',"title":"第二个标题"}');
    const problem = await refused("POST", "/items", text, "title");
    expect(problem.errors?.[0]?.message).toBe("字段重复");
  });
});

describe("issue 12 #11 control and invalid characters on the publish routes", () => {
  it.each([
    ["title", "关于\u0000停车的通知"],
    ["title", "通知\u202Efdp.exe"],
    ["summary", "\u001b]0;owned\u0007摘要"],
    ["docNumber", "共府发〔2026〕\u20661\u2069号"],
  ])(
    "issue 12 #11 control characters: an item whose %s carries a control or bidi character is 400 naming it",
    async (field, text) => {
      await refused("POST", "/items", { ...general(), [field]: text }, field);
    },
  );

  it("issue 12 #11 lone surrogates: a keyword with a \\udc00 escape is 400 at keywords.1", async () => {
    await refused(
      "POST",
      "/items",
      withRaw({ ...general(), keywords: ["停车", "@@"] }, '"\\udc00"'),
      "keywords.1",
    );
  });

  it("issue 12 #11 invalid UTF-8: an item whose bytes are not UTF-8 is 400", async () => {
    const [head, tail] = JSON.stringify(general("@@")).split("@@") as [string, string];
    const encoder = new TextEncoder();
    const bytes = new Uint8Array([...encoder.encode(head), 0xe6, 0xb1, ...encoder.encode(tail)]);
    const before = await countTable(h.store);
    const res = await h.app.request("/v1/items", {
      method: "POST",
      headers: { authorization: `Bearer ${dept.editor}`, "content-type": "application/json" },
      body: bytes,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors).toEqual([
      { path: "(body)", message: "请求体不是有效的UTF-8编码" },
    ]);
    expect(await countTable(h.store)).toBe(before);
  });

  it("issue 12 #11 keeps legitimate text: CJK punctuation, full-width forms, U+3000, emoji and paragraphs are stored as written", async () => {
    const title = "关于《停车管理办法》的解读：“一、二”；（三）〔2026〕…——ＡＢＣ１２３！\u3000👍";
    const item = await dept.draft({ ...general(title), summary: "第一段\n第二段\t完" });
    expect(item).toMatchObject({ title, summary: "第一段\n第二段\t完" });
  });
});

describe("issue 12 #4 numbers on the publish routes", () => {
  let applicationId: string;
  beforeAll(async () => {
    const registered = await h.call("POST", "/applications", dept.editor, {
      channel: "letter",
      receivedOn: today,
      applicant: { type: "natural-person", name: "王五", phone: "13900000000" },
      description: "申请公开本市停车场收费标准",
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    applicationId = registered.body.id;
  });

  it.each([
    [1e12, "收费金额不能超过100万元"],
    [2.5, "收费金额须为正整数（元）"],
  ])("issue 12 #4 fees: a fee notice of %d yuan is 400 at amountYuan", async (amountYuan, message) => {
    const problem = await refused(
      "POST",
      `/applications/${applicationId}/events`,
      { type: "fee-notice", on: today, amountYuan },
      "amountYuan",
    );
    expect(problem.errors?.[0]?.message).toBe(message);
  });

  it.each(["1e-200", "1e400", "-1e400"])(
    "issue 12 #4 numbers: an attachment size of %s is 400 naming it as out of the storable range",
    async (literal) => {
      const attachment = {
        name: "附件",
        mediaType: "application/pdf",
        size: "@@",
        sha256: "a".repeat(64),
        url: "https://example.gov.cn/a.pdf",
      };
      const problem = await refused(
        "POST",
        "/items",
        withRaw({ ...general(), attachments: [attachment] }, literal),
        "attachments.0.size",
      );
      expect(problem.errors?.[0]?.message).toMatch(/^数值超出可保存的范围/);
    },
  );
});

describe("issue 12 #12 implausible dates", () => {
  it.each([
    ["0000-01-01", "不能早于1949-10-01"],
    ["1949-09-30", "不能早于1949-10-01"],
    ["9999-12-31", `不能晚于今天（${today}）`],
    ["2026-03-03", `不能晚于今天（${today}）`],
  ])("issue 12 #12 dates: an item generated on %s is 400 at generatedOn", async (generatedOn, message) => {
    const problem = await refused("POST", "/items", { ...general(), generatedOn }, "generatedOn");
    expect(problem.errors?.[0]?.message).toBe(message);
  });

  it("issue 12 #12 dates: 1949-10-01 and today are plausible for a fact; a document may take effect next year", async () => {
    expect((await dept.draft({ ...general("建国当日"), generatedOn: "1949-10-01" })).generatedOn).toBe(
      "1949-10-01",
    );
    expect((await dept.draft({ ...general("今天"), generatedOn: today })).generatedOn).toBe(today);
    const doc = await dept.draft({ ...normative("共府办发〔2026〕90号"), effectiveOn: "2027-01-01" });
    expect(doc.effectiveOn).toBe("2027-01-01");
  });

  it("issue 12 #12 dates: a 9999-12-31 date can no longer be published as on time and sort first", async () => {
    await refused(
      "POST",
      "/items",
      { ...general("来自未来的文件"), generatedOn: "9999-12-31" },
      "generatedOn",
    );
    const listed = await h.call("GET", "/items?limit=100", dept.editor);
    expect(JSON.stringify(listed.body)).not.toContain("9999-12-31");
  });

  it.each([
    ["effectiveOn", "9999-12-31", "不能晚于2036-12-31"],
    [
      "filing",
      { filedWith: "共青城市司法局", filedOn: "1949-01-01", result: "passed" },
      "不能早于1949-10-01",
    ],
  ])(
    "issue 12 #12 dates: a normative document with an implausible %s is 400 naming it",
    async (field, value, message) => {
      const problem = await refused(
        "POST",
        "/items",
        { ...normative(), [field]: value },
        field === "filing" ? "filing.filedOn" : field,
      );
      expect(problem.errors?.[0]?.message).toBe(message);
    },
  );

  it("issue 12 #12 dates: editing a draft's generatedOn to 9999-12-31 is 400 and the draft is unchanged", async () => {
    const draft = await dept.draft(general("待修改的草稿"));
    await refused("PATCH", `/items/${draft.id}`, { generatedOn: "9999-12-31" }, "generatedOn", {
      "if-match": `"${draft.version}"`,
    });
    expect((await dept.get(draft.id)).generatedOn).toBe(draft.generatedOn);
  });

  it("issue 12 #12 dates: an application registered as received on 1900-01-01 or tomorrow is 400 at receivedOn", async () => {
    for (const receivedOn of ["1900-01-01", "2026-03-03"]) {
      await refused(
        "POST",
        "/applications",
        {
          channel: "letter",
          receivedOn,
          applicant: { type: "natural-person", name: "王五", phone: "13900000000" },
          description: "申请公开本市停车场收费标准",
        },
        "receivedOn",
      );
    }
  });

  it("issue 12 #12 dates: a consultation closing on 9999-12-31 is 400 at closesOn", async () => {
    const draft = await dept.draft(general("征求意见稿"));
    await refused(
      "POST",
      "/consultations",
      {
        title: "征求意见",
        itemId: draft.id,
        description: "欢迎提出意见。",
        opensOn: today,
        closesOn: "9999-12-31",
      },
      "closesOn",
    );
  });

  it("issue 12 #12 dates: a correction deadline of 9999-12-31 is 400 at correctBy", async () => {
    const registered = await h.call("POST", "/applications", dept.editor, {
      channel: "in-person",
      receivedOn: today,
      applicant: { type: "natural-person", name: "赵六", phone: "13900000001" },
      description: "申请公开本市公交线路调整方案",
    });
    await refused(
      "POST",
      `/applications/${registered.body.id}/events`,
      { type: "request-correction", on: today, items: ["请说明所需信息的年份"], correctBy: "9999-12-31" },
      "correctBy",
    );
  });

  it("issue 12 #12 dates: a locality whose settings name an earlier first day accepts its older records", async () => {
    const archive = createPublishApp({ ...h.deps, settings: Settings.parse({ earliestDate: "1900-01-01" }) });
    const call = jsonClient<Json>((path, init) => archive.request(`/v1${path}`, init));
    const old = await call("POST", "/items", dept.editor, {
      ...general("民国档案"),
      generatedOn: "1930-05-01",
    });
    expect(old.status, JSON.stringify(old.body)).toBe(201);
    expect(
      (await call("POST", "/items", dept.editor, { ...general(), generatedOn: "1899-12-31" })).status,
    ).toBe(400);
  });
});
