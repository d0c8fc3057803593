import { connectedFrom } from "@gov/http";
import { general } from "@gov/publish/testing";
import { countTable } from "@gov/store/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { citizenHarness, letterBody } from "./citizen-harness.ts";

// The public intake routes (letters, consultation comments, applications) meet hostile bodies
// and query strings: each is a 400 problem+json naming the field, and nothing is written.

let h: Awaited<ReturnType<typeof citizenHarness>>;
let commentsPath: string;
let unitCode: string;

const comment = (content: string) => ({ content, commenter: { name: "李女士" } });
const application = (description: string) => ({
  unitCode,
  applicant: { type: "natural-person", name: "王五", phone: "13900000000" },
  description,
});

type Route = {
  name: string;
  path: () => string;
  body: (text: string) => Record<string, unknown>;
  field: string;
};
const routes: Route[] = [
  { name: "letter", path: () => "/letters", body: (s) => letterBody(s), field: "subject" },
  { name: "consultation comment", path: () => commentsPath, body: comment, field: "content" },
  { name: "application", path: () => "/applications", body: application, field: "description" },
];

beforeAll(async () => {
  h = await citizenHarness({}, new Date("2026-03-03T02:00:00.000Z"));
  const dept = await h.unit("000014349");
  unitCode = dept.code;
  const draft = await dept.draft(general("共青城市城区停车管理办法（征求意见稿）"));
  const opened = await h.call("POST", "/consultations", dept.editor, {
    title: "停车管理办法征求意见",
    itemId: draft.id,
    description: "欢迎社会各界提出意见建议。",
    opensOn: "2026-03-02",
    closesOn: "2026-03-31",
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  commentsPath = `/consultations/${opened.body.id}/comments`;
});

let clients = 0;
/** A raw body (text or bytes) from a fresh client, so rate limits and duplicate recognition stay out of it. */
async function send(path: string, body: string | Uint8Array, query = "") {
  clients += 1;
  const res = await h.publicApp.request(
    `/v1${path}${query}`,
    { method: "POST", headers: { "content-type": "application/json" }, body },
    connectedFrom(`203.0.113.${clients % 250}`),
  );
  return { status: res.status, type: res.headers.get("content-type"), body: (await res.json()) as Problem };
}
type Problem = { status: number; detail?: string; errors?: { path: string; message: string }[] };

/** Sends a hostile body and expects a 400 problem naming `path`, with the table unchanged. */
async function refused(path: string, body: string | Uint8Array, errorPath: string | RegExp, query = "") {
  const before = await countTable(h.store);
  const res = await send(path, body, query);
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(400);
  expect(res.type).toBe("application/problem+json; charset=utf-8");
  expect(res.body.errors?.[0]?.path).toMatch(errorPath);
  expect(await countTable(h.store)).toBe(before);
  return res.body;
}

/** The body as JSON text with the string "@@" replaced by raw JSON. */
const withRaw = (body: Record<string, unknown>, raw: string) => JSON.stringify(body).replace('"@@"', raw);

describe("issue 12 #1 deep nesting", () => {
  it.each(routes)(
    "issue 12 #1 deep nesting: a $name with its text nested 3,000 arrays deep (6 KB) is 400 with the path, never a 500",
    async ({ path, body, field }) => {
      const deep = `${"[".repeat(3000)}"x"${"]".repeat(3000)}`;
      const problem = await refused(path(), withRaw(body("@@"), deep), new RegExp(`^${field}(\\.0)+$`));
      expect(problem.errors?.[0]?.message).toBe("嵌套不能超过16层");
    },
  );

  it.each(routes)(
    "issue 12 #1 deep nesting: a $name with 3,000 nested objects is 400 with the path",
    async ({ path, body, field }) => {
      const deep = `${'{"a":'.repeat(3000)}1${"}".repeat(3000)}`;
      await refused(path(), withRaw(body("@@"), deep), new RegExp(`^${field}(\\.a)+$`));
    },
  );

  it("issue 12 #1 deep nesting: a bare array 30,000 deep, as the whole body, is 400 with the path to the limit", async () => {
    await refused("/letters", "[".repeat(30_000), /^(0\.){15}0$/);
  });

  it.each(routes)(
    "issue 12 #1 duplicate keys: a $name naming its text twice is 400 at the second, not silently the last",
    async ({ path, body, field }) => {
      const text = JSON.stringify(body("第一个"));
      const twice = text.replace(/}$/, `,"${field}":"第二个"}`);
      const problem = await refused(path(), twice, field);
      expect(problem.errors?.[0]?.message).toBe("字段重复");
    },
  );

  it.each(routes)(
    "issue 12 #1 prototype keys: a $name with __proto__, constructor or prototype anywhere is 400 with the path",
    async ({ path, body }) => {
      for (const key of ["__proto__", "constructor", "prototype"]) {
        const text = JSON.stringify(body("正常的内容")).replace(/^{/, `{"${key}":{"isAdmin":true},`);
        const problem = await refused(path(), text, key);
        expect(problem.errors?.[0]?.message).toBe("不允许的字段名");
      }
    },
  );

  it("the honeypot still works behind the guard, and a legitimate letter is still taken", async () => {
    expect((await send("/letters", JSON.stringify({ ...letterBody("正常来信"), website: "x" }))).status).toBe(
      400,
    );
    expect((await send("/letters", JSON.stringify({ ...letterBody("正常来信"), website: "" }))).status).toBe(
      201,
    );
  });
});

describe("issue 12 #11 control and invalid characters", () => {
  const hostile: [string, string][] = [
    ["NUL", "停车\u0000难"],
    ["an ESC sequence", "\u001b[2J\u001b[31m停车难"],
    ["the right-to-left override", "停车难\u202Egnp.exe"],
    ["a bidi isolate", "\u2066停车难\u2069"],
    ["DEL", "停车难\u007f"],
    ["a C1 control", "停车难\u009b"],
    ["a noncharacter", "停车难\uFFFE"],
  ];
  for (const route of routes) {
    it.each(hostile)(
      `issue 12 #11 control characters: a ${route.name} with %s in its text is 400 naming the field`,
      async (_what, text) => {
        const problem = await refused(route.path(), JSON.stringify(route.body(text)), route.field);
        expect(problem.errors?.[0]?.message).toMatch(/^含有不允许的/);
      },
    );

    it(`issue 12 #11 lone surrogates: a ${route.name} with a \\ud800 escape is 400 naming the field`, async () => {
      const problem = await refused(route.path(), withRaw(route.body("@@"), '"停车\\ud800难"'), route.field);
      expect(problem.errors?.[0]?.message).toBe("含有不允许的孤立的代理码元（U+D800）");
    });

    it(`issue 12 #11 invalid UTF-8: a ${route.name} whose bytes are not UTF-8 is 400`, async () => {
      const [head, tail] = JSON.stringify(route.body("@@")).split("@@") as [string, string];
      const encoder = new TextEncoder();
      const bytes = new Uint8Array([
        ...encoder.encode(head),
        0xc3,
        0x28,
        0xff,
        0xed,
        0xa0,
        0x80,
        ...encoder.encode(tail),
      ]);
      const problem = await refused(route.path(), bytes, "(body)");
      expect(problem.errors?.[0]?.message).toBe("请求体不是有效的UTF-8编码");
    });

    it(`issue 12 #11 keys: a ${route.name} with a control character in a key is 400 with the key escaped in the path`, async () => {
      const problem = await refused(
        route.path(),
        withRaw(route.body("@@"), '"正常","x\\u202e":1'),
        /^\["x\\u202e"\]$/,
      );
      expect(problem.errors?.[0]?.message).toMatch(/^字段名含有不允许的双向文本控制符/);
    });
  }

  it("issue 12 #11 query strings: a control character, a bidi override or bad percent-encoding in a query value is 400 with query.<name>", async () => {
    for (const q of ["%00", "%E2%80%AE", "%1B%5B2J", "%ED%A0%80", "%FF", "%E6%B1"]) {
      const res = await h.publicApp.request(`/v1/search?q=${q}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as Problem).errors?.[0]?.path).toBe("query.q");
    }
    expect(
      (await h.publicApp.request(`/v1/search?q=${encodeURIComponent("停车　管理（办法）")}`)).status,
    ).toBe(200);
  });

  it.each(routes)(
    "issue 12 #11 keeps legitimate text: a $name with CJK punctuation, full-width forms, U+3000, emoji and line breaks is taken as written",
    async ({ path, body }) => {
      const text = `关于《停车管理办法》的意见：“一、二”；（三）〔2026〕…——ＡＢＣ１２３！\u3000👍👨‍👩‍👧\n第二段`;
      const res = await send(path(), JSON.stringify(body(text)));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    },
  );
});

describe("issue 12 #4 numbers at the edges", () => {
  it.each(["1e-200", "1e400", "-1e400", "1e126", "1e-400"])(
    "issue 12 #4 numbers: %s anywhere in a letter is 400 naming its field, never a 500",
    async (literal) => {
      const problem = await refused("/letters", withRaw(letterBody("@@"), literal), "subject");
      expect(problem.errors?.[0]?.message).toMatch(/^数值超出可保存的范围/);
    },
  );
});
