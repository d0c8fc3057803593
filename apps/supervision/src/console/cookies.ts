import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { CookieOptions } from "hono/utils/cookie";
import { consoleBase } from "./paths.ts";
import { sessionHours } from "./session.ts";

/**
 * The console's two cookies (ADR 0054), both HttpOnly, Secure and SameSite=Strict, sent only
 * to the console's paths. `__Secure-` makes the browser refuse either one set without Secure.
 */
export const sessionCookie = "__Secure-console-session";
export const csrfCookie = "__Secure-console-csrf";

const flags: CookieOptions = { path: consoleBase, httpOnly: true, secure: true, sameSite: "Strict" };

export const readCookie = (c: Context, name: string) => getCookie(c, name);

export function setSessionCookie(c: Context, value: string) {
  setCookie(c, sessionCookie, value, { ...flags, maxAge: sessionHours * 3600 });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, sessionCookie, flags);
}

/** The browser's CSRF nonce lives as long as the browser session: a sign-in form needs one before any session exists. */
export function setCsrfCookie(c: Context, nonce: string) {
  setCookie(c, csrfCookie, nonce, flags);
}
