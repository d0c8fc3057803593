import type { LocalStack } from "@gov/local";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeProblems, launchChromium, screenshotFolder, watchPage } from "./browser.ts";
import { startStack } from "./stack.ts";

/**
 * The office console in a real browser (issue 16, ADR 0054), with the portal test's harness:
 * Debian's chromium through playwright-core, one stack and one browser for the file, axe-core
 * evaluated through the driver so the pages' CSP stays on. The journey runs with JavaScript
 * off: the console has no script, so nothing may depend on one.
 */
const screenshots = screenshotFolder("console");
const officeUnitCode = "000014349";

let stack: LocalStack;
let browser: Browser;
let signedIn: BrowserContext;
let page: Page;
const cspViolations: string[] = [];

const officeKey = () => stack.credentials[officeUnitCode]?.keys.office ?? "";

async function signIn(p: Page, key: string) {
  await p.goto(`${stack.url}/supervision/console/sign-in`);
  await p.getByLabel("API密钥（必填）").fill(key);
  await p.getByRole("button", { name: "登录", exact: true }).click();
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startStack({ dataDir: undefined, seed: "demo", demo: "console" }),
    launchChromium(),
  ]);
  signedIn = await browser.newContext({ locale: "zh-CN" });
  page = await signedIn.newPage();
  await watchPage(page, cspViolations);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const open = (path: string) => page.goto(`${stack.url}/supervision/console${path}`);

/** A screenshot for people, then axe-core: no serious or critical violation may remain. */
const accessibilityProblems = (name: string) => axeProblems(page, screenshots, name, { fullPage: true });

describe("journey through the console", () => {
  it("sign in with the demo office key, JavaScript off, and see an overdue rectification task", async () => {
    const jsOff = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
    const plain = await jsOff.newPage();
    await signIn(plain, officeKey());
    await plain.waitForURL(/\/supervision\/console$/);
    expect(await plain.locator("h1").textContent()).toBe("整改看板");
    const cookies = await jsOff.cookies();
    const session = cookies.find((c) => c.name === "__Secure-console-session");
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: "Strict" });
    expect(session?.value).not.toContain(officeKey());
    const late = plain.locator("table.tasks tr", { hasText: "已逾期" }).first();
    expect(await late.count()).toBe(1);
    await late.getByRole("link").click();
    await plain.waitForURL(/\/supervision\/console\/tasks\//);
    expect(await plain.locator("h1").textContent()).toMatch(/^整改任务：/);
    expect(await plain.locator("tr", { hasText: "整改期限" }).textContent()).toContain("已逾期");
    await plain.getByRole("link", { name: "逾期事项" }).click();
    expect(await plain.locator("table.overdue-list").textContent()).toContain("整改任务");
    await plain.getByRole("button", { name: "退出登录" }).click();
    await plain.waitForURL(/\/sign-in$/);
    expect((await jsOff.cookies()).some((c) => c.name === "__Secure-console-session")).toBe(false);
    await jsOff.close();
  });

  it("a wrong key shows the form again with the error beside it", async () => {
    await signIn(page, "gk_wrong");
    expect(await page.getByRole("alert").textContent()).toContain("API密钥无效或已停用");
    expect(await accessibilityProblems("sign-in-error")).toEqual([]);
  });
});

describe("accessibility of every console page type (axe-core, WCAG 2.1 A/AA)", () => {
  it("sign-in: no serious or critical violation", async () => {
    await signedIn.clearCookies();
    await open("/sign-in");
    expect(await accessibilityProblems("sign-in")).toEqual([]);
    await signIn(page, officeKey());
    await page.waitForURL(/\/supervision\/console$/);
  });

  // One test per page type, so each stays within the run's 30 s on a slow machine.
  const pageTypes: [string, string][] = [
    ["board", ""],
    ["board-filtered", "?state=open"],
    ["overdue", "/overdue"],
    ["timeliness", "/timeliness?year=2019"],
    ["rankings", "/rankings?year=2019"],
    ["notices", "/notices"],
    ["runs", "/runs"],
    ["not-found", "/tasks/rtask_01JD6Q3Z5K8X9V2M4N7P0R1S3T"],
  ];
  it.each(pageTypes)("%s: no serious or critical violation", async (name, path) => {
    await open(path);
    expect(await accessibilityProblems(name)).toEqual([]);
  });

  it("the timeliness chart is an image with its title, and its numbers are in a table", async () => {
    await open("/timeliness?year=2019");
    const chart = page.getByRole("img", { name: /2019年各单位依申请公开办理时效/ });
    expect(await chart.count()).toBe(1);
    expect(await page.locator("table.timeliness tbody tr").count()).toBeGreaterThan(0);
  });

  it("task and notice details, reached from their lists: no serious or critical violation", async () => {
    await open("");
    await page.locator("table.tasks a").first().click();
    await page.waitForURL(/\/tasks\//);
    const problems = await accessibilityProblems("task");
    await open("/notices");
    await page.locator("main table a").first().click();
    await page.waitForURL(/\/notices\/ntc_/);
    problems.push(...(await accessibilityProblems("notice")));
    expect(problems).toEqual([]);
  });

  it("keyboard: the skip link comes first and focus is visible", async () => {
    await open("");
    await page.keyboard.press("Tab");
    const first = await page.evaluate<{ text: string; outline: string }>(
      `(() => ({ text: document.activeElement.textContent, outline: getComputedStyle(document.activeElement).outlineStyle }))()`,
    );
    expect(first).toMatchObject({ text: "跳到主要内容" });
    expect(first.outline).not.toBe("none");
  });

  it("no CSP violation on any page visited", () => {
    expect(cspViolations).toEqual([]);
  });
});
