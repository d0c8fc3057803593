import { hasRole, type Role } from "@gov/domain";
import type { Principal } from "@gov/store";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv, Deps } from "./env.ts";
import { problem } from "./problem.ts";

/**
 * Bearer key → principal (unit + roles) in the request context. Everything downstream
 * reads and writes as this principal, scoped to its unit.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearerToken(c);
  const principal = token ? await principalOfKey(c.var.deps, token) : undefined;
  if (!principal) {
    const response = problem("unauthenticated", "缺少或无效的API密钥");
    response.headers.set("www-authenticate", 'Bearer realm="gov-disclosure"');
    return response;
  }
  c.set("principal", principal);
  await next();
});

/** The principal an API key stands for, if it is one and not revoked: the bearer's, or the one a console sign-in presents. */
export const principalOfKey = (deps: Deps, key: string): Promise<Principal | undefined> =>
  deps.store.apiKeys.authenticate(key);

/** Refuses the request unless the key carries one of the roles (the office may do everything). */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.var.principal;
    if (!hasRole(principal, "office") && !roles.some((r) => hasRole(principal, r))) {
      return problem("forbidden", `此操作需要以下角色之一：${roles.join("、")}`);
    }
    await next();
  });
}

/**
 * The token of `Authorization: Bearer <token>`: a department's API key, or a citizen's secret
 * (kept out of URLs, so never in an access log; ADR 0018).
 */
export function bearerToken(c: Context): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
}
