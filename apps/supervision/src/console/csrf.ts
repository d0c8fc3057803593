import { randomBytes } from "node:crypto";
import { createMiddleware } from "hono/factory";
import type { ConsoleEnv } from "./console-env.ts";
import { csrfCookie, readCookie, setCsrfCookie } from "./cookies.ts";
import type { Signer } from "./session.ts";

/**
 * CSRF (ADR 0054): a signed double submit. The browser keeps a random nonce in an HttpOnly
 * cookie; every form carries the nonce's HMAC under the session key. A POST counts only when
 * its form's token is the HMAC of the nonce its own cookie holds: another site can neither
 * read the cookie nor compute the HMAC, and SameSite=Strict keeps the cookie from its requests
 * anyway. It protects the sign-in form too, which no session exists for yet.
 */
export const csrfField = "csrf";

const Nonce = /^[A-Za-z0-9_-]{22}$/;

const tokenOf = (signer: Signer, nonce: string) => signer.sign(`csrf.${nonce}`);

/** Every console request: the browser's nonce (made on its first visit) and the token its forms carry. */
export const csrfToken = createMiddleware<ConsoleEnv>(async (c, next) => {
  let nonce = readCookie(c, csrfCookie);
  if (!nonce || !Nonce.test(nonce)) {
    nonce = randomBytes(16).toString("base64url");
    setCsrfCookie(c, nonce);
  }
  c.set("csrfToken", await tokenOf(c.var.signer, nonce));
  await next();
});

/** Whether a form's token matches the nonce the request's own cookie holds (a new nonce set just now never does). */
export async function csrfHolds(c: Parameters<typeof csrfToken>[0]): Promise<boolean> {
  const nonce = readCookie(c, csrfCookie);
  const form = await c.req.parseBody();
  const sent = form[csrfField];
  if (!nonce || !Nonce.test(nonce) || typeof sent !== "string") return false;
  return c.var.signer.verify(`csrf.${nonce}`, sent);
}
