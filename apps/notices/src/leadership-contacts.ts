import { clearLeadershipContact, leadershipContact, setLeadershipContact } from "@gov/core";
import { LeadershipContactInput, LeadershipContactView } from "@gov/domain";
import {
  commonProblems,
  jsonContent,
  named,
  newRouter,
  problemResponse,
  requireRole,
  security,
  unitCodeParam,
} from "@gov/http";
import { createRoute } from "@hono/zod-openapi";
import { examples } from "./examples.ts";

/**
 * Each unit's leadership contact (分管领导), set by the office: told by the 督办 scan when the
 * unit's findings become very overdue (ADR 0053). Stored sealed; answered masked only.
 */
const LeadershipContact = named(LeadershipContactView, "LeadershipContact");
const path = "/units/{unitCode}/leadership-contact";

export const leadershipContactRoutes = newRouter()
  .openapi(
    createRoute({
      method: "put",
      path,
      summary: "设置单位的分管领导联系方式（督办严重逾期时同时告知；整体替换）",
      description:
        "姓名必填，邮箱与手机号码至少一项。加密保存，接口只返回脱敏后的姓名、邮箱和手机号码。" +
        "单位督办事项严重逾期时，除报政务公开办外，同时通过邮件、短信告知分管领导，每项每个期限只告知一次。",
      security,
      middleware: [requireRole("office")] as const,
      request: {
        params: unitCodeParam,
        body: { required: true, ...jsonContent(LeadershipContactInput, examples.leadershipContact) },
      },
      responses: {
        200: { description: "已设置（脱敏）", ...jsonContent(LeadershipContact) },
        ...commonProblems,
        503: problemResponse("未配置送达渠道密钥"),
      },
    }),
    async (c) => {
      const input = { ...c.req.valid("json"), ...c.req.valid("param") };
      return c.json(await setLeadershipContact(c.var.deps, c.var.principal, input), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path,
      summary: "单位的分管领导联系方式（脱敏）",
      security,
      middleware: [requireRole("office")] as const,
      request: { params: unitCodeParam },
      responses: {
        200: {
          description: "分管领导联系方式（未设置时 contact 为 null）",
          ...jsonContent(LeadershipContact),
        },
        ...commonProblems,
      },
    }),
    async (c) => c.json(await leadershipContact(c.var.deps, c.var.principal, c.req.valid("param")), 200),
  )
  .openapi(
    createRoute({
      method: "delete",
      path,
      summary: "取消单位的分管领导联系方式（此后严重逾期只报政务公开办）",
      security,
      middleware: [requireRole("office")] as const,
      request: { params: unitCodeParam },
      responses: { 200: { description: "已取消", ...jsonContent(LeadershipContact) }, ...commonProblems },
    }),
    async (c) => c.json(await clearLeadershipContact(c.var.deps, c.var.principal, c.req.valid("param")), 200),
  );
