import { describe, expect, it } from "vitest";
import { z } from "zod";
import "./app.ts";
import { fieldIssues } from "@gov/domain";
import { problem } from "./problem.ts";

describe("problem+json (RFC 9457)", () => {
  it("carries type, title, status, detail and field errors", async () => {
    const res = problem("validation", "请求内容不符合要求", [{ path: "title", message: "不能为空" }]);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    expect(await res.json()).toEqual({
      type: "/problems/validation",
      title: "请求参数有误",
      status: 400,
      detail: "请求内容不符合要求",
      errors: [{ path: "title", message: "不能为空" }],
    });
  });

  it("names each field by its dotted path, and each unknown key separately", () => {
    const schema = z.strictObject({ review: z.strictObject({ stateSecret: z.boolean() }) });
    const result = schema.safeParse({ review: { stateSecret: "no", extra: 1 }, state: "x" });
    expect(result.success).toBe(false);
    const paths = fieldIssues(result.error as z.ZodError).map((i) => i.path);
    expect(paths.sort()).toEqual(["review.extra", "review.stateSecret", "state"]);
  });

  it("an empty or dotted unknown key still gets a path that names it", () => {
    const result = z.strictObject({ a: z.strictObject({}) }).safeParse({ "": 1, a: { "x.y": 2 } });
    const paths = fieldIssues(result.error as z.ZodError).map((i) => i.path);
    expect(paths.sort()).toEqual(['[""]', 'a["x.y"]']);
  });

  it("validation messages are in Chinese", () => {
    const result = z.object({ n: z.number() }).safeParse({ n: "x" });
    expect(fieldIssues(result.error as z.ZodError)[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
