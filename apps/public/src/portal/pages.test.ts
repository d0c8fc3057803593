import { connectedFrom, pageSecurityPolicy } from "@gov/http";
import { general, interpretation, type Json, normative, publishHarness } from "@gov/publish/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createPublicApp } from "../app.ts";

let h: Awaited<ReturnType<typeof publishHarness>>;
let dept: Awaited<ReturnType<typeof h.unit>>;
let publicApp: ReturnType<typeof createPublicApp>;
let document: Json & { indexNumber: string };
let explained: Json & { indexNumber: string };

beforeAll(async () => {
  h = await publishHarness(new Date("2026-03-02T02:00:00.000Z"));
  publicApp = createPublicApp(h.deps);
  dept = await h.unit("000000601");
  document = (await dept.publish(normative("共府办发〔2026〕7号"))) as typeof document;
  explained = (await dept.publish(interpretation(document.id))) as typeof explained;
  for (let n = 1; n <= 3; n++) await dept.publish(general(`关于第${n}批政务公开事项的通知`));
});

const get = async (path: string, init?: RequestInit) => {
  const res = await publicApp.request(path, init);
  return { status: res.status, headers: res.headers, text: await res.text() };
};

describe("the portal frame (issue 16, GB/T 37668-2019)", () => {
  it("every page has landmarks, a skip link first, a Chinese title, canonical and Open Graph tags", async () => {
    const res = await get("http://portal.example/", { headers: {} });
    expect(res.status).toBe(200);
    expect(res.text.startsWith("<!doctype html>")).toBe(true);
    expect(res.text).toContain('<html lang="zh-CN">');
    expect(res.text).toMatch(/<body><a class="skip-link" href="#main">跳到主要内容<\/a>/);
    for (const landmark of ["<header", "<nav", '<main id="main"', "<footer"])
      expect(res.text).toContain(landmark);
    expect(res.text).toContain("<title>首页 - 政府信息公开</title>");
    expect(res.text).toContain('<link rel="canonical" href="http://portal.example/public"/>');
    expect(res.text).toContain('<meta property="og:title" content="首页"/>');
    expect(res.text).toContain('<meta property="og:locale" content="zh_CN"/>');
  });

  it("CSP: every page has the pages' policy and no inline script or style to need an exception", async () => {
    for (const path of [
      "/",
      "/items?column=decision",
      `/items/${document.id}`,
      "/items/itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T",
    ]) {
      const res = await get(path);
      expect(res.headers.get("content-security-policy"), path).toBe(pageSecurityPolicy);
      expect(res.text, path).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
      expect(res.text, path).toContain('<link rel="stylesheet" href="/public/portal.css"/>');
    }
    const css = await get("/portal.css");
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(css.text).toContain(":focus-visible");
  });

  it("the larger-text and high-contrast modes work without JavaScript: a form posts, a cookie keeps them", async () => {
    const toggled = await publicApp.request("/display", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "setting=large&back=%2Fpublic%2Fitems%3Fcolumn%3Ddecision",
    });
    expect(toggled.status).toBe(303);
    expect(toggled.headers.get("location")).toBe("/public/items?column=decision");
    const cookie = (toggled.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toBe("portal-display=large");
    const css = await get("/display.css", { headers: { cookie } });
    expect(css.text).toContain("html{font-size:125%}");
    expect((await get("/display.css")).text).not.toContain("font-size");
  });

  it("the mode form goes back only to a portal page: anywhere else would make it an open redirect", async () => {
    for (const back of ["https://evil.example/", "//evil.example/public/", "/publish/v1/items"]) {
      const res = await publicApp.request("/display", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ setting: "contrast", back }).toString(),
      });
      expect(res.headers.get("location"), back).toBe("/public");
    }
  });
});

describe("pages share the API's per-client rate limit (ADR 0014)", () => {
  it("one window for both: an API request counts once, a page once, and the next is refused", async () => {
    const limited = createPublicApp(h.deps, { rateLimit: { requests: 3, windowSeconds: 60 } });
    const from = connectedFrom("192.0.2.44");
    expect((await limited.request("/v1/columns", {}, from)).status).toBe(200);
    expect((await limited.request("/v1/columns", {}, from)).status).toBe(200);
    expect((await limited.request("/items?column=decision", {}, from)).status).toBe(200);
    expect((await limited.request("/", {}, from)).status).toBe(429);
    expect((await limited.request("/", {}, connectedFrom("192.0.2.45"))).status).toBe(200);
  });
});

