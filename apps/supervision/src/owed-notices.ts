import { listOwedNotices } from "@gov/core";
import { OwedNotice } from "@gov/domain";
import { commonProblems, jsonContent, named, newRouter, requireRole, security } from "@gov/http";
import { createRoute, z } from "@hono/zod-openapi";

/** Notices that rounds and rectification tasks promised and that are not issued yet: visible, never silent. */
export const owedNoticeRoutes = newRouter().openapi(
  createRoute({
    method: "get",
    path: "/owed-notices",
    summary: "待发出的考评、督办通知（考评轮次和整改任务要求发出、尚未发出的；定时督办会补发）",
    security,
    middleware: [requireRole("office")] as const,
    responses: {
      200: {
        description: "列表（最早的在前，至多100条）",
        ...jsonContent(z.object({ items: z.array(named(OwedNotice, "OwedNotice")), nextCursor: z.null() })),
      },
      ...commonProblems,
    },
  }),
  async (c) => c.json({ items: await listOwedNotices(c.var.deps, c.var.principal), nextCursor: null }, 200),
);
