import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

/**
 * The browser tests' harness (issue 16): Debian's chromium driven by playwright-core (no
 * browser download), axe-core read from the installed package and evaluated through the
 * driver, so the pages' CSP stays on.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });

/** The folder (not committed) where a test file's screenshots go, made if missing. */
export function screenshotFolder(name: string): string {
  const folder = join(dirname(fileURLToPath(import.meta.url)), "..", "test-output", name);
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** Loads axe-core into every document the page opens and collects the CSP violations it reports. */
export async function watchPage(page: Page, cspViolations: string[]): Promise<void> {
  // Through the driver, before each document's own scripts: the page's CSP does not apply to it.
  await page.addInitScript(axeSource);
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) cspViolations.push(message.text());
  });
}

/** A screenshot for people, then axe-core's WCAG 2 A/AA rules: no serious or critical violation may remain. */
export async function axeProblems(
  page: Page,
  folder: string,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string[]> {
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: options.fullPage ?? false });
  const result = await page.evaluate<{
    violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
  }>(`axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] })`);
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${name}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
