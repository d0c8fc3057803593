import { join } from "node:path";
import { jsonClient } from "@gov/http";
import type { LocalStack } from "@gov/local";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeProblems, launchChromium, screenshotFolder, watchPage } from "./browser.ts";
import { startStack } from "./stack.ts";

/**
 * The portal in a real browser (issue 16): Debian's chromium driven by playwright-core (no
 * browser download), one browser and one page for the file. axe-core is read from the
 * installed package and evaluated in the page through the driver, so the pages' CSP stays on.
 */
const screenshots = screenshotFolder("portal");

let stack: LocalStack;
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startStack({ dataDir: undefined, seed: "demo", demo: "portal" }),
    launchChromium(),
  ]);
  page = await browser.newPage({ locale: "zh-CN" });
  await watchPage(page, cspViolations);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const open = (path: string) => page.goto(`${stack.url}${path}`);

/** A screenshot for people, then axe-core: no serious or critical violation may remain. */
const accessibilityProblems = (name: string) => axeProblems(page, screenshots, name);

/** What has the keyboard focus, as the browser shows it (an expression: the tests are type-checked without the DOM's types). */
const focused = () =>
  page.evaluate<{
    text: string;
    id: string;
    left: number;
    outline: string;
    inMain: boolean;
    inColumnTree: boolean;
  }>(`(() => {
    const el = document.activeElement;
    return { text: el.textContent, id: el.id, left: el.getBoundingClientRect().left,
      outline: getComputedStyle(el).outlineStyle, inMain: Boolean(el.closest("main")),
      inColumnTree: el.tagName === "A" && Boolean(el.closest(".column-tree")) };
  })()`);

