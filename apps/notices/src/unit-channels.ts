import { setUnitChannels, unitChannels } from "@gov/core";
import { UnitChannelsInput, UnitChannelsView } from "@gov/domain";
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
 * The channels each unit receives notices on, set by the office. What is stored is sealed;
 * what is answered is the kind and a hint, never a robot key, a secret, an address or a phone.
 */
const UnitChannels = named(UnitChannelsView, "UnitChannels");

export const unitChannelRoutes = newRouter()
  .openapi(
    createRoute({
      method: "put",
      path: "/units/{unitCode}/channels",
      summary: "设置单位的送达渠道（企业微信群机器人、钉钉群机器人、邮箱、手机号；整体替换）",
      description:
        "每种渠道至多一个。机器人地址须为官方地址（密钥在地址中），钉钉可附加签密钥。" +
        "密钥与联系方式加密保存，接口只返回渠道类型、密钥末4位和数量。渠道列表为空即取消全部渠道。",
      security,
      middleware: [requireRole("office")] as const,
      request: {
        params: unitCodeParam,
        body: { required: true, ...jsonContent(UnitChannelsInput, examples.channels) },
      },
      responses: {
        200: { description: "已设置", ...jsonContent(UnitChannels) },
        ...commonProblems,
        503: problemResponse("未配置送达渠道密钥"),
      },
    }),
    async (c) => {
      const input = { ...c.req.valid("json"), ...c.req.valid("param") };
      return c.json(await setUnitChannels(c.var.deps, c.var.principal, input), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/units/{unitCode}/channels",
      summary: "单位的送达渠道（类型、密钥末4位、邮箱和手机号个数）",
      security,
      middleware: [requireRole("office")] as const,
      request: { params: unitCodeParam },
      responses: { 200: { description: "送达渠道", ...jsonContent(UnitChannels) }, ...commonProblems },
    }),
    async (c) => c.json(await unitChannels(c.var.deps, c.var.principal, c.req.valid("param")), 200),
  );
