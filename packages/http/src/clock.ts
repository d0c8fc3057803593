import { shanghaiDate } from "@gov/domain";
import type { Context } from "hono";
import type { AppEnv } from "./env.ts";

/** The request's instant from the one clock in deps (tests and the demo seeding move it). */
export const nowIso = (c: Context<AppEnv>) => c.var.deps.clock().toISOString();

/** The request's Asia/Shanghai day: deadlines and overdue are day-based. */
export const todayOf = (c: Context<AppEnv>) => shanghaiDate(c.var.deps.clock());