describe("journeys through the portal", () => {
  // People type a 文号 with whatever brackets their keyboard gives; the page must find it either way.
  it.each([
    ["square brackets", "共府发[2019]3号"],
    ["full-width round brackets", "共府发（2019）3号"],
  ])("find a normative document by its 文号 typed with %s, through search, and open it", async (_, typed) => {
    await open("/public");
    await page.getByLabel("检索标题、正文或文号").fill(typed);
    await page.getByRole("button", { name: "检索", exact: true }).click();
    await page.waitForURL(/\/public\/search\?/);
    expect(await page.locator(".search-results li .meta em").first().textContent()).toBe("共府发〔2019〕3号");
    await page.locator(".search-results li a").first().click();
    await page.waitForURL(/\/public\/items\//);
    expect(await page.locator("h1").textContent()).toContain("共青城市社会救助暂行办法");
    expect(await page.locator("tr", { hasText: "文号" }).locator("td").textContent()).toBe(
      "共府发〔2019〕3号",
    );
  });

  it("follow a column to an item and on to its interpretation", async () => {
    await open("/public");
    await page.locator(".column-tree").getByRole("link", { name: "规范性文件", exact: true }).click();
    await page.waitForURL(/column=normative-documents/);
    await page
      .getByRole("link", { name: /社会救助暂行办法/ })
      .first()
      .click();
    await page.waitForURL(/\/public\/items\//);
    await page.locator("tr", { hasText: "相关解读" }).getByRole("link").first().click();
    await page.waitForURL(/\/public\/items\//);
    expect(await page.locator("h1").textContent()).toMatch(/解读|图解/);
    expect(await page.locator("tr", { hasText: "相关解读" }).textContent()).toContain("社会救助暂行办法");
  });

  it("submit an application and look up its status with the tracking code and secret", async () => {
    await open("/public/apply");
    await page.getByLabel("受理机关（必填）").selectOption({ index: 0 });
    await page.getByLabel("申请人类型（必填）").selectOption("natural-person");
    await page.getByLabel("姓名或名称（必填）").fill("张三");
    await page.getByLabel("联系电话").fill("13800000000");
    await page.getByLabel(/所需信息的名称/).fill("申请公开2019年城区道路改造工程的招标文件");
    await page.getByRole("button", { name: "提交申请" }).click();
    await page.waitForURL(/\/public\/apply\/receipt$/);
    const trackingCode = (await page.locator("#tracking-code").textContent()) ?? "";
    const secret = (await page.locator("#secret").textContent()) ?? "";
    expect(page.url()).not.toContain(secret);
    await page.getByRole("link", { name: "查询办理状态" }).click();
    await page.getByLabel("查询码（必填）").fill(trackingCode);
    await page.getByLabel("查询密钥（必填）").fill(secret);
    await page.getByRole("button", { name: "查询" }).click();
    expect(await page.locator("#application-state").textContent()).toBe("已收到，办理中");
    expect(page.url()).not.toContain(secret);
    expect(await accessibilityProblems("application-status-result")).toEqual([]);
  });

  it("write to the mayor's mailbox", async () => {
    await open("/public/mailbox");
    await page.getByLabel("标题（必填）").fill("关于城区公共停车位不足的建议");
    await page.getByLabel("内容（必填）").fill("建议在老城区增设公共停车位，并公开收费标准。");
    await page.getByLabel("姓名（必填）").fill("王先生");
    await page.getByLabel("联系电话").fill("13800000000");
    await page.getByLabel(/是否同意公开/).selectOption("false");
    await page.getByRole("button", { name: "提交" }).click();
    await page.waitForURL(/\/public\/mailbox\/receipt$/);
    expect(await page.locator("h1").textContent()).toBe("来信已受理");
    expect(await page.locator("#tracking-code").textContent()).toMatch(/^XX\d{4}-/);
    expect(await accessibilityProblems("mailbox-receipt")).toEqual([]);
  });

  it("comment on an open consultation", async () => {
    const unit = Object.values(stack.credentials).find((c) => c.keys.editor && !c.keys.office);
    const editor = unit?.keys.editor ?? "";
    // biome-ignore lint/suspicious/noExplicitAny: the test reads JSON answers of many shapes
    const http = jsonClient<any>((path, init) => fetch(`${stack.url}${path}`, init));
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    const draft = await http("POST", "/publish/v1/items", editor, {
      kind: "general",
      title: "共青城市城区停车管理办法（征求意见稿）",
      columnId: "decision",
      body: "<p>第一条……</p>",
      generatedOn: today,
    });
    const title = `《共青城市城区停车管理办法（征求意见稿）》公开征求意见（${today}）`;
    const opened = await http("POST", "/publish/v1/consultations", editor, {
      title,
      itemId: draft.body.id,
      description: "欢迎社会各界提出意见建议。",
      opensOn: today,
      closesOn: today,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    await open("/public/consultations");
    await page.getByRole("link", { name: title }).click();
    await page.getByLabel("意见建议（必填）").fill("建议在学校周边设置限时免费停车位。");
    await page.getByRole("button", { name: "提交意见" }).click();
    await page.waitForURL(/\/commented$/);
    expect(await page.getByRole("status").textContent()).toContain("您的意见已收到");
    expect(await accessibilityProblems("consultation-commented")).toEqual([]);
  });

  it("keyboard only on the home page: the skip link comes first, lands in main, focus is always visible, and Enter opens a column", async () => {
    await open("/public");
    await page.keyboard.press("Tab");
    const first = await focused();
    expect(first).toMatchObject({ text: "跳到主要内容" });
    expect(first.left).toBeGreaterThanOrEqual(0);
    expect(first.outline).not.toBe("none");
    await page.keyboard.press("Enter");
    expect((await focused()).id).toBe("main");
    // On through the search form and the latest items to the catalogue, never leaving main, never invisible.
    let now = await focused();
    for (let step = 0; step < 40 && !now.inColumnTree; step++) {
      await page.keyboard.press("Tab");
      now = await focused();
      expect(now.inMain, JSON.stringify(now)).toBe(true);
      expect(now.outline, JSON.stringify(now)).not.toBe("none");
    }
    expect(now.inColumnTree, "a column link is reachable by Tab").toBe(true);
    const column = now.text;
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/public\/items\?column=/);
    expect(await page.locator("h1").textContent()).toBe(column);
  });

  it("the larger-text mode works without JavaScript: one button, and every page after it is larger", async () => {
    await page.context().clearCookies();
    const jsOff = await browser.newContext({ javaScriptEnabled: false });
    const plain = await jsOff.newPage();
    await plain.goto(`${stack.url}/public/documents`);
    const size = () => plain.evaluate<string>("getComputedStyle(document.documentElement).fontSize");
    expect(await size()).toBe("16px");
    await Promise.all([
      plain.waitForResponse((r) => r.url().endsWith("/public/display.css")),
      plain.getByRole("button", { name: "大字版" }).click(),
    ]);
    expect(plain.url()).toBe(`${stack.url}/public/documents`);
    expect(await size()).toBe("20px");
    await plain.goto(`${stack.url}/public`);
    expect(await size()).toBe("20px");
    await jsOff.close();
  });
});

describe("text resized to 200% (GB/T 37668-2019, WCAG 1.4.4): the larger-text mode at 200% zoom loses nothing sideways", () => {
  // A 1280 px wide window zoomed to 200% lays pages out in 640 CSS pixels at twice the density.
  const zoomedPages: [string, string][] = [
    ["home", "/public"],
    ["column-list", "/public/items?column=normative-documents"],
    ["search", `/public/search?q=${encodeURIComponent("社会救助")}`],
    ["documents", "/public/documents?year=2019"],
    ["application-form", "/public/apply"],
    ["mailbox", "/public/mailbox"],
    ["statistics-letters", "/public/statistics/letters?year=2019"],
  ];
  it.each(zoomedPages)("%s: no horizontal scrolling, and the text is the larger size", async (name, path) => {
    const zoomed = await browser.newContext({ viewport: { width: 640, height: 720 }, deviceScaleFactor: 2 });
    try {
      await zoomed.addCookies([{ name: "portal-display", value: "large", url: stack.url }]);
      const view = await zoomed.newPage();
      await view.goto(`${stack.url}${path}`);
      await view.screenshot({ path: join(screenshots, `zoom-200-large-${name}.png`), fullPage: true });
      const layout = await view.evaluate<{
        fontSize: string;
        scrollWidth: number;
        clientWidth: number;
        wide: string[];
      }>(`(() => {
        const root = document.documentElement;
        const wide = [...document.querySelectorAll("body *")]
          .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
          .slice(0, 5)
          .map((el) => el.tagName + (el.className ? "." + el.className : ""));
        return { fontSize: getComputedStyle(root).fontSize, scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
      })()`);
      expect(layout.fontSize).toBe("20px");
      expect(layout.scrollWidth, JSON.stringify(layout)).toBeLessThanOrEqual(layout.clientWidth);
    } finally {
      await zoomed.close();
    }
  });
});

describe("accessibility of every page type (axe-core, WCAG 2.1 A/AA)", () => {
  // One test per page type, so each stays within the run's 30 s on a slow machine.
  const pageTypes: [string, string][] = [
    ["home", "/public"],
    ["column-list", "/public/items?column=normative-documents"],
    ["search", `/public/search?q=${encodeURIComponent("社会救助")}`],
    ["search-error", `/public/search?q=${"长".repeat(101)}`],
    ["documents", "/public/documents?year=2019"],
    ["annual-report-index", "/public/reports/annual"],
    ["annual-report", "/public/reports/annual/2019"],
    ["application-status", "/public/apply/status"],
    ["application-receipt", "/public/apply/receipt"],
    ["mailbox", "/public/mailbox"],
    ["letter-status", "/public/mailbox/status"],
    ["mailbox-replies", "/public/mailbox/replies"],
    ["statistics-applications", "/public/statistics/applications?year=2019"],
    ["statistics-letters", "/public/statistics/letters?year=2019"],
    ["not-found", "/public/items/itm_01JD6Q3Z5K8X9V2M4N7P0R1S3T"],
  ];
  it.each(pageTypes)("%s: no serious or critical violation", async (name, path) => {
    await open(path);
    expect(await accessibilityProblems(name)).toEqual([]);
  });

  it("item-detail, reached from its column: no serious or critical violation", async () => {
    await open("/public/items?column=normative-documents");
    await page
      .getByRole("link", { name: /社会救助暂行办法/ })
      .first()
      .click();
    expect(await accessibilityProblems("item-detail")).toEqual([]);
  });

  it("application-form, blank and with its errors: no serious or critical violation", async () => {
    await open("/public/apply");
    const problems = await accessibilityProblems("application-form");
    await page.getByRole("button", { name: "提交申请" }).click();
    problems.push(...(await accessibilityProblems("application-form-errors")));
    expect(problems).toEqual([]);
  });

  it("mailbox-reply, reached from the published replies: no serious or critical violation", async () => {
    await open("/public/mailbox/replies");
    await page.locator(".item-list a").first().click();
    await page.waitForURL(/\/public\/mailbox\/replies\/let_/);
    expect(await page.locator("h2", { hasText: "答复内容" }).count()).toBe(1);
    expect(await accessibilityProblems("mailbox-reply")).toEqual([]);
  });

  it("tombstone of a withdrawn item (410): no serious or critical violation", async () => {
    const unit = Object.values(stack.credentials).find((c) => c.keys.editor && c.keys.reviewer);
    const { editor = "", reviewer = "" } = unit?.keys ?? {};
    // biome-ignore lint/suspicious/noExplicitAny: the test reads JSON answers of many shapes
    const http = jsonClient<any>((path, init) => fetch(`${stack.url}${path}`, init));
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    const draft = await http("POST", "/publish/v1/items", editor, {
      kind: "general",
      title: "关于发布有误后撤回的通知",
      columnId: "decision",
      body: "<p>本通知发布有误。</p>",
      generatedOn: today,
    });
    await http("POST", `/publish/v1/items/${draft.body.id}/submit`, editor);
    const review = { stateSecret: false, personalPrivacy: false, tradeSecret: false, otherSensitive: false };
    const approved = await http("POST", `/publish/v1/items/${draft.body.id}/approve`, reviewer, { review });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const withdrawn = await http("POST", `/publish/v1/items/${draft.body.id}/withdraw`, reviewer, {
      reason: "发布有误",
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    const res = await open(`/public/items/${draft.body.id}`);
    expect(res?.status()).toBe(410);
    expect(await accessibilityProblems("tombstone")).toEqual([]);
  });

  it("consultation, reached from the list: no serious or critical violation", async () => {
    await open("/public/consultations");
    const problems = await accessibilityProblems("consultations");
    await page.locator(".item-list a").first().click();
    problems.push(...(await accessibilityProblems("consultation")));
    expect(problems).toEqual([]);
  });

  it("no CSP violation on any page visited", () => {
    expect(cspViolations).toEqual([]);
  });
});
