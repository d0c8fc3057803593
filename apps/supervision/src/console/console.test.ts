import { registerApplication } from "@gov/core";
import { testDeps } from "@gov/core/testing";
import { jsonClient, pageSecurityPolicy } from "@gov/http";
import { beforeAll, describe, expect, it } from "vitest";
import { createSupervisionApp } from "../app.ts";

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON answers of many shapes
type Json = Record<string, any>;

const officeCode = "000014349";
const dept = "000014351";
const otherDept = "000014352";
const sessionKey = Buffer.alloc(32, 9).toString("base64");

let t: Awaited<ReturnType<typeof testDeps>>;
let app: ReturnType<typeof createSupervisionApp>;
let officeKey: string;
let deptKey: string;
let ownTaskId: string;
let otherTaskId: string;

beforeAll(async () => {
  t = await testDeps(new Date("2026-10-08T02:00:00.000Z"));
  app = createSupervisionApp(t.deps, { consoleSessionKey: sessionKey });
  const api = jsonClient<Json>((path, init) => app.request(`/v1${path}`, init));
  officeKey = await t.key(officeCode, ["office"]);
  deptKey = await t.key(dept, ["editor"]);
  await t.key(otherDept, ["editor"]);
  const task = (unitCode: string, problem: string) =>
    api("POST", "/rectification-tasks", officeKey, {
      unitCode,
      indicatorCode: "2.1",
      problem,
      measures: "补充公开并建立台账",
      deadline: "2026-10-09",
    });
  ownTaskId = (await task(dept, "主动公开信息未在20个工作日内公开")).body.id;
  otherTaskId = (await task(otherDept, "规范性文件未标注有效性")).body.id;
  const deptActor = await t.actor(dept, ["editor"]);
  // Received in person on 3 August and never answered: overdue by 12 October (OGI Art. 33).
  await registerApplication(t.deps, deptActor, {
    channel: "in-person",
    receivedOn: "2026-08-03",
    applicant: { type: "natural-person", name: "张三", phone: "13800000000" },
    description: "申请公开2026年城区道路改造工程的招标文件",
  });
  // Monday 12 October: both tasks are past their deadline.
  t.setNow(new Date("2026-10-12T02:00:00.000Z"));
});

