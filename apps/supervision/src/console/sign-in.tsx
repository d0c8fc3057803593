/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { principalOfKey } from "@gov/http";
import type { CC } from "./console-env.ts";
import { clearSessionCookie, setSessionCookie } from "./cookies.ts";
import { csrfField } from "./csrf.ts";
import { consoleBase } from "./paths.ts";
import { consolePage } from "./render.tsx";
import { sealSession } from "./session.ts";

/** The sign-in form: the key is typed, posted once, and never written back into a page or a cookie. */
export function signInPage(c: CC, error?: string) {
  return consolePage(
    c,
    "登录",
    <>
      <h1>登录控制台</h1>
      <p>
        请输入本单位的API密钥（政务公开办或各单位的密钥）。登录后浏览器只保存签名的会话，不保存密钥，会话8小时后失效。
      </p>
      {error && (
        <p class="error-summary" role="alert" id="sign-in-error">
          {error}
        </p>
      )}
      <form class="sign-in" method="post" action={`${consoleBase}/sign-in`}>
        <input type="hidden" name={csrfField} value={c.var.csrfToken} />
        <div class="form-field">
          <label for="key">API密钥（必填）</label>
          <input
            id="key"
            name="key"
            type="password"
            required
            autocomplete="off"
            spellcheck={false}
            {...(error ? { "aria-invalid": "true", "aria-describedby": "sign-in-error" } : {})}
          />
        </div>
        <button type="submit" class="primary">
          登录
        </button>
      </form>
    </>,
    { status: error ? 401 : 200, signedIn: false },
  );
}

/**
 * A key for a session: the same key check as the API's bearer keys (the API has no lockout:
 * a key is 192 random bits, ADR 0054). A wrong key is the form again, 401, with nothing set.
 */
export async function signIn(c: CC) {
  const form = await c.req.parseBody();
  const key = typeof form.key === "string" ? form.key.trim() : "";
  const principal = key && key.length <= 200 ? await principalOfKey(c.var.deps, key) : undefined;
  if (!principal) return signInPage(c, "API密钥无效或已停用，请核对后重新输入。");
  setSessionCookie(c, await sealSession(c.var.signer, principal, c.var.deps.clock()));
  return c.redirect(consoleBase, 303);
}

export function signOut(c: CC) {
  clearSessionCookie(c);
  return c.redirect(`${consoleBase}/sign-in`, 303);
}
