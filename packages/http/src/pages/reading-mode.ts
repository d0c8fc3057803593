import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";

/** 适老化: the visitor's reading mode, kept in a cookie so it works without JavaScript. */
export type Display = { large: boolean; contrast: boolean };

const cookieName = "portal-display";

export function displayOf(c: Context): Display {
  const value = getCookie(c, cookieName) ?? "";
  return { large: value.includes("large"), contrast: value.includes("contrast") };
}

/** Only a page of this portal: a `back` to anywhere else would make the form an open redirect. */
export function safeBack(back: string | undefined, base: string): string {
  const ours = back === base || back?.startsWith(`${base}/`) || back?.startsWith(`${base}?`);
  return back && ours && !/[\\\r\n]/.test(back) ? back : base;
}

/** The mode form's answer: toggle one setting, keep the other, and go back to the page it came from. */
export function toggleDisplay(c: Context, setting: string | undefined): Display {
  const display = displayOf(c);
  if (setting === "large") display.large = !display.large;
  if (setting === "contrast") display.contrast = !display.contrast;
  if (setting === "standard") Object.assign(display, { large: false, contrast: false });
  const value = [display.large ? "large" : "", display.contrast ? "contrast" : ""].filter(Boolean).join("-");
  setCookie(c, cookieName, value || "standard", {
    path: "/",
    maxAge: 365 * 86_400,
    sameSite: "Lax",
    httpOnly: true,
    secure: new URL(c.req.url).protocol === "https:",
  });
  return display;
}

/** The mode form's route: toggle, then 303 back to the page it came from (only a page under `base`). */
export async function switchReadingMode(c: Context, base: string) {
  const form = await c.req.parseBody();
  toggleDisplay(c, typeof form.setting === "string" ? form.setting : undefined);
  return c.redirect(safeBack(typeof form.back === "string" ? form.back : undefined, base), 303);
}