/** A browser without JavaScript: it keeps the cookies it is given (path /supervision/console) and posts forms. */
function browser() {
  const jar = new Map<string, string>();
  const send = async (method: string, path: string, form?: Record<string, string>) => {
    const headers: Record<string, string> = {};
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    if (form) headers["content-type"] = "application/x-www-form-urlencoded";
    const res = await app.request(`https://gov.example/console${path}`, {
      method,
      headers,
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const [name = "", value = ""] = pair.split("=");
      if (/max-age=0/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return {
      status: res.status,
      headers: res.headers,
      text: await res.text(),
      setCookies: res.headers.getSetCookie(),
    };
  };
  return {
    jar,
    get: (path: string) => send("GET", path),
    post: (path: string, form: Record<string, string>) => send("POST", path, form),
    /** The CSRF token the last page's forms carry. */
    async token(path = "/sign-in") {
      const page = await send("GET", path);
      return /name="csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? "";
    },
    async signIn(key: string) {
      const csrf = await this.token();
      return send("POST", "/sign-in", { csrf, key });
    },
  };
}

describe("signing in to the console (issue 16, ADR 0054)", () => {
  it("the sign-in page is a plain form under the pages' CSP, never stored, with a CSRF token in it", async () => {
    const b = browser();
    const res = await b.get("/sign-in");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toBe(pageSecurityPolicy);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.text).toContain('<label for="key">API密钥（必填）</label>');
    expect(res.text).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    expect(res.text).toMatch(/<a class="skip-link" href="#main">/);
    const csrf = res.setCookies.find((c) => c.startsWith("__Secure-console-csrf="));
    expect(csrf).toMatch(/HttpOnly/);
    expect(csrf).toMatch(/Secure/);
    expect(csrf).toMatch(/SameSite=Strict/);
    expect(csrf).toMatch(/Path=\/supervision\/console/);
  });

  it("a key becomes an HttpOnly, Secure, SameSite=Strict session cookie of 8 hours that does not hold the key", async () => {
    const b = browser();
    const res = await b.signIn(officeKey);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/supervision/console");
    const cookie = res.setCookies.find((c) => c.startsWith("__Secure-console-session=")) ?? "";
    expect(cookie).toMatch(/; Max-Age=28800/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/supervision\/console/);
    expect(cookie).not.toContain(officeKey);
    const value = b.jar.get("__Secure-console-session") ?? "";
    expect(Buffer.from(value.split(".")[0] ?? "", "base64url").toString()).not.toContain(officeKey);
    const board = await b.get("");
    expect(board.status).toBe(200);
    expect(board.text).toContain("<h1>整改看板</h1>");
  });

  it("a wrong key is the form again (401) with a Chinese error, and no session", async () => {
    const b = browser();
    const res = await b.signIn("gk_not-a-key");
    expect(res.status).toBe(401);
    expect(res.text).toContain("API密钥无效或已停用");
    expect(res.text).toContain('aria-invalid="true"');
    expect(b.jar.has("__Secure-console-session")).toBe(false);
    expect((await b.get("")).status).toBe(303);
  });

  it("CSRF: a POST without the token, or with another browser's, is a 403 page and signs nobody in", async () => {
    const b = browser();
    await b.get("/sign-in");
    const missing = await b.post("/sign-in", { key: officeKey });
    expect(missing.status).toBe(403);
    expect(missing.headers.get("content-type")).toMatch(/^text\/html/);
    expect(missing.text).toContain("表单已失效或来源不明");
    const other = await browser().token();
    const foreign = await b.post("/sign-in", { key: officeKey, csrf: other });
    expect(foreign.status).toBe(403);
    expect(b.jar.has("__Secure-console-session")).toBe(false);
    // Control: the browser's own token signs in.
    expect((await b.post("/sign-in", { key: officeKey, csrf: await b.token() })).status).toBe(303);
  });

  it("CSRF holds for signed-in forms too: sign-out without the token is refused and the session stays", async () => {
    const b = browser();
    await b.signIn(officeKey);
    expect((await b.post("/sign-out", {})).status).toBe(403);
    expect((await b.get("")).status).toBe(200);
    const out = await b.post("/sign-out", { csrf: await b.token("") });
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/supervision/console/sign-in");
    expect(out.setCookies.find((c) => c.startsWith("__Secure-console-session="))).toMatch(/Max-Age=0/);
    expect((await b.get("")).status).toBe(303);
  });

  it("a session is refused once its 8 hours are over: back to sign-in, the cookie cleared", async () => {
    const b = browser();
    await b.signIn(officeKey);
    t.setNow(new Date("2026-10-12T09:59:59.000Z"));
    expect((await b.get("")).status).toBe(200);
    t.setNow(new Date("2026-10-12T10:00:00.000Z"));
    const expired = await b.get("");
    t.setNow(new Date("2026-10-12T02:00:00.000Z"));
    expect(expired.status).toBe(303);
    expect(expired.headers.get("location")).toBe("/supervision/console/sign-in");
    expect(expired.setCookies.find((c) => c.startsWith("__Secure-console-session="))).toMatch(/Max-Age=0/);
  });

  it("a tampered cookie (a unit's session rewritten as the office's) is refused: back to sign-in", async () => {
    const b = browser();
    await b.signIn(deptKey);
    const [body = "", signature = ""] = (b.jar.get("__Secure-console-session") ?? "").split(".");
    const payload = JSON.parse(Buffer.from(body, "base64url").toString());
    expect(payload).toMatchObject({ unitCode: dept, roles: ["editor"] });
    const forged = Buffer.from(JSON.stringify({ ...payload, roles: ["office"] })).toString("base64url");
    b.jar.set("__Secure-console-session", `${forged}.${signature}`);
    const res = await b.get("/runs");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/supervision/console/sign-in");
    // A CSRF token is signed under the same key, but never passes for a session.
    b.jar.set("__Secure-console-session", `${b.jar.get("__Secure-console-csrf")}.${await b.token()}`);
    expect((await b.get("")).status).toBe(303);
  });

  it("the reading-mode form carries the token too: with it the mode is set and the page comes back, without it 403", async () => {
    const b = browser();
    const csrf = await b.token();
    expect(
      (await b.post("/display", { setting: "large", back: "/supervision/console/sign-in" })).status,
    ).toBe(403);
    const res = await b.post("/display", { csrf, setting: "large", back: "/supervision/console/sign-in" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/supervision/console/sign-in");
    expect((await b.get("/display.css")).text).toContain("html{font-size:125%}");
    // Only back to a console page: anything else would make the form an open redirect.
    const away = await b.post("/display", { csrf, setting: "large", back: "https://evil.example/" });
    expect(away.headers.get("location")).toBe("/supervision/console");
  });

  it("without a signing key configured the console answers 503 and signs nobody in", async () => {
    const bare = createSupervisionApp(t.deps);
    const res = await bare.request("/console/sign-in");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("CONSOLE_SESSION_KEY");
  });
});

describe("the console's pages read as the signed-in key (the API's unit rules)", () => {
  it("the office's board counts every unit's tasks by state and marks the overdue ones", async () => {
    const b = browser();
    await b.signIn(officeKey);
    const board = await b.get("");
    expect(board.text).toContain(`测试单位${dept}`);
    expect(board.text).toContain(`测试单位${otherDept}`);
    expect(board.text).toContain("主动公开信息未在20个工作日内公开");
    expect(board.text).toContain("（已逾期）");
    const filtered = await b.get(`?unit=${otherDept}&state=open`);
    expect(filtered.text).toContain("规范性文件未标注有效性");
    expect(filtered.text).not.toContain(`/tasks/${ownTaskId}`);
  });

  it("overdue work across all clocks: the office sees both units' late tasks and the late application", async () => {
    const b = browser();
    await b.signIn(officeKey);
    const res = await b.get("/overdue");
    expect(res.status).toBe(200);
    expect(res.text).toContain(`/supervision/console/tasks/${ownTaskId}`);
    expect(res.text).toContain(`/supervision/console/tasks/${otherTaskId}`);
    expect(res.text).toContain("依申请公开答复");
  });

  it("a unit's key sees its own unit only: another unit's task, filter or overdue view is 404, its own is 200", async () => {
    const b = browser();
    await b.signIn(deptKey);
    const board = await b.get("");
    expect(board.text).toContain("主动公开信息未在20个工作日内公开");
    expect(board.text).not.toContain("规范性文件未标注有效性");
    expect((await b.get(`/tasks/${ownTaskId}`)).status).toBe(200);
    const other = await b.get(`/tasks/${otherTaskId}`);
    expect(other.status).toBe(404);
    expect(other.text).toContain("整改任务不存在");
    expect((await b.get(`?unit=${otherDept}`)).status).toBe(404);
    expect((await b.get(`/overdue?unit=${otherDept}`)).status).toBe(404);
    const overdue = await b.get("/overdue");
    expect(overdue.text).toContain(ownTaskId);
    expect(overdue.text).not.toContain(otherTaskId);
    // The runs are the office's: refused, and not in the unit's navigation.
    expect((await b.get("/runs")).status).toBe(403);
    expect(board.text).not.toContain("督办记录");
  });

  it("a unit's timeliness chart shows its own unit only", async () => {
    const b = browser();
    await b.signIn(deptKey);
    const res = await b.get("/timeliness?year=2026");
    expect(res.text).toContain(`<th scope="row">测试单位${dept}</th>`);
    expect(res.text).not.toContain(`测试单位${otherDept}`);
  });

  it("the timeliness chart is inline SVG with role=img and a <title>, and its numbers are in a table too", async () => {
    const b = browser();
    await b.signIn(officeKey);
    const res = await b.get("/timeliness?year=2026");
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<svg class="chart" role="img" aria-labelledby="chart-title chart-desc"/);
    expect(res.text).toContain('<title id="chart-title">2026年各单位依申请公开办理时效</title>');
    expect(res.text).toMatch(
      new RegExp(`<th scope="row">测试单位${dept}</th><td>0</td><td>1</td><td>0</td>`),
    );
  });

  it("rankings, notices and runs answer as pages for the office", async () => {
    const b = browser();
    await b.signIn(officeKey);
    for (const [path, heading] of [
      ["/rankings?year=2026", "考评得分与排名"],
      ["/notices", "通知回执"],
      ["/runs", "督办记录"],
    ] as const) {
      const res = await b.get(path);
      expect(res.status, path).toBe(200);
      expect(res.text, path).toContain(`<h1>${heading}</h1>`);
    }
    expect((await b.get("/no-such-page")).status).toBe(404);
  });
});
