import { createRoute, z } from "@hono/zod-openapi";
import { newRouter } from "./app.ts";
import { jsonContent, security } from "./openapi.ts";

/** Lets a department system check its key: which unit and roles it acts as. */
export const whoamiRoutes = () =>
  newRouter().openapi(
    createRoute({
      method: "get",
      path: "/whoami",
      summary: "当前密钥所属单位与角色",
      security,
      responses: {
        200: {
          description: "当前身份",
          ...jsonContent(z.object({ unitCode: z.string(), roles: z.array(z.string()), keyId: z.string() })),
        },
      },
    }),
    (c) => {
      const { unitCode, roles, keyId } = c.var.principal;
      return c.json({ unitCode, roles, keyId }, 200);
    },
  );