describe("pages in the instance's response cache (ADR 0041)", () => {
  it("a second read of an item page costs no database call; a withdrawal in the process clears it", async () => {
    const cachedApp = createPublicApp(h.deps, { cacheSeconds: 10 });
    const item = await dept.publish(general("关于缓存页面的通知"));
    const path = `/items/${item.id}`;
    expect((await cachedApp.request(path)).status).toBe(200);
    const before = h.store.calls.total;
    const again = await cachedApp.request(path);
    expect(again.status).toBe(200);
    expect(again.headers.get("content-security-policy")).toBe(pageSecurityPolicy);
    expect(await again.text()).toContain("关于缓存页面的通知");
    expect(h.store.calls.total).toBe(before);
    await h.call("POST", `/items/${item.id}/withdraw`, dept.reviewer, { reason: "测试撤回" });
    expect((await cachedApp.request(path)).status).toBe(410);
  });

  it("pages about one visitor are never kept: a receipt read twice is shown once", async () => {
    const cachedApp = createPublicApp(h.deps, { cacheSeconds: 10 });
    const cookie = `receipt=${Buffer.from(JSON.stringify({ trackingCode: "YSQ2026-TEST", secret: "s3cret", receivedOn: "2026-03-02", dueOn: null, dueIsProvisional: false })).toString("base64url")}`;
    expect(await (await cachedApp.request("/apply/receipt", { headers: { cookie } })).text()).toContain(
      "s3cret",
    );
    expect(await (await cachedApp.request("/apply/receipt")).text()).not.toContain("s3cret");
  });
});

describe("home, lists and items", () => {
  it("home shows the column tree with counts, the latest items and the units", async () => {
    const res = await get("/");
    expect(res.text).toMatch(
      /<a href="\/public\/items\?column=decision">决策公开<\/a> <span class="meta">（3条）<\/span>/,
    );
    expect(res.text).toContain("关于第3批政务公开事项的通知");
    expect(res.text).toContain('<a href="/public/items?unit=000000601">测试单位000000601</a>');
  });

  it("a column list filters and pages by cursor, with the column's Atom feed linked", async () => {
    const first = await get("/items?column=decision&limit=2");
    expect(first.status).toBe(200);
    expect(first.text).toContain('href="/public/v1/feeds/decision.atom"');
    expect(first.text).toContain("关于第3批政务公开事项的通知");
    expect(first.text).not.toContain("关于第1批政务公开事项的通知");
    const next = /<a href="([^"]+)" rel="next">/.exec(first.text)?.[1]?.replaceAll("&amp;", "&") ?? "";
    const second = await get(next.replace("/public", ""));
    expect(second.text).toContain("关于第1批政务公开事项的通知");
    const normativeOnly = await get("/items?kind=normative&validity=effective");
    expect(normativeOnly.text).toContain(document.title as string);
    expect(normativeOnly.text).not.toContain("关于第1批");
  });

  it("a bad filter answers 400 with the field named beside it, and lists nothing", async () => {
    const res = await get("/items?column=decision&year=19");
    expect(res.status).toBe(400);
    expect(res.text).toContain('id="filter-year-error"');
    expect(res.text).toContain("没有符合条件的信息");
    expect((await get("/items?column=no-such-column")).status).toBe(400);
  });

  it("an item shows the 政府信息公开 metadata table, its body and its interpretation, by 索引号", async () => {
    const res = await get(`/items/${encodeURIComponent(document.indexNumber)}`);
    expect(res.status).toBe(200);
    for (const label of [
      "索引号",
      "信息类别",
      "发布机构",
      "生成日期",
      "公开方式",
      "公开时限",
      "公开范围",
      "文号",
      "有效性",
      "相关解读",
      "相关文件",
      "修改或废止它的文件",
    ]) {
      expect(res.text, label).toContain(`<th scope="row">${label}</th>`);
    }
    expect(res.text).toContain(`<td>${document.indexNumber}</td>`);
    expect(res.text).toContain("<td>共府办发〔2026〕7号</td>");
    expect(res.text).toContain("<td>有效</td>");
    expect(res.text).toContain("<p>第一条 为规范……</p>");
    expect(res.text).toContain(
      `<a href="/public/items/${encodeURIComponent(explained.indexNumber)}">${explained.title}</a>`,
    );
    expect(res.text).toContain(
      `<link rel="canonical" href="http://localhost/public/items/${encodeURIComponent(document.indexNumber)}"/>`,
    );
  });

  it("a document amended by another says so (本件已被…修改), and lists it among 修改或废止它的文件", async () => {
    const amending = await dept.publish(normative("共府办发〔2026〕8号"));
    const res = await h.call("POST", `/items/${document.id}/validity`, dept.reviewer, {
      status: "amended",
      on: "2026-03-02",
      reason: "部分条款修改",
      byItemId: amending.id,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const page = await get(`/items/${document.id}`);
    expect(page.text).toMatch(
      /本件已被<a href="[^"]+">《共青城市行政规范性文件（共府办发〔2026〕8号）》<\/a>修改/,
    );
    expect(page.text).toContain("<td>已修改</td>");
  });

  it("a withdrawn item answers 410 with its tombstone page; an unknown one 404", async () => {
    const gone = await dept.publish(general("关于临时交通管制的通告"));
    expect(
      (await h.call("POST", `/items/${gone.id}/withdraw`, dept.reviewer, { reason: "管制已解除" })).status,
    ).toBe(200);
    const res = await get(`/items/${gone.id}`);
    expect(res.status).toBe(410);
    expect(res.text).toContain("本信息已撤回");
    expect(res.text).toContain("<td>管制已解除</td>");
    expect(res.text).not.toContain("各乡镇（街道）");
    expect((await get("/items/itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T")).status).toBe(404);
  });
});
